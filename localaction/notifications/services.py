"""Telling people what concerns them: an in-app notice plus an e-mail sent by the job runner."""
from localaction.governments.models import Membership
from localaction.jobs.services import enqueue

from .models import Notification


def notify(user, verb, url="", **context):
    """Notify one user; call inside the transaction of the change so notice and change commit together."""
    if user is None or not user.is_active:
        return None
    notification = Notification.objects.create(user=user, verb=verb, url=url, context={k: str(v) for k, v in context.items()})
    enqueue("localaction.notifications.tasks.send_notification_email", notification_id=notification.pk)
    return notification


def notify_government(government, verb, url="", roles=None, exclude=None, **context):
    """Notify the members of a government (optionally only some roles), except `exclude`."""
    memberships = Membership.objects.filter(government=government, user__is_active=True).select_related("user")
    if roles:
        memberships = memberships.filter(role__in=roles)
    sent = []
    for membership in memberships:
        if exclude is not None and membership.user_id == exclude.pk:
            continue
        sent.append(notify(membership.user, verb, url=url, government=government.name, **context))
    return sent
