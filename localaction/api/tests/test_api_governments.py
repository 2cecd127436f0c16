"""Governments: verified ones only, by slug, with what their public page shows."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localaction.factories import GovernmentFactory

pytestmark = pytest.mark.django_db


def test_the_list_holds_verified_governments_by_slug(client, read_data):
    results = client.get(reverse("api:government-list")).json()["results"]

    slugs = [government["id"] for government in results]
    assert "unverified-town" not in slugs
    assert slugs == sorted(slugs)
    lyon = next(government for government in results if government["id"] == "lyon")
    assert lyon["country"] == "FR" and lyon["region"] == "150" and lyon["subregion"] == "155"
    assert lyon["published_actions"] == 2
    assert lyon["declaration_signed_on"] == "2019-03-14"
    assert lyon["website"] == "https://www.lyon.fr"
    assert next(g for g in results if g["id"] == "dakar")["declaration_signed_on"] is None  # not verified yet


def test_the_detail_adds_the_figures_of_its_pledges(client, read_data):
    data = client.get(reverse("api:government-detail", args=["dakar"])).json()

    assert data["id"] == "dakar"
    assert data["pledge_figures"]["pledges"] == 1
    assert data["pledge_figures"]["by_stage"]["in_progress"] == 1
    assert data["pledge_figures"]["people_reached"] == [{"target_group": "migrants", "count": 120}]


def test_an_unverified_or_unknown_government_is_a_404(client, read_data):
    assert client.get(reverse("api:government-detail", args=["unverified-town"])).status_code == 404
    assert client.get(reverse("api:government-detail", args=["nowhere"])).status_code == 404


def test_the_list_pages_with_a_cursor(client, read_data):
    first = client.get(reverse("api:government-list"), {"page_size": 2}).json()
    second = client.get(first["next"]).json()

    assert [g["id"] for g in first["results"] + second["results"]][:3] == ["bogota", "dakar", "lyon"]


def test_the_number_of_queries_does_not_grow_with_the_list(client, read_data):
    def count():
        client.get(reverse("api:government-list"))  # brings this process's search index up to date
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("api:government-list"))
        return len(queries)

    before = count()
    GovernmentFactory.create_batch(10)
    assert count() == before
