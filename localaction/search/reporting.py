"""The catalog's "Reporting" facet in memory: each published pledge's due status (on time, due, overdue, inactive)
by the rules of localaction.progress.schedule, for the facet index (facets.py).

A status depends on the pledge's reference date (latest published update, or publication), its campaign's
interval and *today*: the index keeps the first two per position (read with the document) and computes the
statuses for one day; when the date changes, it computes them again for the new day.
"""
from datetime import date, datetime
from datetime import timezone as dt_timezone

from django.utils import timezone

from localaction.progress import schedule


class _Running:
    """A published, running pledge reporting from `last_progress_on`: what schedule.due_state() reads."""

    kind, status, revision_of_id, show_as_practice, stage, published_at = "pledge", "published", None, False, "", None

    def __init__(self, reference):
        self.last_progress_on = reference


def _date(value):
    """A date column as a date (SQLite gives its text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _datetime(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    # SQLite stores UTC without a zone.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt_timezone.utc)


def reference_of(kind, show_as_practice, stage, revision_of_id, last_progress_on, published_at):
    """The ordinal of the date a published action's reporting counts from, or 0 if it has no schedule (see
    schedule.has_schedule)."""
    action = _Running(_date(last_progress_on))
    action.kind, action.show_as_practice, action.stage = kind, bool(show_as_practice), stage or ""
    action.revision_of_id, action.published_at = revision_of_id, _datetime(published_at)
    if not schedule.has_schedule(action):
        return 0
    reference = schedule.reference_date(action)
    return reference.toordinal() if reference else 0


class StatusOf:
    """The status on one day of (reference ordinal, interval months), remembered: many pledges share both."""

    def __init__(self, today):
        self.today, self.known = today, {}

    def __call__(self, reference, interval):
        key = (reference, interval)
        found = self.known.get(key)
        if found is None:
            running = _Running(date.fromordinal(reference))
            found = self.known[key] = schedule.status(running, self.today, interval or schedule.DEFAULT_INTERVAL_MONTHS)
        return found


def today():
    """The day statuses are computed for (the site's time zone, like the SQL filter)."""
    return timezone.localdate()
