"""Campaigns and their pledges' figures."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_campaigns_are_listed_by_slug_with_a_link_to_their_actions(client, read_data):
    results = client.get(reverse("api:campaign-list")).json()["results"]

    assert [campaign["id"] for campaign in results] == ["grf-2027", "imrf-2026"]
    imrf = results[1]
    assert imrf["name"] == "IMRF 2026"
    actions = client.get(imrf["actions_url"]).json()["results"]
    assert [action["id"] for action in actions] == [read_data.housing.public_id]


def test_a_campaign_shows_its_pledge_figures(client, read_data):
    data = client.get(reverse("api:campaign-detail", args=["grf-2027"]), {"lang": "fr"}).json()

    assert data["pledge_figures"]["pledges"] == 1
    assert data["pledge_figures"]["fulfilment_rate"] == "0.0000"
    assert client.get(reverse("api:campaign-detail", args=["nope"])).status_code == 404
