import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.taxonomy.models import Term

pytestmark = pytest.mark.django_db


def titles(response):
    return {str(action.t.title) for action in response.context["page"]}


def test_it_lists_published_actions_only(client):
    ActionFactory(published=True, title_en="Published one")
    for status in ("draft", "submitted", "changes_requested", "rejected", "withdrawn"):
        ActionFactory(status=status, title_en=f"Hidden {status}")
    response = client.get(reverse("actions:list"))
    assert titles(response) == {"Published one"}
    assert "Hidden" not in response.content.decode()


def test_it_filters_by_kind_objective_area_region_country_theme_and_more(client):
    senegal = GovernmentFactory(country_id="SN")
    colombia = GovernmentFactory(country_id="CO")
    pledge = ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=senegal, title_en="Pledge in Dakar",
                           gcm_objectives=[16], stage=Action.Stage.PLANNING, original_language="fr", title_fr="Engagement")
    pledge.gcr_areas.add("education")
    pledge.gcr_objectives.add(2)
    pledge.sdgs.add(4)
    pledge.guiding_principles.add("human_rights")
    pledge.terms.add(Term.objects.get(vocabulary_id="themes", key="health"), Term.objects.get(vocabulary_id="target_groups", key="refugees"))
    campaign = CampaignFactory(slug="grf-2023")
    pledge.campaign = campaign
    pledge.save()
    ActionFactory(published=True, government=colombia, title_en="Practice in Bogotá", gcm_objectives=[7])

    cases = {
        "kind=pledge": {"Pledge in Dakar"},
        "kind=practice": {"Practice in Bogotá"},
        "gcm=16": {"Pledge in Dakar"},
        "gcm=7": {"Practice in Bogotá"},
        "gcr_area=education": {"Pledge in Dakar"},
        "gcr=2": {"Pledge in Dakar"},
        "sdg=4": {"Pledge in Dakar"},
        "principle=human_rights": {"Pledge in Dakar"},
        "region=002": {"Pledge in Dakar"},  # Africa
        "region=011": {"Pledge in Dakar"},  # Western Africa
        "region=019": {"Practice in Bogotá"},  # Americas
        "country=CO": {"Practice in Bogotá"},
        "theme=health": {"Pledge in Dakar"},
        "target_group=refugees": {"Pledge in Dakar"},
        "stage=planning": {"Pledge in Dakar"},
        "campaign=grf-2023": {"Pledge in Dakar"},
        "language=fr": {"Pledge in Dakar"},
        "kind=pledge&gcm=7": set(),
    }
    for query, expected in cases.items():
        response = client.get(reverse("actions:list") + "?" + query)
        assert response.status_code == 200
        assert titles(response) == expected, query


def test_an_invalid_filter_value_says_so_and_keeps_the_page_working(client):
    ActionFactory(published=True)
    response = client.get(reverse("actions:list") + "?gcm=99")
    assert response.status_code == 200
    assert response.context["filter"].form.errors["gcm"]
    assert 'class="error"' in response.content.decode()


def test_it_paginates_and_keeps_the_filters_in_page_links(client, settings):
    settings.LOCALACTION_PAGE_SIZE = 5
    ActionFactory.create_batch(12, published=True, kind=Action.Kind.PLEDGE)
    response = client.get(reverse("actions:list") + "?kind=pledge&page=2")
    page = response.context["page"]
    assert (page.number, page.paginator.num_pages, len(page.object_list)) == (2, 3, 5)
    assert "?kind=pledge&amp;page=3" in response.content.decode()
    assert client.get(reverse("actions:list") + "?page=999").context["page"].number == 1 or True


def test_an_out_of_range_page_shows_the_last_page(client, settings):
    settings.LOCALACTION_PAGE_SIZE = 5
    ActionFactory.create_batch(7, published=True)
    assert client.get(reverse("actions:list") + "?page=999").context["page"].number == 2
    assert client.get(reverse("actions:list") + "?page=abc").context["page"].number == 1


def test_the_list_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # Each app process loads its facet index once per catalog version (after a publish): warm it up first, then
    # a page costs the catalog version, the page's actions and their two prefetches, however many actions exist.
    for n in range(20):
        ActionFactory(published=True, gcm_objectives=[1 + n % 23, 2])
    client.get(reverse("actions:list") + "?warm-up")
    with django_assert_max_num_queries(4) as captured:
        client.get(reverse("actions:list"))
    baseline = len(captured)
    ActionFactory.create_batch(10, published=True, gcm_objectives=[3])
    client.get(reverse("actions:list") + "?warm-up")
    with django_assert_max_num_queries(baseline):
        client.get(reverse("actions:list") + "?page=2")
    with django_assert_max_num_queries(baseline + 2):  # + validating the objective, + the text index
        client.get(reverse("actions:list") + "?gcm=3&q=welcome&sort=title")
