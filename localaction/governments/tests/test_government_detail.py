import pytest
from django.urls import reverse

from localaction.actions.models import Action, CoPledger
from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db


def test_it_shows_a_verified_government_with_its_published_actions(client):
    government = GovernmentFactory(name="Ville de Test", population=120000, country_id="SN")
    ActionFactory(government=government, published=True, title_en="Shown action")
    ActionFactory(government=government, status=Action.Status.DRAFT, title_en="Draft action")
    response = client.get(government.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ville de Test" in page and "Shown action" in page and "120,000" in page
    assert "Draft action" not in page
    assert "Africa" in page  # derived M49 region


def test_it_lists_pledges_the_government_confirmed_joining(client):
    government = GovernmentFactory()
    joint = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Joint pledge")
    CoPledger.objects.create(action=joint, government=government, confirmed_at="2026-01-01T00:00Z")
    unconfirmed = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Invitation only")
    CoPledger.objects.create(action=unconfirmed, government=government)
    page = client.get(government.get_absolute_url()).content.decode()
    assert "Joint pledge" in page
    assert "Invitation only" not in page


def test_an_unverified_or_unknown_government_is_not_found(client):
    government = GovernmentFactory(verified=False)
    assert client.get(government.get_absolute_url()).status_code == 404
    assert client.get(reverse("governments:detail", args=["nowhere"])).status_code == 404


def test_the_list_shows_verified_governments_with_counts(client, django_assert_max_num_queries):
    shown = GovernmentFactory(name="Listed Town")
    ActionFactory.create_batch(2, government=shown, published=True)
    GovernmentFactory(name="Unverified Town", verified=False)
    GovernmentFactory.create_batch(10)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("governments:list"))
    page = response.content.decode()
    assert "Listed Town" in page and "Unverified Town" not in page
    listed = next(g for g in response.context["page"] if g.name == "Listed Town")
    assert listed.published_count == 2
