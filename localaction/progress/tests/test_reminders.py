"""Which reminders the daily run creates: due soon, overdue, ahead of a forum — once per pledge, kind and date."""
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.factories import ActionFactory, CampaignFactory
from localaction.jobs.models import Job
from localaction.jobs.services import run_due
from localaction.progress.models import ProgressUpdate, Reminder
from localaction.progress.reminders import queue_reminders
from localaction.progress.schedule import add_months

pytestmark = pytest.mark.django_db

# Last updated on 31 August 2023: the next update is due on 29 February 2024 (a leap day).
UPDATED = date(2023, 8, 31)
DUE = date(2024, 2, 29)


@pytest.fixture
def pledge(personas):
    return ActionFactory(
        government=personas.government_a, kind=Action.Kind.PLEDGE, published=True, last_progress_on=UPDATED,
        title_en="Language cafés",
    )


def reminders():
    return sorted((r.action_id, r.kind, r.due_on) for r in Reminder.objects.all())


def test_nothing_is_sent_more_than_fourteen_days_before_the_due_date(pledge):
    assert queue_reminders(DUE - timedelta(days=15)) == []
    assert reminders() == []


def test_a_pledge_is_reminded_fourteen_days_before_its_due_date(pledge):
    created = queue_reminders(DUE - timedelta(days=14))
    assert [(r.action, r.kind, r.due_on) for r in created] == [(pledge, "due_soon", DUE)]
    jobs = Job.objects.filter(kind="localaction.progress.tasks.send_reminder", payload={"reminder_id": created[0].pk})
    assert jobs.count() == 1


def test_running_the_reminders_twice_or_every_day_creates_one_reminder_per_due_date(pledge):
    for offset in (14, 14, 10, 3, 0):
        queue_reminders(DUE - timedelta(days=offset))
    assert reminders() == [(pledge.pk, "due_soon", DUE)]
    assert Job.objects.filter(kind="localaction.progress.tasks.send_reminder").count() == 1


def test_the_day_after_the_due_date_the_pledge_is_reminded_once_that_it_is_overdue(pledge):
    queue_reminders(DUE - timedelta(days=5))
    queue_reminders(DUE)
    assert reminders() == [(pledge.pk, "due_soon", DUE)]
    for day in (date(2024, 3, 1), date(2024, 3, 1), date(2024, 4, 1), date(2025, 1, 1)):
        queue_reminders(day)
    assert reminders() == [(pledge.pk, "due_soon", DUE), (pledge.pk, "overdue", DUE)]


def test_an_inactive_pledge_gets_no_more_overdue_reminders(pledge):
    assert queue_reminders(date(2025, 8, 31)) == []  # two years without update


def test_a_new_update_makes_a_new_due_date_and_new_reminders(pledge):
    queue_reminders(date(2024, 3, 1))
    pledge.last_progress_on = date(2024, 3, 15)
    pledge.save()
    queue_reminders(date(2024, 9, 1))  # due on 15 September 2024
    assert reminders() == [(pledge.pk, "due_soon", date(2024, 9, 15)), (pledge.pk, "overdue", DUE)]


def test_a_pledge_whose_update_is_with_the_reviewers_is_not_reminded(pledge):
    ProgressUpdate.objects.create(action=pledge, status=ProgressUpdate.Status.SUBMITTED, stage=Action.Stage.IN_PROGRESS,
                                  reported_on=date(2024, 2, 20), narrative_en="Two cafés opened.")
    assert queue_reminders(date(2024, 3, 1)) == []
    ProgressUpdate.objects.update(status=ProgressUpdate.Status.RETURNED)  # sent back for changes: due again
    assert [r.kind for r in queue_reminders(date(2024, 3, 1))] == ["overdue"]


@pytest.mark.parametrize("fields", [
    {"kind": Action.Kind.PRACTICE},
    {"status": Action.Status.DRAFT, "published_at": None},
    {"stage": Action.Stage.FULFILLED},
    {"stage": Action.Stage.DISCONTINUED},
])
def test_practices_unpublished_and_finished_pledges_are_not_reminded(personas, fields):
    forum = CampaignFactory(forum_date=date(2024, 3, 10))
    ActionFactory(**{"government": personas.government_a, "kind": Action.Kind.PLEDGE, "published": True,
                     "last_progress_on": UPDATED, "campaign": forum, **fields})
    for day in (DUE - timedelta(days=14), date(2024, 3, 1)):
        assert queue_reminders(day) == []


def test_the_campaigns_interval_sets_when_reminders_come(personas):
    yearly = CampaignFactory(reporting_interval_months=12, forum_date=date(2020, 1, 1))
    action = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True,
                           last_progress_on=date(2024, 2, 29), campaign=yearly)
    assert queue_reminders(date(2024, 8, 29)) == []
    assert [(r.kind, r.due_on) for r in queue_reminders(date(2025, 2, 14))] == [("due_soon", date(2025, 2, 28))]
    assert [(r.action, r.kind) for r in queue_reminders(date(2025, 3, 1))] == [(action, "overdue")]


def test_pledges_of_a_campaign_are_reminded_once_within_thirty_days_of_its_forum(personas):
    grf = CampaignFactory(forum=Campaign.Forum.GRF, forum_date=date(2024, 12, 16))
    later = CampaignFactory(forum_date=date(2025, 1, 20))
    ours = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True,
                         last_progress_on=date(2024, 10, 1), campaign=grf)
    theirs = ActionFactory(government=personas.government_b, kind=Action.Kind.PLEDGE, published=True,
                           last_progress_on=date(2024, 10, 1), campaign=grf)
    ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True,
                  last_progress_on=date(2024, 10, 1), campaign=later)
    ActionFactory(government=personas.government_a, published=True, campaign=grf)  # a practice

    assert queue_reminders(date(2024, 11, 15)) == []  # 31 days before
    for day in (date(2024, 11, 16), date(2024, 11, 16), date(2024, 12, 1), date(2024, 12, 16)):
        queue_reminders(day)
    assert reminders() == sorted([(ours.pk, "forum", date(2024, 12, 16)), (theirs.pk, "forum", date(2024, 12, 16))])
    assert {r.campaign for r in Reminder.objects.all()} == {grf}
    queue_reminders(date(2024, 12, 17))  # the forum is over; the later one is still 34 days away
    assert Reminder.objects.count() == 2


def test_the_periodic_command_queues_todays_reminders_once_however_often_cron_runs_it(personas):
    today = timezone.localdate()
    action = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True,
                           last_progress_on=add_months(today, -6) + timedelta(days=3))
    for _ in range(3):
        call_command("periodic", stdout=StringIO())
        run_due()
    due_on = add_months(action.last_progress_on, 6)
    assert [(r.action, r.kind, r.due_on) for r in Reminder.objects.all()] == [(action, "due_soon", due_on)]
    assert Job.objects.filter(kind="localaction.progress.tasks.queue_reminders_for_today").count() == 1
