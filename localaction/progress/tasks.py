"""Jobs of the progress app (run by `manage.py runjobs`): the daily reminder run and the reminder e-mails, each
rendered in its recipient's language (templates/progress/email/reminder_*)."""
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from localaction.notifications.links import absolute
from localaction.notifications.tasks import render_email, send_email

from . import reminders
from .models import Reminder


def queue_reminders_for_today():
    """Enqueued by `manage.py periodic` once a day: create and enqueue the reminders due today."""
    reminders.queue_reminders(timezone.localdate())


def send_reminder(reminder_id):
    """Fan out: one e-mail job per focal point of the pledge's lead government (see reminders.fan_out)."""
    reminder = Reminder.objects.select_related("action").filter(pk=reminder_id).first()
    if reminder is not None:
        reminders.fan_out(reminder)


def send_reminder_email(reminder_id, user_id):
    """One reminder to one focal point, in their language, with a link to a new progress update of the pledge.
    An error propagates so the job runner retries this e-mail alone; sent_at is written only after sending."""
    reminder = Reminder.objects.select_related("action__government", "campaign").filter(pk=reminder_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if reminder is None or user is None or not reminders.is_recipient(reminder, user):
        return
    action = reminder.action
    language = reminders.language_of(user)
    with translation.override(language):
        # Links are reversed in the recipient's language; the form asks to sign in first and then comes back.
        context = {
            "user": user,
            "reminder": reminder,
            "action": action,
            "title": str(action.t.title),
            "government": action.government.name,
            "campaign": reminder.campaign,
            "campaign_name": str(reminder.campaign.t.name) if reminder.campaign else "",
            "form_url": absolute(reverse("progress_workspace:new", args=[action.public_id])),
            "action_url": absolute(action.get_absolute_url()),
            "reminders_url": absolute(reverse("progress_workspace:reminders", args=[action.government.slug])),
        }
    subject, text, html = render_email("progress/email/reminder", language, context)
    send_email(user.email, subject, text, html)
    reminders.mark_sent(reminder, user)
