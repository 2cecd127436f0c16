"""Jobs of the notifications app (run by `manage.py runjobs`). Each e-mail is a subject / text / HTML triplet
of templates in templates/notifications/email/, rendered in the recipient's language."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from localaction.accounts.models import Roles
from localaction.jobs.services import enqueue
from localaction.workspace.queues import review_queue_summary

from .links import absolute
from .messages import render_message
from .models import Notification

DIGEST_JOB = "localaction.notifications.tasks.send_reviewer_digest"
# Subjects are one line, short enough for a phone's inbox list.
SUBJECT_MAX_LENGTH = 150


def render_email(template_prefix, language, context):
    """(subject, text, html) of an e-mail, rendered in `language`."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    if len(subject) > SUBJECT_MAX_LENGTH:
        subject = subject[: SUBJECT_MAX_LENGTH - 1].rstrip() + "…"
    return subject, text, html


def send_email(to, subject, text, html):
    """Send one e-mail with its plain-text and HTML versions; errors propagate so the job is retried."""
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()


def _common_context(user, language):
    with translation.override(language):
        workspace_url = absolute(reverse("workspace:home"))
    return {"user": user, "workspace_url": workspace_url, "base_url": settings.LOCALACTION_BASE_URL}


def send_notification_email(notification_id):
    """The e-mail copy of one in-app notice, in the recipient's language, linking to the page it is about."""
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or not notification.user.is_active or not notification.user.email:
        return
    user = notification.user
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        message = render_message(notification.verb, notification.context)
    context = {**_common_context(user, language), "message": message, "url": absolute(notification.url, language)}
    subject, text, html = render_email("notifications/email/notice", language, context)
    send_email(user.email, subject, text, html)


def queue_reviewer_digests(day):
    """Fan out: one digest job per active reviewer, at most once per reviewer and day."""
    reviewers = get_user_model().objects.filter(is_active=True, groups__name=Roles.REVIEWER).distinct()
    for reviewer_id in reviewers.values_list("pk", flat=True):
        enqueue(DIGEST_JOB, unique_key=f"digest:{day}:{reviewer_id}", user_id=reviewer_id)


def send_reviewer_digest(user_id):
    """What waits for reviewers, in the reviewer's language; nothing is sent when nothing waits."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not user.has_role(Roles.REVIEWER):
        return
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        # Queue links are reversed here so that they carry the reviewer's language.
        summary = review_queue_summary()
    if not summary["total"]:
        return
    for queue in summary["queues"].values():
        queue["absolute_url"] = absolute(queue.get("url", ""))
    subject, text, html = render_email(
        "notifications/email/reviewer_digest", language, {**_common_context(user, language), "summary": summary}
    )
    send_email(user.email, subject, text, html)
