"""Every list of the read API answers in a fixed number of queries, however many rows its page holds."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localaction.core import page_cache
from localaction.declarations.tests.factories import EndorsementFactory
from localaction.factories import CampaignFactory, GovernmentFactory
from localaction.progress.models import Evidence, PeopleReached
from localaction.progress.tests.factories import ProgressUpdateFactory
from localaction.taxonomy.models import Term

pytestmark = pytest.mark.django_db


def queries(client, name):
    client.get(reverse(name))  # brings this process's search index up to date: not counted
    page_cache.bump()  # the cost of building the answer, not of reading it from the page cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name), {"page_size": 100})
    assert response.status_code == 200
    return len(captured), len(response.json()["results"])


def more_updates():
    migrants = Term.objects.get(vocabulary_id="target_groups", key="migrants")
    for day in range(1, 6):
        update = ProgressUpdateFactory(published=True, reported_on=datetime.date(2025, 1, day))
        PeopleReached.objects.create(update=update, target_group=migrants, count=day)
        Evidence.objects.create(update=update, title="Photos", url="https://example.org/photos")
        update.indicator_values.create(indicator=update.action.indicators.create(name="Visits"), value=day)


def more_endorsements():
    for _ in range(5):
        EndorsementFactory(verified=True)


def more_campaigns():
    CampaignFactory.create_batch(5)


def more_governments():
    GovernmentFactory.create_batch(5)


def more_terms():
    for n in range(5):
        Term.objects.create(vocabulary_id="themes", key=f"theme-{n}", name_en=f"Theme {n}")


@pytest.mark.parametrize("name, add", [
    ("api:progress-update-list", more_updates), ("api:endorsement-list", more_endorsements),
    ("api:campaign-list", more_campaigns), ("api:government-list", more_governments),
    ("api:vocabulary-list", more_terms), ("api:country-list", lambda: None),
])
def test_a_list_costs_the_same_number_of_queries_with_more_rows(client, read_data, name, add):
    before, rows_before = queries(client, name)
    add()
    after, rows_after = queries(client, name)

    assert after == before <= 8
    assert rows_after >= rows_before
