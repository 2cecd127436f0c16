"""`manage.py periodic`: run from cron (e.g. hourly). Enqueues the recurring jobs that are due; idempotent,
so running it more often does no harm (each job carries a unique key per period)."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from localaction.jobs.services import enqueue


class Command(BaseCommand):
    help = "Enqueue recurring jobs (reviewers' daily digest, progress reminders)."

    def handle(self, *args, **options):
        today = timezone.localdate().isoformat()
        enqueue(
            "localaction.notifications.tasks.queue_reviewer_digests", unique_key=f"reviewer-digests:{today}", day=today
        )
        enqueue("localaction.progress.tasks.queue_reminders_for_today", unique_key=f"progress-reminders:{today}")
        self.stdout.write(f"periodic jobs enqueued for {today}")
