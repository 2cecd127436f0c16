"""Progress updates: published updates of published pledges only, without authors or reviewers' notes."""
import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.progress.tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def test_only_published_updates_of_published_pledges_are_listed(client, read_data):
    withdrawn = ProgressUpdateFactory(published=True, action__status=Action.Status.WITHDRAWN)

    ids = [update["id"] for update in client.get(reverse("api:progress-update-list")).json()["results"]]

    assert ids == [read_data.update.pk]
    assert withdrawn.pk not in ids


def test_updates_can_be_narrowed_to_one_pledge(client, read_data):
    other = ProgressUpdateFactory(published=True)
    url = reverse("api:progress-update-list")

    assert [u["id"] for u in client.get(url, {"action": read_data.pledge.public_id}).json()["results"]] == [read_data.update.pk]
    assert [u["id"] for u in client.get(url, {"action": other.action.public_id}).json()["results"]] == [other.pk]
    assert client.get(url, {"action": "unknown"}).json()["results"] == []


def test_an_update_shows_its_figures_and_the_pledge_it_reports_on(client, read_data):
    update = client.get(reverse("api:progress-update-list")).json()["results"][0]

    assert update["action"] == read_data.pledge.public_id
    assert update["action_url"].endswith(reverse("api:action-detail", args=[read_data.pledge.public_id]))
    assert (update["stage"], update["reported_on"]) == ("in_progress", "2025-06-30")
    assert (update["money_committed"], update["money_spent"], update["currency"]) == ("5000.00", "1200.00", "EUR")
    assert "review_note" not in update and "created_by" not in update


def test_newer_publications_come_first_and_pages_hold_still(client, read_data):
    newer = [ProgressUpdateFactory(published=True) for _ in range(3)]
    first = client.get(reverse("api:progress-update-list"), {"page_size": 2}).json()
    ProgressUpdateFactory(published=True)
    second = client.get(first["next"]).json()

    ids = [u["id"] for u in first["results"] + second["results"]]
    assert ids == [newer[2].pk, newer[1].pk, newer[0].pk, read_data.update.pk]
