"""Recording changes. Every service that changes state calls `record` inside its transaction."""
from django.contrib.contenttypes.models import ContentType

from .models import ActivityLog


def record(actor, verb, obj, government=None, **payload):
    """Append one entry to the activity log and return it."""
    if government is None:
        government = getattr(obj, "government", None)
    return ActivityLog.objects.create(
        actor=actor if (actor is not None and actor.is_authenticated) else None,
        verb=verb,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        government=government,
        payload=payload,
    )


def history(obj):
    """The log entries of one object, newest first."""
    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")
