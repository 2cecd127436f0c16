"""Telling people what concerns them: an in-app notice plus an e-mail sent by the job runner."""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from localaction.governments.models import Membership
from localaction.jobs.services import enqueue

from .models import Notification

EMAIL_JOB = "localaction.notifications.tasks.send_notification_email"


def notify(user, verb, url="", **context):
    """Notify one user: an in-app notice and an e-mail job. Call it inside the transaction of the change, so
    the notice, the e-mail and the change commit together or not at all. Context values are kept as text."""
    if user is None or not user.is_active:
        return None
    plain = {key: "" if value is None else str(value) for key, value in context.items()}
    notification = Notification.objects.create(user=user, verb=verb, url=url, context=plain)
    enqueue(EMAIL_JOB, notification_id=notification.pk)
    return notification


def notify_government(government, verb, url="", roles=None, exclude=None, **context):
    """Notify the active members of a government (optionally only some roles), except `exclude`. The context
    gets the government's name as `government` unless the caller gives another one."""
    memberships = Membership.objects.filter(government=government, user__is_active=True).select_related("user")
    if roles:
        memberships = memberships.filter(role__in=roles)
    if exclude is not None:
        memberships = memberships.exclude(user_id=exclude.pk)
    context = {"government": government.name, **context}
    return [notify(membership.user, verb, url=url, **context) for membership in memberships.order_by("pk")]


def unread_count(user):
    """How many notices the user has not read yet (one indexed COUNT); 0 for anonymous visitors."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


# Reading a notice is the reader's own bookkeeping, not a decision about anyone's data: it is not written to the
# activity log, which stays a record of changes others may need to attribute.


@transaction.atomic
def mark_read(notification, by):
    """The owner has read one notice; reading it again keeps the first time. Others may not touch it."""
    if notification.user_id != by.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def mark_all_read(by):
    """The user has read every notice; returns how many were unread."""
    return Notification.objects.filter(user=by, read_at__isnull=True).update(read_at=timezone.now())
