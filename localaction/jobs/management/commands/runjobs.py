"""`manage.py runjobs`: the worker. Runs due jobs; with --once it exits when none is due (cron, tests).

SIGTERM (systemd's stop, a deploy) and SIGINT ask it to stop: the job under way finishes and commits, no new one
is claimed, and the command exits 0. A worker stopped harder (SIGKILL) leaves its job `running`; the next worker
queues it again after jobs.services.STUCK_AFTER.
"""
import signal
import threading

from django.core.management.base import BaseCommand

from localaction.jobs.services import requeue_stuck, run_due


class Command(BaseCommand):
    help = "Run background jobs from the job table (e-mails, digests)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due, then exit.")
        parser.add_argument("--sleep", type=float, default=5.0, help="Seconds to wait when nothing is due.")

    def handle(self, *args, once=False, sleep=5.0, **options):
        stopping = threading.Event()

        def stop(signum, frame):
            if not stopping.is_set():
                self.stdout.write(f"jobs: {signal.Signals(signum).name} received, stopping after the current job")
            stopping.set()

        if threading.current_thread() is threading.main_thread():  # signal handlers can only be set there
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, stop)
        requeued = requeue_stuck()
        if requeued:
            self.stdout.write(f"jobs: {requeued} left running by a stopped worker, queued again")
        while not stopping.is_set():
            # Jobs may enqueue jobs (the digest fans out per reviewer): keep going while there is work.
            succeeded, failed = run_due(stop=stopping.is_set)
            if succeeded or failed:
                self.stdout.write(f"jobs: {succeeded} done, {failed} failed (will retry)")
                continue
            if once:
                return
            stopping.wait(sleep)
        self.stdout.write("jobs: stopped")
