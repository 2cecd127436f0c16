"""The job runner: jobs run once, failures are kept and retried with back-off, nothing runs twice."""
from datetime import timedelta

from threading import Barrier, Thread

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from localaction.factories import UserFactory
from localaction.jobs.models import Job
from localaction.jobs.services import JobKindError, claim, enqueue, requeue_stuck, run_due
from localaction.notifications.services import notify

pytestmark = pytest.mark.django_db

EMAIL_JOB = "localaction.notifications.tasks.send_notification_email"
MISSING_TASK = "localaction.notifications.tasks.no_such_task"


def later(job, minutes):
    """As if `minutes` had passed: the job's retry time is now that far in the past."""
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now() - timedelta(minutes=minutes))


def test_a_job_runs_and_is_marked_done(mailoutbox):
    notification = notify(UserFactory(email="someone@example.org"), "action.published", title="Welcome centre")
    job = Job.objects.get(kind=EMAIL_JOB, payload={"notification_id": notification.pk})

    assert run_due() == (1, 0)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.attempts == 1 and job.finished_at is not None and job.last_error == ""
    assert [m.to for m in mailoutbox] == [["someone@example.org"]]
    assert run_due() == (0, 0)  # a done job never runs again


def test_a_failing_job_is_retried_later_with_its_error_kept():
    job = enqueue(MISSING_TASK)

    assert run_due() == (0, 1)

    job.refresh_from_db()
    assert job.status == Job.Status.PENDING
    assert job.attempts == 1
    assert "no_such_task" in job.last_error
    assert timezone.now() + timedelta(seconds=50) < job.run_after < timezone.now() + timedelta(seconds=70)
    assert run_due() == (0, 0)  # not due before its back-off has passed


def test_the_back_off_grows_with_each_failure():
    job = enqueue(MISSING_TASK)
    waits = []
    for _attempt in range(3):
        later(job, 0)
        before = timezone.now()
        run_due()
        job.refresh_from_db()
        waits.append(round((job.run_after - before).total_seconds() / 60))
    assert waits == [1, 2, 4]


def test_a_job_fails_for_good_after_its_last_attempt():
    job = enqueue(MISSING_TASK)
    Job.objects.filter(pk=job.pk).update(max_attempts=3)
    for _attempt in range(3):
        later(job, 500)
        run_due()

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.attempts == 3 and job.finished_at is not None
    assert "no_such_task" in job.last_error
    later(job, 500)
    assert run_due() == (0, 0)


def test_enqueueing_the_same_unique_key_twice_makes_one_job():
    first = enqueue(EMAIL_JOB, unique_key="mail:1", notification_id=1)
    second = enqueue(EMAIL_JOB, unique_key="mail:1", notification_id=1)
    assert first.pk == second.pk
    assert Job.objects.filter(unique_key="mail:1").count() == 1


def test_a_unique_key_still_makes_one_job_after_the_first_has_run():
    first = enqueue(MISSING_TASK, unique_key="once")
    Job.objects.filter(pk=first.pk).update(status=Job.Status.DONE)
    assert enqueue(MISSING_TASK, unique_key="once").pk == first.pk
    assert Job.objects.count() == 1


def test_only_one_of_two_claims_of_a_job_wins():
    job = enqueue(MISSING_TASK)
    assert claim(job.pk) is True
    assert claim(job.pk) is False
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING
    # A worker looking for due jobs leaves the claimed one alone.
    assert run_due() == (0, 0)
    job.refresh_from_db()
    assert job.attempts == 0


def test_a_job_left_running_by_a_dead_worker_goes_back_to_the_queue():
    job = enqueue(MISSING_TASK)
    claim(job.pk)
    assert requeue_stuck() == 0  # claimed just now: its worker is still at it
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now() - timedelta(hours=2))
    assert requeue_stuck() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.PENDING


def test_only_functions_of_our_tasks_modules_can_be_enqueued():
    with pytest.raises(JobKindError):
        enqueue("os.system", command="true")
    with pytest.raises(JobKindError):
        enqueue("localaction.notifications.services.notify")
    assert not Job.objects.exists()


def test_a_job_whose_kind_was_tampered_with_is_refused_when_it_runs():
    job = enqueue(MISSING_TASK)
    Job.objects.filter(pk=job.pk).update(kind="os.getcwd")
    assert run_due() == (0, 1)
    job.refresh_from_db()
    assert "JobKindError" in job.last_error


# Committed data is needed for two connections to see the job; serialized rollback leaves the reference data
# (and the content types) as the browser tests that run after the transactional tests expect them.
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="concurrent workers need a database that serves two connections at once (CI runs PostgreSQL)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_run_a_job_only_once(mailoutbox):
    notify(UserFactory(email="once@example.org"), "action.published", title="Only once")
    start, results = Barrier(2), []

    def worker():
        start.wait()
        try:
            results.append(run_due())
        finally:
            connections.close_all()

    threads = [Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [(0, 0), (1, 0)]
    assert len(mailoutbox) == 1
