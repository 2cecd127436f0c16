"""Enqueue and run background jobs.

A job's `kind` is the dotted path of a function in one of our `tasks` modules (e.g.
"localaction.notifications.tasks.send_notification_email"), called with the job's payload as keyword
arguments: reading the kind tells where the code is, with no registry to keep in step.
"""
import logging
import traceback
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import Job

logger = logging.getLogger(__name__)

# A worker that claimed a job and has not finished it after this long is taken to have died.
STUCK_AFTER = timedelta(hours=1)


class JobKindError(ValueError):
    """A job kind that does not name a function in one of our tasks modules."""


def _check_kind(kind):
    module = kind.rsplit(".", 1)[0]
    if not (kind.startswith("localaction.") and module.endswith(".tasks")):
        raise JobKindError(f"job kinds name a function in a localaction tasks module, not {kind!r}")


def outside_transaction(task):
    """Mark a task that manages its own transactions, such as a long build that reports its progress as it goes:
    run_job calls it without wrapping it in one, so what it commits along the way is visible at once."""
    task.job_outside_transaction = True
    return task


def enqueue(kind, *, unique_key=None, run_after=None, **payload):
    """Add a job; call it inside the transaction of the change it follows, so both commit or neither does.
    With `unique_key`, a second call with the same key returns the existing job instead of adding one."""
    _check_kind(kind)
    fields = {"kind": kind, "payload": payload, "run_after": run_after or timezone.now()}
    if unique_key is None:
        return Job.objects.create(**fields)
    existing = Job.objects.filter(unique_key=unique_key).first()
    if existing is not None:
        return existing
    try:
        # The savepoint keeps the caller's transaction usable when a concurrent enqueue won the race.
        with transaction.atomic():
            return Job.objects.create(unique_key=unique_key, **fields)
    except IntegrityError:
        return Job.objects.get(unique_key=unique_key)


def backoff(attempts):
    """How long to wait after the n-th failed attempt: 1, 2, 4 … minutes, capped at six hours, so a mail
    server that is down for a night delays mail without losing it (see Job.max_attempts)."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def claim(job_id):
    """Mark a pending job as running; True for the one worker that gets it, False for any other.

    The conditional UPDATE is atomic in the database, so two workers never run the same job. A running job's
    `run_after` holds the moment it was claimed, which is what requeue_stuck() measures."""
    pending = Job.objects.filter(pk=job_id, status=Job.Status.PENDING)
    return pending.update(status=Job.Status.RUNNING, run_after=timezone.now()) == 1


def run_job(job):
    """Run one claimed job; record success, or schedule a retry with the error kept, or give up after
    max_attempts (the job stays in the table as failed, to be retried from the admin)."""
    job.attempts += 1
    try:
        _check_kind(job.kind)
        function = import_string(job.kind)
        if getattr(function, "job_outside_transaction", False):
            function(**job.payload)
        else:
            with transaction.atomic():
                function(**job.payload)
    except Exception:  # noqa: BLE001 — any failure is recorded and retried, never lost
        job.last_error = traceback.format_exc()[-4000:]
        if job.attempts >= job.max_attempts:
            job.status = Job.Status.FAILED
            job.finished_at = timezone.now()
            logger.error("job %s failed for good after %s attempts: %s", job, job.attempts, job.last_error)
        else:
            job.status = Job.Status.PENDING
            job.run_after = timezone.now() + backoff(job.attempts)
            logger.warning("job %s failed (attempt %s), retrying at %s", job, job.attempts, job.run_after)
        job.save(update_fields=["attempts", "last_error", "status", "run_after", "finished_at"])
        return False
    job.status = Job.Status.DONE
    job.finished_at = timezone.now()
    job.last_error = ""
    job.save(update_fields=["attempts", "last_error", "status", "finished_at"])
    return True


def run_due(limit=100, stop=None):
    """Run up to `limit` jobs that are due, oldest first; returns (succeeded, failed). `stop()` is asked before
    each job: once it is true, no further job is claimed (the worker is shutting down)."""
    succeeded = failed = 0
    due = Job.objects.filter(status=Job.Status.PENDING, run_after__lte=timezone.now())
    for job_id in list(due.values_list("pk", flat=True)[:limit]):
        if stop is not None and stop():
            break
        if not claim(job_id):
            continue  # another worker took it
        if run_job(Job.objects.get(pk=job_id)):
            succeeded += 1
        else:
            failed += 1
    return succeeded, failed


def requeue_stuck(older_than=STUCK_AFTER):
    """Jobs left running by a worker that died go back to the queue; returns how many."""
    return Job.objects.filter(status=Job.Status.RUNNING, run_after__lte=timezone.now() - older_than).update(
        status=Job.Status.PENDING, run_after=timezone.now()
    )
