"""GET /api/v1/actions/<public id>/: what the action's public page shows, and nothing that is not public."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localaction.progress.tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def detail(client, action, **params):
    return client.get(reverse("api:action-detail", args=[getattr(action, "public_id", action)]), params)


def test_it_shows_everything_the_public_page_shows(client, read_data):
    data = detail(client, read_data.pledge).json()

    assert data["id"] == read_data.pledge.public_id
    assert (data["kind"], data["stage"]) == ("pledge", "planning")
    assert data["title"] == "Language cafés"
    assert data["government"]["id"] == "dakar"
    assert data["co_pledgers"] == [{
        "id": "bogota", "name": "Bogotá", "country": "CO",
        "url": f"http://testserver{reverse('api:government-detail', args=['bogota'])}",
    }]
    assert data["indicators"] == [
        {"name": "People taking part", "unit": "people", "baseline": "10.00", "target": "500.00", "target_date": None}
    ]
    assert (data["budget"], data["currency"]) == ("100000.00", "EUR")
    assert data["translations"] == {"en": "original", "fr": "submitted", "es": "missing"}


def test_only_public_documents_are_listed_with_their_download_address(client, read_data):
    documents = detail(client, read_data.housing).json()["documents"]

    assert [document["title"] for document in documents] == ["Report"]
    assert client.get(documents[0]["url"]).status_code == 200


def test_partners_and_links_are_listed(client, read_data):
    data = detail(client, read_data.housing).json()

    assert data["partners"] == [{"name": "Forum Réfugiés", "kind": "civil_society", "website": "https://www.forumrefugies.org"}]
    assert data["links"] == [{"url": "https://www.lyon.fr/logement", "title": "Programme"}]


def test_only_published_progress_updates_are_embedded(client, read_data):
    updates = detail(client, read_data.pledge).json()["progress_updates"]

    assert [update["id"] for update in updates] == [read_data.update.pk]
    assert updates[0]["narrative"] == "Two cafés opened."
    assert updates[0]["people_reached"] == [{"target_group": "migrants", "count": 120}]
    assert updates[0]["indicator_values"] == [{"indicator": "People taking part", "unit": "people", "value": "120.00"}]
    assert updates[0]["evidence"] == [{"title": "Photos", "url": "https://example.org/photos"}]


def test_the_public_version_is_shown_not_the_working_copy(client, read_data):
    data = detail(client, read_data.newest).json()

    assert data["title"] == "Welcome desk"
    assert detail(client, read_data.working_copy).status_code == 404


@pytest.mark.parametrize("name", ["draft", "submitted", "withdrawn", "unverified_draft", "working_copy"])
def test_an_action_the_public_cannot_see_is_a_json_404(client, read_data, name):
    response = detail(client, getattr(read_data, name))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_an_unknown_id_is_a_json_404(client, read_data):
    assert detail(client, "zzzzzzzz").status_code == 404
    assert detail(client, "a b?c").status_code == 404


def queries_for(client, action):
    with CaptureQueriesContext(connection) as queries:
        assert detail(client, action).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_updates_and_parts(client, read_data):
    before = queries_for(client, read_data.pledge)
    for day in (1, 2, 3):
        ProgressUpdateFactory(action=read_data.pledge, published=True, reported_on=datetime.date(2025, 7, day))
        read_data.pledge.partners.create(name=f"Partner {day}")
        read_data.pledge.links.create(url=f"https://example.org/{day}")

    assert queries_for(client, read_data.pledge) == before <= 20
