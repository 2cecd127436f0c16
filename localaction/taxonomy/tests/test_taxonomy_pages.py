import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory

pytestmark = pytest.mark.django_db


def test_an_objective_page_lists_its_published_actions(client, django_assert_max_num_queries):
    ActionFactory(published=True, title_en="On sixteen", gcm_objectives=[16])
    ActionFactory(published=True, title_en="On seven", gcm_objectives=[7])
    ActionFactory(status=Action.Status.SUBMITTED, title_en="Not yet", gcm_objectives=[16])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("taxonomy:gcm_objective", args=[16]))
    page = response.content.decode()
    assert "On sixteen" in page and "On seven" not in page and "Not yet" not in page
    assert "Empower migrants and societies to realize full inclusion and social cohesion" in page
    assert f'{reverse("actions:list")}?gcm=16' in page


def test_area_goal_and_refugee_objective_pages(client):
    action = ActionFactory(published=True, title_en="School places")
    action.gcr_areas.add("education")
    action.sdgs.add(4)
    action.gcr_objectives.add(2)
    for url in (reverse("taxonomy:gcr_area", args=["education"]), reverse("taxonomy:sdg", args=[4]), reverse("taxonomy:gcr_objective", args=[2])):
        assert "School places" in client.get(url).content.decode(), url


def test_indexes_count_published_actions(client):
    ActionFactory(published=True, gcm_objectives=[3])
    ActionFactory(status=Action.Status.DRAFT, gcm_objectives=[3])
    objectives = client.get(reverse("taxonomy:gcm_index")).context["objectives"]
    assert {o.number: o.published_count for o in objectives}[3] == 1


@pytest.mark.parametrize("url_name, arg", [("gcm_objective", 24), ("gcm_objective", 0), ("sdg", 18), ("gcr_objective", 5), ("gcr_area", "nothing")])
def test_unknown_terms_are_not_found(client, url_name, arg):
    assert client.get(reverse(f"taxonomy:{url_name}", args=[arg])).status_code == 404
