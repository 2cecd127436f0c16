"""Statistics: counts by filter value and pledge figures of the actions matching the catalog's parameters."""
import datetime

import pytest
from django.urls import reverse

from localaction.figures.models import ExchangeRate
from localaction.progress import services as progress_services
from localaction.progress.models import PeopleReached
from localaction.progress.tests.factories import ProgressUpdateFactory
from localaction.taxonomy.models import Term

pytestmark = pytest.mark.django_db


def test_counts_follow_the_catalog_parameters(client, read_data):
    everything = client.get(reverse("api:statistics")).json()
    pledges = client.get(reverse("api:statistics"), {"kind": "pledge"}).json()

    assert everything["actions"] == 4
    assert everything["counts"]["kind"] == {"practice": 3, "pledge": 1}
    assert everything["counts"]["gcm"] == {"15": 1, "16": 3, "2": 1}
    assert everything["counts"]["country"] == {"CO": 1, "FR": 2, "SN": 1}
    assert pledges["actions"] == 1
    assert pledges["counts"]["campaign"] == {"grf-2027": 1}


def test_pledge_figures_count_the_matching_pledges(client, read_data):
    data = client.get(reverse("api:statistics"), {"country": "SN"}).json()

    assert data["pledge_figures"]["pledges"] == 1
    assert data["pledge_figures"]["people_reached_total"] == 120
    assert client.get(reverse("api:statistics"), {"country": "FR"}).json()["pledge_figures"]["pledges"] == 0


def test_invalid_parameters_are_refused(client, read_data):
    response = client.get(reverse("api:statistics"), {"sdg": "18"})

    assert response.status_code == 400
    assert list(response.json()) == ["sdg"]


def test_a_published_progress_update_changes_the_figures_and_their_etag(client, read_data):
    url = reverse("api:statistics")
    before = client.get(url)
    update = ProgressUpdateFactory(action=read_data.pledge, submitted=True, reported_on=datetime.date(2025, 12, 31),
                                   stage="fulfilled")
    PeopleReached.objects.create(update=update, target_group=Term.objects.get(vocabulary_id="target_groups", key="migrants"),
                                 count=300)

    progress_services.publish_update(update, by=read_data.reviewer)
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert before.json()["pledge_figures"]["people_reached_total"] == 120
    assert after.json()["pledge_figures"]["people_reached_total"] == 300
    assert after.json()["pledge_figures"]["by_stage"]["fulfilled"] == 1


def test_new_exchange_rates_change_the_etag(client, read_data):
    url = reverse("api:statistics")
    etag = client.get(url)["ETag"]

    ExchangeRate.objects.create(currency="XTS", date=datetime.date(2025, 1, 1), usd_per_unit="0.0016", source="Test")

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
