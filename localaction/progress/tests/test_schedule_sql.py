"""The catalog's and the dashboards' SQL status agrees with the Python rules, day by day."""
from datetime import date, datetime, timedelta, timezone as dt_timezone

import pytest

from localaction.actions.models import Action
from localaction.factories import CampaignFactory, GovernmentFactory
from localaction.progress.schedule import due_state, due_states, due_status_counts, filter_due_status, with_due_status

pytestmark = pytest.mark.django_db

# Today's dates around month ends and leap days, and a plain day.
TODAYS = [
    date(2023, 12, 31), date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 31),
    date(2024, 4, 30), date(2024, 8, 31), date(2025, 2, 28), date(2025, 3, 1), date(2025, 6, 17),
]


@pytest.fixture
def pledges():
    """A pledge last updated on every day of 2022–2024, for each of four intervals; plus actions without
    schedule and pledges counted from their publication."""
    government = GovernmentFactory()
    campaigns = [None] + [CampaignFactory(reporting_interval_months=months) for months in (3, 6, 12)]
    common = {
        "government": government, "title_en": "Pledge", "kind": Action.Kind.PLEDGE, "status": Action.Status.PUBLISHED,
    }
    actions = []
    day = date(2022, 1, 1)
    while day <= date(2024, 12, 31):
        published_at = datetime(day.year, day.month, day.day, 23, 59, tzinfo=dt_timezone.utc) - timedelta(days=400)
        actions += [
            Action(**common, campaign=campaign, last_progress_on=day, published_at=published_at)
            for campaign in campaigns
        ]
        day += timedelta(days=1)
    for day in (date(2023, 8, 31), date(2024, 2, 29), date(2024, 7, 31)):
        late_evening = datetime(day.year, day.month, day.day, 23, 59, tzinfo=dt_timezone.utc)
        actions.append(Action(**common, published_at=late_evening))
    old = {**common, "last_progress_on": date(2020, 1, 1), "published_at": datetime(2019, 1, 1, tzinfo=dt_timezone.utc)}
    actions += [
        Action(**{**old, "kind": Action.Kind.PRACTICE}),
        Action(**{**old, "status": Action.Status.DRAFT}),
        Action(**{**old, "stage": Action.Stage.FULFILLED}),
        Action(**{**old, "stage": Action.Stage.DISCONTINUED}),
        Action(**{**old, "stage": Action.Stage.IN_PROGRESS}),
        Action(**{**old, "show_as_practice": True}),
    ]
    Action.objects.bulk_create(actions, batch_size=500)
    return Action.objects.all()


def test_sql_and_python_give_every_pledge_the_same_status(pledges):
    # One loop rather than a parametrised test: the data set is built once.
    for today in TODAYS:
        in_sql = dict(with_due_status(pledges, today).values_list("pk", "due_status"))
        in_python = {pk: state and state.status for pk, state in due_states(pledges, today).items()}
        differences = {pk: (in_sql[pk], in_python[pk]) for pk in in_python if in_sql[pk] != in_python[pk]}
        assert not differences, f"on {today}"
        assert set(in_python.values()) == {None, "on_time", "due", "overdue", "inactive"}, f"on {today}"


def test_the_facet_filter_and_counts_agree_with_the_python_rules(pledges):
    today = date(2024, 2, 29)
    expected = {}
    for action in pledges.select_related("campaign"):
        state = due_state(action, today)
        if state:
            expected[state.status] = expected.get(state.status, 0) + 1
    assert due_status_counts(pledges, today) == expected
    assert filter_due_status(pledges, "inactive", today).count() == expected["inactive"]
    assert filter_due_status(pledges, ["due", "overdue"], today).count() == expected["due"] + expected["overdue"]


def test_counts_list_every_status_even_when_none_has_it():
    counts = due_status_counts(Action.objects.all(), date(2024, 1, 1))
    assert counts == {"on_time": 0, "due": 0, "overdue": 0, "inactive": 0}
