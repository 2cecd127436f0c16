"""What the public timeline of a pledge reads: its published updates with their figures and evidence, in a fixed
number of queries however many updates there are."""
from django.db.models import Prefetch

from .models import Evidence, IndicatorValue, PeopleReached, ProgressUpdate

# The attribute the action detail view's prefetch fills (see timeline_prefetch); the template tag reads it.
TIMELINE_ATTR = "published_progress"


def update_parts():
    """The prefetches an update's figures and evidence need (new objects each time: a Prefetch is not reusable
    across querysets once Django has nested it)."""
    return [
        Prefetch("indicator_values", queryset=IndicatorValue.objects.select_related("indicator").order_by("indicator_id")),
        Prefetch("people_reached", queryset=PeopleReached.objects.select_related("target_group").order_by(
            "target_group__position", "target_group__key")),
        Prefetch("evidence", queryset=Evidence.objects.order_by("id")),
    ]


def timeline_queryset():
    """Published updates, newest first (by the date they report on), with their parts."""
    return ProgressUpdate.objects.filter(status=ProgressUpdate.Status.PUBLISHED).order_by(
        "-reported_on", "-published_at", "-id"
    ).prefetch_related(*update_parts())


def timeline_prefetch():
    """For Action querysets: `Action.objects.prefetch_related(timeline_prefetch())` lets the timeline partial
    render without further queries (four queries in all for the updates and their parts)."""
    return Prefetch("progress_updates", queryset=timeline_queryset(), to_attr=TIMELINE_ATTR)


def published_progress(action):
    """The published updates of a published action, newest first: the prefetched ones when the view prefetched
    them, otherwise read now. Nothing for an action the public cannot see."""
    prefetched = getattr(action, TIMELINE_ATTR, None)
    if prefetched is not None:
        return prefetched
    if not action.is_published:
        return []
    return list(timeline_queryset().filter(action=action))
