"""The campaigns an action was announced at travel with it: in every download and in the API."""
import pytest
from django.urls import reverse

from localaction.factories import ActionFactory, CampaignFactory

from .downloads import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def announced():
    action = ActionFactory(published=True, title_en="Night shelter")
    action.announced_at.set([CampaignFactory(slug="imrf-2026"), CampaignFactory(slug="grf-2023")])
    ActionFactory(published=True, title_en="Day centre")
    return action


@pytest.mark.parametrize("extension", ["csv", "xlsx", "json"])
def test_downloads_list_the_campaigns_an_action_was_announced_at(client, announced, extension):
    response = client.get(reverse("opendata:actions_download", kwargs={"format": extension}))

    values = {row["id"]: row["announced_at"] for row in rows(response, extension)}
    # A list cell: ";"-separated text in CSV and XLSX (an empty cell reads back as None there), an array in JSON.
    expected, empty = {"csv": ("grf-2023;imrf-2026", ""), "xlsx": ("grf-2023;imrf-2026", None),
                       "json": (["grf-2023", "imrf-2026"], [])}[extension]
    assert values.pop(announced.public_id) == expected
    assert list(values.values()) == [empty]


def test_the_api_lists_the_campaigns_an_action_was_announced_at(client, announced):
    detail = client.get(reverse("api:action-detail", args=[announced.public_id])).json()
    listed = {item["id"]: item for item in client.get(reverse("api:action-list")).json()["results"]}

    assert detail["announced_at"] == ["grf-2023", "imrf-2026"]
    assert listed[announced.public_id]["announced_at"] == ["grf-2023", "imrf-2026"]
