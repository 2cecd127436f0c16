"""Background work without a broker: a job table that `manage.py runjobs` works through."""
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """A unit of background work (send one e-mail, build one digest). Jobs take primary keys, not objects,
    and are retried with back-off, so a failing mail server delays mail but loses none."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=60, db_index=True)
    payload = models.JSONField(default=dict, blank=True)
    # Optional: enqueueing the same key twice creates one job (e.g. one digest per reviewer per day).
    unique_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # With the back-off of jobs.services.backoff, 12 attempts span about a day before a job fails for good.
    max_attempts = models.PositiveSmallIntegerField(default=12)
    run_after = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run_after", "id"]
        indexes = [models.Index(fields=["status", "run_after"])]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"
