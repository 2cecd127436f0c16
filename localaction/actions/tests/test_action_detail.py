import pytest
from django.urls import reverse
from django.utils import translation

from localaction.actions.models import Action, CoPledger
from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db


def test_it_shows_every_public_field_of_a_published_action(client):
    action = ActionFactory(
        published=True, kind=Action.Kind.PLEDGE, stage=Action.Stage.IN_PROGRESS, gcm_objectives=[16],
        title_en="Neighbourhood language cafés", description_en="Volunteers meet newcomers weekly.",
        goals_en="Reach 500 people.", partnership_sought="Universities with language departments",
    )
    action.gcr_areas.add("education")
    action.sdgs.add(4)
    action.partners.create(name="Refugee Welcome Network", kind="migrant_led")
    action.indicators.create(name="People taking part", unit="people", baseline=0, target=500)

    response = client.get(action.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Neighbourhood language cafés", "Volunteers meet newcomers weekly.", "Reach 500 people.",
                 "Universities with language departments", "Refugee Welcome Network", "People taking part",
                 "In progress", action.public_id):
        assert text in page
    assert f'{reverse("actions:list")}?gcm=16' in page
    assert f'{reverse("actions:list")}?gcr_area=education' in page
    assert f'{reverse("actions:list")}?sdg=4' in page


@pytest.mark.parametrize("status", [s for s in Action.Status.values if s != Action.Status.PUBLISHED])
def test_it_hides_unpublished_actions_from_the_public(client, status):
    action = ActionFactory(status=status)
    assert client.get(reverse("actions:detail", args=[action.public_id, action.slug])).status_code == 404
    assert client.get(reverse("actions:detail_short", args=[action.public_id])).status_code == 404


def test_an_unknown_identifier_is_not_found(client):
    assert client.get(reverse("actions:detail", args=["zzzzzzzz", "anything"])).status_code == 404


def test_a_wrong_or_missing_slug_redirects_to_the_stable_address(client):
    action = ActionFactory(published=True)
    for url in (reverse("actions:detail_short", args=[action.public_id]), reverse("actions:detail", args=[action.public_id, "old-title"])):
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == action.get_absolute_url()


def test_a_draft_slug_follows_its_title():
    action = ActionFactory(title_en="Working title")
    action.title_en = "Final title"
    action.save()
    assert action.slug == "final-title"


def test_the_slug_does_not_change_once_published():
    action = ActionFactory(published=True, title_en="First title")
    url = action.get_absolute_url()
    action.title_en = "A completely different title"
    action.save()
    assert action.get_absolute_url() == url


def test_it_labels_text_shown_in_its_original_language(client):
    action = ActionFactory(published=True, original_language="es", title_en="", title_es="Huertos urbanos compartidos",
                           summary_en="", summary_es="Vecinos y recién llegados cultivan juntos.")
    with translation.override("fr"):
        url = action.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Huertos urbanos compartidos" in page
    assert 'lang="es"' in page
    assert 'class="original-language"' in page
    assert "espagnol" in page.lower()


def test_it_lists_confirmed_co_pledgers_only(client):
    action = ActionFactory(published=True, kind=Action.Kind.PLEDGE)
    confirmed = GovernmentFactory(name="Confirmed City")
    pending = GovernmentFactory(name="Pending City")
    CoPledger.objects.create(action=action, government=confirmed, confirmed_at="2026-01-01T00:00Z")
    CoPledger.objects.create(action=action, government=pending)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Confirmed City" in page
    assert "Pending City" not in page


def test_it_links_a_matched_pledge_both_ways(client):
    sought = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Support sought for reception")
    offered = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Support offered", matches=sought)
    assert "Support sought for reception" in client.get(offered.get_absolute_url()).content.decode()
    assert "Support offered" in client.get(sought.get_absolute_url()).content.decode()


def test_a_draft_matched_pledge_stays_hidden(client):
    draft = ActionFactory(kind=Action.Kind.PLEDGE, title_en="Secret draft pledge")
    offered = ActionFactory(published=True, kind=Action.Kind.PLEDGE, matches=draft)
    assert "Secret draft pledge" not in client.get(offered.get_absolute_url()).content.decode()


def test_the_detail_page_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    action = ActionFactory(published=True, gcm_objectives=[1, 2, 3])
    for n in range(5):
        action.partners.create(name=f"Partner {n}")
        action.indicators.create(name=f"Indicator {n}")
        action.links.create(url=f"https://example.org/{n}")
    with django_assert_max_num_queries(20):
        assert client.get(action.get_absolute_url()).status_code == 200
