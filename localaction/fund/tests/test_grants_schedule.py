"""When grant reports are due and when a grant is overdue, on fixed dates; the badge reads like the pledges'."""
import datetime

import pytest
from django.template.loader import render_to_string

from localaction.fund import grants

from .factories import GrantFactory, GrantReportFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_reports_fall_due_every_interval_and_at_the_end():
    grant = GrantFactory.build(starts_on=D(2025, 8, 31), ends_on=D(2026, 12, 31), reporting_interval_months=6)
    # 31 August + 6 months is clamped to the end of February.
    assert grants.due_dates(grant) == [D(2026, 2, 28), D(2026, 8, 31), D(2026, 12, 31)]


def test_an_interval_landing_on_the_end_gives_one_last_report():
    grant = GrantFactory.build(starts_on=D(2026, 1, 1), ends_on=D(2027, 1, 1), reporting_interval_months=6)
    assert grants.due_dates(grant) == [D(2026, 7, 1), D(2027, 1, 1)]


def test_a_grant_shorter_than_its_interval_reports_once_at_the_end():
    grant = GrantFactory.build(starts_on=D(2026, 1, 1), ends_on=D(2026, 4, 30), reporting_interval_months=6)
    assert grants.due_dates(grant) == [D(2026, 4, 30)]


@pytest.mark.parametrize(("today", "status", "due_on"), [
    (D(2026, 5, 31), "on_time", D(2026, 7, 1)),  # 31 days before
    (D(2026, 6, 1), "due", D(2026, 7, 1)),  # 30 days before: due
    (D(2026, 7, 1), "due", D(2026, 7, 1)),  # the due date itself
    (D(2026, 7, 2), "overdue", D(2026, 7, 1)),  # the day after
    (D(2027, 3, 1), "overdue", D(2026, 7, 1)),  # overdue since the first date missed
])
def test_without_reports_the_grant_goes_from_on_time_to_due_to_overdue(today, status, due_on):
    grant = GrantFactory()  # 1 January to 31 December 2026, every 6 months
    state = grants.due_state(grant, today)
    assert (state.status, state.due_on) == (status, due_on)


def test_a_report_covering_the_due_date_meets_it_and_the_next_one_counts():
    grant = GrantFactory()
    GrantReportFactory(grant=grant, period_end=D(2026, 7, 1))
    assert grants.due_state(grant, D(2026, 7, 2)).status == "on_time"
    assert grants.due_state(grant, D(2026, 7, 2)).due_on == D(2026, 12, 31)
    assert grants.due_state(grant, D(2027, 1, 1)).status == "overdue"
    rows = grants.reports_due(grant, D(2027, 1, 1))
    assert [(row.due_on, row.status) for row in rows] == [(D(2026, 7, 1), "received"), (D(2026, 12, 31), "overdue")]


def test_a_report_ending_before_the_due_date_does_not_meet_it():
    grant = GrantFactory()
    GrantReportFactory(grant=grant, period_end=D(2026, 6, 30))
    assert grants.due_state(grant, D(2026, 7, 2)).status == "overdue"


def test_an_unsubmitted_report_does_not_count():
    grant = GrantFactory()
    GrantReportFactory(grant=grant, period_end=D(2026, 7, 1), submitted_at=None)
    assert grants.due_state(grant, D(2026, 7, 2)).status == "overdue"


def test_a_late_report_covering_both_periods_catches_up_and_then_nothing_is_due():
    grant = GrantFactory()
    GrantReportFactory(grant=grant, period_end=D(2026, 12, 31))
    assert grants.due_state(grant, D(2027, 6, 1)) is None


def test_the_next_report_defaults_to_the_first_date_not_met():
    grant = GrantFactory()
    assert grants.next_period_end(grant, D(2026, 9, 1)) == D(2026, 7, 1)
    GrantReportFactory(grant=grant, period_end=D(2026, 7, 1))
    assert grants.next_period_end(grant, D(2026, 9, 1)) == D(2026, 12, 31)


@pytest.mark.parametrize(("today", "words", "css"), [
    (D(2026, 3, 1), "Next grant report due by", "tag-on-time"),
    (D(2026, 6, 15), "Grant report due by", "tag-due"),
    (D(2026, 8, 1), "Grant report overdue since", "tag-overdue"),
])
def test_the_badge_says_the_status_in_words_with_the_pledges_styles(today, words, css):
    html = render_to_string("fund/workspace/grants/_due_badge.html", {"state": grants.due_state(GrantFactory(), today)})
    assert words in html and css in html and 'datetime="2026-07-01"' in html
