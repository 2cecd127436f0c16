"""When a pledge's next progress update is due, and whether it is on time, due, overdue or inactive.

The rules, counted from the pledge's *reference date* — the date of its latest published progress update
(`Action.last_progress_on`), or the day it was published when it has none yet:

- the next update is due `reporting_interval_months` after the reference date (the campaign's setting, 6 months
  for a pledge without campaign), calendar months clamped to the month's end (31 August + 6 months = 28 February,
  or 29 in a leap year);
- **due**: from 30 days before that date up to and including it;
- **overdue**: from the day after it;
- **inactive**: from 24 calendar months after the reference date (two years without an update), whatever the
  interval; it wins over overdue;
- **on time**: otherwise.

Only published pledges that are still running have a status: practices, pledges shown as practices, fulfilled
and discontinued pledges, drafts and working copies have none (None).

`due_state()` applies the rules to one action in Python; `with_due_status()` applies the same rules in SQL to a
queryset (for facets, filters and counts). Both take `today` explicitly so that tests can freeze it; a test
checks that the two agree on every day of a span that crosses month ends and leap years.
"""
import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from localaction.campaigns.models import Campaign

DEFAULT_INTERVAL_MONTHS = 6
DUE_WINDOW_DAYS = 30
INACTIVE_AFTER_MONTHS = 24

ON_TIME, DUE, OVERDUE, INACTIVE = "on_time", "due", "overdue", "inactive"
STATUSES = (ON_TIME, DUE, OVERDUE, INACTIVE)
STATUS_LABELS = {ON_TIME: _("On time"), DUE: _("Update due"), OVERDUE: _("Update overdue"), INACTIVE: _("Inactive")}

# Stages after which a pledge reports no more.
FINISHED_STAGES = ("fulfilled", "discontinued")


def add_months(day, months):
    """`day` moved by a number of calendar months (negative: back), clamped to the last day of the target month:
    31 August 2023 + 6 = 29 February 2024; 29 February 2024 + 12 = 28 February 2025."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class DueState:
    """A pledge's reporting status on a given day: `status` (one of STATUSES), the date its next update is due,
    and the reference date it counts from (latest update, or publication)."""

    status: str
    due_on: date
    reference_date: date

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def inactive_since(self):
        return add_months(self.reference_date, INACTIVE_AFTER_MONTHS)


def has_schedule(action):
    """True for a published, running pledge: the only actions with a reporting rhythm."""
    return (
        action.kind == "pledge"
        and action.status == "published"
        and action.revision_of_id is None
        and not action.show_as_practice
        and action.stage not in FINISHED_STAGES
    )


def reference_date(action):
    """The date reporting counts from: the latest published update, or the day of publication; None if neither."""
    if action.last_progress_on is not None:
        return action.last_progress_on
    if action.published_at is not None:
        return timezone.localdate(action.published_at)
    return None


def interval_months(action):
    """How many months apart the pledge reports: its campaign's interval, or the default without campaign."""
    if action.campaign_id is None:
        return DEFAULT_INTERVAL_MONTHS
    return action.campaign.reporting_interval_months or DEFAULT_INTERVAL_MONTHS


def next_due(action, interval=None):
    """The date the pledge's next update is due (it stays the same, in the past, until an update is published);
    None for an action without schedule. Pass `interval` to skip reading the campaign."""
    start = reference_date(action)
    if start is None or not has_schedule(action):
        return None
    return add_months(start, interval or interval_months(action))


def due_state(action, today, interval=None):
    """The pledge's DueState on `today`, or None for an action without schedule (see the module's rules)."""
    due_on = next_due(action, interval)
    if due_on is None:
        return None
    start = reference_date(action)
    if today >= add_months(start, INACTIVE_AFTER_MONTHS):
        status = INACTIVE
    elif today > due_on:
        status = OVERDUE
    elif today >= due_on - timedelta(days=DUE_WINDOW_DAYS):
        status = DUE
    else:
        status = ON_TIME
    return DueState(status, due_on, start)


