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


class JobKindError(ValueError):
    pass


def _check_kind(kind):
    module = kind.rsplit(".", 1)[0]
    if not (kind.startswith("localaction.") and module.endswith(".tasks")):
        raise JobKindError(f"job kinds name a function in a localaction tasks module, not {kind!r}")


def enqueue(kind, *, unique_key=None, run_after=None, **payload):
    """Add a job; call it inside the transaction of the change it follows, so both commit or neither does.
    With `unique_key`, a second call with the same key returns the existing job instead of adding one."""
    _check_kind(kind)
    fields = {"kind": kind, "payload": payload, "run_after": run_after or timezone.now()}
    if unique_key is None:
        return Job.objects.create(**fields)
    try:
        with transaction.atomic():
            return Job.objects.create(unique_key=unique_key, **fields)
    except IntegrityError:
        return Job.objects.get(unique_key=unique_key)


def backoff(attempts):
    """1, 2, 4 … minutes, capped at six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _claim(job_id):
    # The conditional update makes two workers never run the same job.
    return Job.objects.filter(pk=job_id, status=Job.Status.PENDING).update(status=Job.Status.RUNNING) == 1


def run_job(job):
    """Run one claimed job; record success, or schedule a retry, or give up after max_attempts."""
    job.attempts += 1
    try:
        function = import_string(job.kind)
        with transaction.atomic():
            function(**job.payload)
    except Exception:  # noqa: BLE001 — any failure is recorded and retried, never lost
        job.last_error = traceback.format_exc()[-4000:]
        if job.attempts >= job.max_attempts:
            job.status = Job.Status.FAILED
            job.finished_at = timezone.now()
            logger.error("job %s failed for good: %s", job, job.last_error)
        else:
            job.status = Job.Status.PENDING
            job.run_after = timezone.now() + backoff(job.attempts)
        job.save(update_fields=["attempts", "last_error", "status", "run_after", "finished_at"])
        return False
    job.status = Job.Status.DONE
    job.finished_at = timezone.now()
    job.last_error = ""
    job.save(update_fields=["attempts", "last_error", "status", "finished_at"])
    return True


def run_due(limit=100):
    """Run up to `limit` jobs that are due; returns (succeeded, failed)."""
    succeeded = failed = 0
    due = Job.objects.filter(status=Job.Status.PENDING, run_after__lte=timezone.now()).values_list("pk", flat=True)[:limit]
    for job_id in list(due):
        if not _claim(job_id):
            continue
        if run_job(Job.objects.get(pk=job_id)):
            succeeded += 1
        else:
            failed += 1
    return succeeded, failed


def requeue_stuck(older_than=timedelta(hours=1)):
    """Jobs left 'running' by a worker that died go back to the queue."""
    return Job.objects.filter(status=Job.Status.RUNNING, run_after__lte=timezone.now() - older_than).update(
        status=Job.Status.PENDING
    )
