"""`manage.py periodic` (from cron) and `manage.py runjobs --once` (the worker)."""
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.factories import ActionFactory, UserFactory
from localaction.jobs.models import Job

pytestmark = pytest.mark.django_db

DIGEST_JOB = "localaction.notifications.tasks.send_reviewer_digest"


def run(command, *args):
    call_command(command, *args, stdout=StringIO())


@pytest.fixture
def reviewers(personas):
    second = UserFactory(email="second-reviewer@example.org")
    second.groups.add(Group.objects.get(name=Roles.REVIEWER))
    return [personas.reviewer, second]


def test_periodic_twice_the_same_day_makes_one_digest_job_per_reviewer(reviewers):
    run("periodic")
    run("periodic")
    run("runjobs", "--once")
    run("periodic")
    run("runjobs", "--once")

    digests = Job.objects.filter(kind=DIGEST_JOB)
    assert sorted(job.payload["user_id"] for job in digests) == sorted(r.pk for r in reviewers)
    assert all(job.status == Job.Status.DONE for job in Job.objects.all())


def test_the_digest_is_sent_only_when_something_waits(reviewers, mailoutbox):
    run("periodic")
    run("runjobs", "--once")
    assert mailoutbox == []


def test_the_digest_tells_each_reviewer_what_waits(reviewers, mailoutbox):
    ActionFactory(status=Action.Status.SUBMITTED, submitted_at=timezone.now())
    run("periodic")
    run("runjobs", "--once")
    assert sorted(m.to[0] for m in mailoutbox) == sorted(r.email for r in reviewers)
    assert "1 item waits for review" in mailoutbox[0].subject


def test_runjobs_once_runs_what_is_due_and_stops(personas, mailoutbox):
    from localaction.notifications.services import notify

    notify(personas.member_a, "action.published", title="Shelter")
    out = StringIO()
    call_command("runjobs", "--once", stdout=out)
    assert "1 done" in out.getvalue()
    assert len(mailoutbox) == 1
