"""Jobs of the relay (run by `manage.py runjobs`): one e-mail per Delivery, plain text only, in the recipient's
language. The texts people wrote go out as they were typed; no HTML version is made of them."""
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from localaction.notifications.links import absolute

from .models import ContactMessage, Delivery

SUBJECT_MAX_LENGTH = 150


def _render(template, language, context):
    with translation.override(language):
        # One line whatever was typed: a newline in a subject could otherwise add a header.
        subject = " ".join(render_to_string(f"contact/email/{template}_subject.txt", context).split())
        body = render_to_string(f"contact/email/{template}.txt", context)
    if len(subject) > SUBJECT_MAX_LENGTH:
        subject = subject[: SUBJECT_MAX_LENGTH - 1].rstrip() + "…"
    return subject, body


def send_delivery(delivery_id):
    """E-mail one message or answer of the relay to one person, once: a delivery already sent is skipped, so a
    retried or duplicated job sends nothing twice."""
    delivery = (
        Delivery.objects.select_for_update(of=("self",))
        .select_related("message__government", "message__action", "reply", "recipient", "reply_to")
        .filter(pk=delivery_id).first()
    )
    if delivery is None or delivery.sent_at is not None:
        return
    recipient, message = delivery.recipient, delivery.message
    if recipient.is_active and recipient.email:
        language = recipient.language or settings.LANGUAGE_CODE
        with translation.override(language):
            url = absolute(reverse("contact_workspace:thread", args=[message.pk]))
        context = {
            "message": message, "reply": delivery.reply, "recipient": recipient, "url": url,
            "title": str(message.action.t.title) if message.action_id else "",
            "to_sender": recipient.pk == message.sender_id, "reply_to": delivery.reply_to is not None,
        }
        subject, body = _render("reply" if delivery.reply_id else "message", language, context)
        reply_to = [delivery.reply_to.email] if delivery.reply_to is not None and delivery.reply_to.email else None
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email], reply_to=reply_to).send()
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["sent_at"])
    pending = message.deliveries.filter(reply__isnull=True, sent_at__isnull=True).exists()
    if not pending and message.status == ContactMessage.Status.QUEUED:
        ContactMessage.objects.filter(pk=message.pk, status=ContactMessage.Status.QUEUED).update(
            status=ContactMessage.Status.RELAYED, relayed_at=timezone.now()
        )
