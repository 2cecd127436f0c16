"""Due, overdue and inactive, computed from a frozen `today` across month ends and leap years."""
from datetime import date, datetime, timezone as dt_timezone

import pytest

from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory
from localaction.progress.schedule import add_months, due_state, due_states, next_due, status


def pledge(**fields):
    """An unsaved published pledge; enough for the pure functions."""
    defaults = {
        "kind": Action.Kind.PLEDGE, "status": Action.Status.PUBLISHED,
        "published_at": datetime(2024, 1, 10, 9, 0, tzinfo=dt_timezone.utc),
    }
    return Action(**{**defaults, **fields})


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2023, 8, 31), 6, date(2024, 2, 29)),   # into a leap February
    (date(2024, 8, 31), 6, date(2025, 2, 28)),   # into a common February
    (date(2024, 2, 29), 12, date(2025, 2, 28)),  # from a leap day, a year later
    (date(2024, 2, 29), 48, date(2028, 2, 29)),  # four years later is a leap day again
    (date(2024, 2, 29), 6, date(2024, 8, 29)),   # a short month's end stays that day, not the next month's end
    (date(2024, 3, 31), 1, date(2024, 4, 30)),
    (date(2024, 10, 31), 6, date(2025, 4, 30)),
    (date(2024, 12, 15), 1, date(2025, 1, 15)),  # across the year
    (date(2024, 1, 31), -2, date(2023, 11, 30)),  # backwards
    (date(2024, 5, 31), -3, date(2024, 2, 29)),
    (date(2024, 7, 14), 0, date(2024, 7, 14)),
])
def test_adding_months_clamps_to_the_end_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


def test_a_pledge_without_update_is_due_six_months_after_publication():
    assert next_due(pledge()) == date(2024, 7, 10)


def test_the_latest_update_resets_the_due_date():
    assert next_due(pledge(last_progress_on=date(2024, 3, 5))) == date(2024, 9, 5)


def test_an_update_on_the_last_day_of_august_is_next_due_on_the_last_day_of_february():
    assert next_due(pledge(last_progress_on=date(2023, 8, 31))) == date(2024, 2, 29)
    assert next_due(pledge(last_progress_on=date(2024, 8, 31))) == date(2025, 2, 28)


@pytest.mark.parametrize(("today", "expected"), [
    (date(2024, 1, 29), "on_time"),  # 31 days before the due date
    (date(2024, 1, 30), "due"),      # 30 days before
    (date(2024, 2, 29), "due"),      # on the due date itself (a leap day)
    (date(2024, 3, 1), "overdue"),   # the day after
    (date(2025, 8, 30), "overdue"),  # the day before two years without update
    (date(2025, 8, 31), "inactive"),  # two years to the day
    (date(2030, 1, 1), "inactive"),
])
def test_the_status_changes_on_the_right_day_around_a_leap_february(today, expected):
    assert status(pledge(last_progress_on=date(2023, 8, 31)), today) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (date(2025, 2, 28), "due"),
    (date(2025, 3, 1), "overdue"),
    (date(2026, 2, 27), "overdue"),
    (date(2026, 2, 28), "inactive"),  # 29 February 2024 + 24 months: there is no 29 February 2026
])
def test_a_pledge_last_updated_on_a_leap_day_becomes_overdue_and_inactive_on_the_28th(today, expected):
    state = due_state(pledge(last_progress_on=date(2024, 2, 29)), today, interval=12)
    assert state.due_on == date(2025, 2, 28)
    assert state.status == expected


def test_inactive_counts_two_years_even_with_a_long_interval():
    action = pledge(last_progress_on=date(2022, 6, 1))
    assert due_state(action, date(2024, 5, 31), interval=36).status == "on_time"
    assert due_state(action, date(2024, 6, 1), interval=36).status == "inactive"


def test_publication_counts_in_the_sites_time_zone(settings):
    action = pledge(published_at=datetime(2024, 8, 31, 23, 30, tzinfo=dt_timezone.utc))
    assert next_due(action) == date(2025, 2, 28)
    # 23:30 UTC on 31 August is already 1 September in Paris.
    settings.TIME_ZONE = "Europe/Paris"
    assert next_due(action) == date(2025, 3, 1)


def test_the_due_date_is_shown_with_the_state():
    state = due_state(pledge(last_progress_on=date(2024, 3, 31)), date(2024, 9, 10))
    assert (state.status, state.due_on, state.reference_date) == ("due", date(2024, 9, 30), date(2024, 3, 31))
    assert state.inactive_since == date(2026, 3, 31)
    assert str(state.label) == "Update due"


@pytest.mark.parametrize("fields", [
    {"kind": Action.Kind.PRACTICE},
    {"status": Action.Status.DRAFT},
    {"status": Action.Status.SUBMITTED},
    {"status": Action.Status.WITHDRAWN},
    {"stage": Action.Stage.FULFILLED},
    {"stage": Action.Stage.DISCONTINUED},
    {"show_as_practice": True},
    {"published_at": None},
])
def test_practices_finished_and_unpublished_pledges_have_no_status(fields):
    action = pledge(last_progress_on=date(2020, 1, 1), **fields) if "published_at" not in fields else pledge(**fields)
    assert status(action, date(2024, 1, 1)) is None
    assert next_due(action) is None


@pytest.mark.parametrize("stage", ["", Action.Stage.PLANNING, Action.Stage.IN_PROGRESS])
def test_running_pledges_have_a_status_whatever_their_stage(stage):
    assert status(pledge(stage=stage), date(2024, 2, 1)) == "on_time"


@pytest.mark.django_db
def test_a_campaign_sets_its_pledges_interval():
    quarterly = CampaignFactory(reporting_interval_months=3)
    action = ActionFactory(
        kind=Action.Kind.PLEDGE, published=True, campaign=quarterly, last_progress_on=date(2024, 11, 30)
    )
    without_campaign = ActionFactory(kind=Action.Kind.PLEDGE, published=True, last_progress_on=date(2024, 11, 30))
    assert next_due(action) == date(2025, 2, 28)
    assert status(action, date(2025, 3, 1)) == "overdue"
    assert next_due(without_campaign) == date(2025, 5, 30)
    assert status(without_campaign, date(2025, 3, 1)) == "on_time"


@pytest.mark.django_db
def test_the_states_of_many_actions_take_one_query(django_assert_num_queries):
    yearly, quarterly = CampaignFactory(reporting_interval_months=12), CampaignFactory(reporting_interval_months=3)
    made = {
        name: ActionFactory(
            kind=Action.Kind.PLEDGE, published=True, campaign=campaign, last_progress_on=date(2024, 5, 31)
        )
        for name, campaign in (("yearly", yearly), ("quarterly", quarterly), ("default", None))
    }
    made["practice"] = ActionFactory(published=True)
    actions = list(Action.objects.filter(pk__in=[action.pk for action in made.values()]))
    with django_assert_num_queries(1):
        states = due_states(actions, date(2024, 9, 1))
    summary = {name: states[a.pk] and (states[a.pk].status, states[a.pk].due_on) for name, a in made.items()}
    assert summary == {
        "yearly": ("on_time", date(2025, 5, 31)),
        "quarterly": ("overdue", date(2024, 8, 31)),
        "default": ("on_time", date(2024, 11, 30)),
        "practice": None,
    }
