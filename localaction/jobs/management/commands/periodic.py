"""`manage.py periodic`: run from cron (e.g. hourly). Enqueues the recurring jobs that are due; idempotent,
so running it more often does no harm (each job carries a unique key per period)."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from localaction.jobs.services import enqueue


class Command(BaseCommand):
    help = "Enqueue recurring jobs (reviewers' daily digest, progress reminders, open-data archive, campaign freezes)."

    def handle(self, *args, **options):
        today = timezone.localdate().isoformat()
        enqueue(
            "localaction.notifications.tasks.queue_reviewer_digests", unique_key=f"reviewer-digests:{today}", day=today
        )
        enqueue("localaction.progress.tasks.queue_reminders_for_today", unique_key=f"progress-reminders:{today}")
        # A new archive is written only when the published data changed since the last one.
        enqueue("localaction.opendata.tasks.build_archive", unique_key=f"open-data-archive:{today}")
        # Campaigns freeze on their forum date (those already frozen, e.g. early by a reviewer, are skipped).
        enqueue("localaction.campaigns.tasks.freeze_due_campaigns", unique_key=f"campaign-freeze:{today}", day=today)
        self.stdout.write(f"periodic jobs enqueued for {today}")