def status(action, today, interval=None):
    """"on_time", "due", "overdue", "inactive", or None for an action without schedule."""
    state = due_state(action, today, interval)
    return state.status if state else None


def due_states(actions, today):
    """{action.pk: DueState or None} for many actions in one query (the campaigns' intervals), e.g. a page of
    catalog cards; it does not need the campaigns to be select_related."""
    actions = list(actions)
    campaign_ids = {action.campaign_id for action in actions if action.campaign_id is not None}
    intervals = dict(Campaign.objects.filter(pk__in=campaign_ids).values_list("pk", "reporting_interval_months"))
    return {
        action.pk: due_state(action, today, intervals.get(action.campaign_id) or DEFAULT_INTERVAL_MONTHS)
        for action in actions
    }


# --- The same rules in SQL -----------------------------------------------------------------------------------------
# SQL has no portable "add calendar months, clamped": instead, for each interval in use, Python finds the latest
# reference date that is already past a threshold (add_months is non-decreasing, so every earlier date is past it
# too), and SQL compares the reference date with that bound. Intervals are few (one per campaign at most).


def latest_reference(months, limit):
    """The latest date d with add_months(d, months) <= limit."""
    # Clamping moves a date by at most 3 days, so the answer is within a week after the naive one.
    day = add_months(limit, -months) + timedelta(days=7)
    while add_months(day, months) > limit:
        day -= timedelta(days=1)
    return day


def schedule_q():
    """Q of the actions with a schedule, the SQL twin of has_schedule()."""
    return Q(kind="pledge", status="published", revision_of__isnull=True, show_as_practice=False) & ~Q(
        stage__in=FINISHED_STAGES
    )


def _interval_groups():
    """{effective interval: Q of the actions that use it}."""
    groups = {DEFAULT_INTERVAL_MONTHS: Q(campaign__isnull=True)}
    for raw in Campaign.objects.values_list("reporting_interval_months", flat=True).distinct():
        months = raw or DEFAULT_INTERVAL_MONTHS
        groups[months] = groups.get(months, Q(pk__in=[])) | Q(campaign__reporting_interval_months=raw)
    return groups


def due_status_expression(today):
    """An SQL expression giving each action's due status on `today` (NULL without schedule)."""
    reference = Coalesce("last_progress_on", TruncDate("published_at"))
    overdue, due = Q(pk__in=[]), Q(pk__in=[])
    for months, uses in _interval_groups().items():
        overdue |= uses & Q(reporting_reference__lte=latest_reference(months, today - timedelta(days=1)))
        due |= uses & Q(reporting_reference__lte=latest_reference(months, today + timedelta(days=DUE_WINDOW_DAYS)))
    return reference, Case(
        When(~schedule_q() | Q(reporting_reference__isnull=True), then=Value(None)),
        When(reporting_reference__lte=latest_reference(INACTIVE_AFTER_MONTHS, today), then=Value(INACTIVE)),
        When(overdue, then=Value(OVERDUE)),
        When(due, then=Value(DUE)),
        default=Value(ON_TIME),
        output_field=CharField(),
    )


def with_due_status(queryset, today):
    """The actions annotated with `due_status` (one of STATUSES, or None without schedule), computed in SQL with
    the same rules as due_state(); filter or count on it: `.filter(due_status="overdue")`."""
    reference, expression = due_status_expression(today)
    return queryset.annotate(reporting_reference=reference).annotate(due_status=expression)


def filter_due_status(queryset, statuses, today):
    """The actions whose due status on `today` is one of `statuses` (e.g. the catalog's facet ["inactive"])."""
    if isinstance(statuses, str):
        statuses = [statuses]
    return with_due_status(queryset, today).filter(due_status__in=list(statuses))


def due_status_counts(queryset, today):
    """{status: count} over the queryset, each status present (0 when none), for a facet or a dashboard."""
    counts = dict.fromkeys(STATUSES, 0)
    rows = (
        with_due_status(queryset.order_by(), today).filter(due_status__isnull=False)
        .values_list("due_status").annotate(n=Count("pk")).order_by()
    )
    counts.update(dict(rows))
    return counts

