"""Jobs of the notifications app (run by `manage.py runjobs`)."""
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .messages import render_message
from .models import Notification


def render_email(template_prefix, language, context):
    """(subject, text, html) of an e-mail, rendered in `language`."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    return subject, text, html


def send_email(to, subject, text, html):
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()


def absolute(url):
    return f"{settings.LOCALACTION_BASE_URL}{url}" if url.startswith("/") else url


def send_notification_email(notification_id):
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or not notification.user.is_active:
        return
    language = notification.user.language
    with translation.override(language):
        message = render_message(notification.verb, notification.context)
    subject, text, html = render_email(
        "notifications/email/notice", language,
        {"user": notification.user, "message": message, "url": absolute(notification.url) if notification.url else ""},
    )
    send_email(notification.user.email, subject, text, html)


def queue_reviewer_digests(day):
    """Fan out: one digest job per active reviewer, once per day."""
    from django.contrib.auth import get_user_model

    from localaction.accounts.models import Roles
    from localaction.jobs.services import enqueue

    reviewers = get_user_model().objects.filter(is_active=True, groups__name=Roles.REVIEWER).distinct()
    for reviewer in reviewers:
        enqueue("localaction.notifications.tasks.send_reviewer_digest", unique_key=f"digest:{day}:{reviewer.pk}", user_id=reviewer.pk)


def send_reviewer_digest(user_id):
    """What waits for reviewers, in the reviewer's language; nothing is sent when nothing waits."""
    from django.contrib.auth import get_user_model

    from localaction.workspace.queues import review_queue_summary

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    summary = review_queue_summary()
    if not summary["total"]:
        return
    subject, text, html = render_email(
        "notifications/email/reviewer_digest", user.language, {"user": user, "summary": summary, "base_url": settings.LOCALACTION_BASE_URL}
    )
    send_email(user.email, subject, text, html)
