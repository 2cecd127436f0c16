"""Reminders to the focal points of a pledge's lead government: before an update is due, when it is overdue, and
ahead of the forum of the pledge's campaign.

Rules (checked each day by `queue_reminders(today)`, run from `manage.py periodic`):

- **due soon**: from 14 days before the due date up to it (see schedule.py for the due date);
- **overdue**: from the day after the due date, while the pledge is not yet inactive;
- **forum**: from 30 days before the forum date of the pledge's campaign up to that date, for every running
  pledge of the campaign (inactive ones too: a forum is a good reason to report again);
- none while an update of the pledge is with the reviewers.

Each reminder is a `Reminder` row, unique per pledge, kind and date, so whatever the number of runs there is at
most one reminder per pledge, kind and date; a new due date (after an update) or a new forum makes a new one.
Sending fans out to one job per recipient with a unique key, so a run that fails midway is retried only for the
recipients whose e-mail did not go out.
"""
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from localaction.actions.models import Action
from localaction.activity.services import record
from localaction.campaigns.models import Campaign
from localaction.governments.models import Membership
from localaction.jobs.services import enqueue

from . import schedule
from .models import ProgressUpdate, Reminder

DUE_SOON_DAYS = 14
FORUM_NOTICE_DAYS = 30
SEND_JOB = "localaction.progress.tasks.send_reminder"
EMAIL_JOB = "localaction.progress.tasks.send_reminder_email"


def pledges_to_remind():
    """Published pledges that still report (see schedule.has_schedule), except those whose update is with the
    reviewers: their owners have done their part."""
    return (
        Action.objects.published().filter(schedule.schedule_q())
        .exclude(progress_updates__status=ProgressUpdate.Status.SUBMITTED)
        .select_related("campaign", "government")
    )


def reminders_due(today):
    """(action, kind, date, campaign) of every reminder that should exist on `today`, sent or not."""
    pledges = pledges_to_remind()
    for action in schedule.filter_due_status(pledges, [schedule.DUE, schedule.OVERDUE], today):
        state = schedule.due_state(action, today)
        if state.status == schedule.OVERDUE:
            yield action, Reminder.Kind.OVERDUE, state.due_on, None
        elif today >= state.due_on - timedelta(days=DUE_SOON_DAYS):
            yield action, Reminder.Kind.DUE_SOON, state.due_on, None
    campaigns = Campaign.objects.filter(
        forum_date__gte=today, forum_date__lte=today + timedelta(days=FORUM_NOTICE_DAYS)
    )
    for campaign in campaigns:
        for action in pledges.filter(campaign=campaign):
            yield action, Reminder.Kind.FORUM, campaign.forum_date, campaign


@transaction.atomic
def queue_reminders(today):
    """Create the reminders due on `today` that do not exist yet and enqueue their sending; returns the new ones.
    Running it again the same day (or after a crash, which rolls the whole run back) creates nothing twice."""
    created = []
    for action, kind, due_on, campaign in reminders_due(today):
        # get_or_create retries the read when a concurrent run inserted the same row first (unique constraint).
        reminder, new = Reminder.objects.get_or_create(
            action=action, kind=kind, due_on=due_on, defaults={"campaign": campaign}
        )
        if not new:
            continue
        record(None, "progress.reminder_queued", reminder, government=action.government,
               action=action.public_id, kind=kind, due_on=due_on.isoformat())
        enqueue(SEND_JOB, unique_key=f"reminder:{reminder.pk}", reminder_id=reminder.pk)
        created.append(reminder)
    return created


def recipients(reminder):
    """The active focal points of the pledge's lead government, with an e-mail address, in a stable order."""
    memberships = Membership.objects.filter(
        government_id=reminder.action.government_id, role=Membership.Role.FOCAL_POINT, user__is_active=True,
    ).exclude(user__email="").select_related("user").order_by("user_id")
    return [membership.user for membership in memberships]


def fan_out(reminder):
    """Enqueue one e-mail job per recipient; the key `reminder:<id>:<user id>` makes it at most one per person,
    however many times this runs. Returns the recipients."""
    people = recipients(reminder)
    for user in people:
        enqueue(EMAIL_JOB, unique_key=f"reminder:{reminder.pk}:{user.pk}", reminder_id=reminder.pk, user_id=user.pk)
    return people


def is_recipient(reminder, user):
    """Still a focal point of the lead government when the e-mail is about to leave (people leave teams)."""
    return user.is_active and bool(user.email) and Membership.objects.filter(
        government_id=reminder.action.government_id, user=user, role=Membership.Role.FOCAL_POINT
    ).exists()


@transaction.atomic
def mark_sent(reminder, user):
    """Record that the reminder's e-mail went to `user`; the reminder's `sent_at` keeps the first e-mail's time.
    Call it only after the e-mail has left."""
    Reminder.objects.filter(Q(pk=reminder.pk) & Q(sent_at__isnull=True)).update(sent_at=timezone.now())
    reminder.refresh_from_db(fields=["sent_at"])
    record(None, "progress.reminder_sent", reminder, government=reminder.action.government,
           action=reminder.action.public_id, kind=reminder.kind, recipient=user.pk)
    return reminder


def language_of(user):
    return user.language or settings.LANGUAGE_CODE
