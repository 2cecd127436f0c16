"""`manage.py runjobs`: the worker. Runs due jobs; with --once it exits when none is due (cron, tests)."""
import time

from django.core.management.base import BaseCommand

from localaction.jobs.services import requeue_stuck, run_due


class Command(BaseCommand):
    help = "Run background jobs from the job table (e-mails, digests)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due, then exit.")
        parser.add_argument("--sleep", type=float, default=5.0, help="Seconds to wait when nothing is due.")

    def handle(self, *args, once=False, sleep=5.0, **options):
        requeued = requeue_stuck()
        if requeued:
            self.stdout.write(f"jobs: {requeued} left running by a stopped worker, queued again")
        while True:
            # Jobs may enqueue jobs (the digest fans out per reviewer): keep going while there is work.
            succeeded, failed = run_due()
            if succeeded or failed:
                self.stdout.write(f"jobs: {succeeded} done, {failed} failed (will retry)")
                continue
            if once:
                return
            time.sleep(sleep)
