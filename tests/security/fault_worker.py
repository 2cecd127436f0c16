"""A worker process for the fault tests: `python tests/security/fault_worker.py <step> [arguments]`.

`setup-report` and `setup-mail N` put work in the queue of the database named by DATABASE_URL; `work` runs
`manage.py runjobs --once` (`serve`: `runjobs` until stopped), and with FAULT_PAUSE set it first stops at a chosen point of the real job code,
prints "PAUSED" and sleeps, so the test can kill it there with SIGKILL:

- FAULT_PAUSE=report:<percent> — in an annual report build, once it reports that much progress;
- FAULT_PAUSE=mail-before:<n> — before the n-th e-mail of the batch is handed to the mail backend;
- FAULT_PAUSE=mail-after:<n> — after the n-th e-mail was sent, before its job commits.

The pause wraps a function the job calls; the job code itself runs unchanged.
"""
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402


def pause():
    print("PAUSED", flush=True)
    # Long enough for a kill; FAULT_PAUSE_SECONDS shortens it for a test that lets the job finish.
    time.sleep(float(os.environ.get("FAULT_PAUSE_SECONDS", "120")))


def install_pause(spec):
    point, _, value = spec.partition(":")
    number = int(value)
    if point == "report":
        from localaction.reports import services

        original = services.report_progress

        def report_progress(generated, percent, message=""):
            original(generated, percent, message)
            if percent >= number:
                pause()

        services.report_progress = report_progress
    elif point in ("mail-before", "mail-after"):
        from localaction.notifications import tasks

        original = tasks.send_email
        sent = []

        def send_email(*args, **kwargs):
            if point == "mail-before" and len(sent) + 1 == number:
                pause()
            original(*args, **kwargs)
            sent.append(args[0])
            if point == "mail-after" and len(sent) == number:
                pause()

        tasks.send_email = send_email
    else:
        raise SystemExit(f"unknown pause point {spec!r}")


def setup_report():
    from localaction.accounts.models import Roles
    from localaction.factories import UserFactory
    from localaction.reports.models import AnnualReport
    from localaction.reports.services import request_annual_report
    from django.contrib.auth.models import Group

    reviewer = UserFactory(email="reviewer@example.org")
    reviewer.groups.add(Group.objects.get(name=Roles.REVIEWER))
    edition = AnnualReport.objects.create(period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
                                          intro_en="An introduction that the build prints.")
    request_annual_report(edition, "en", reviewer)


def setup_mail(count):
    from localaction.factories import UserFactory
    from localaction.notifications.services import notify

    for number in range(count):
        user = UserFactory(email=f"person{number}@example.org", language="en")
        notify(user, "action.approved", url="/en/", title=f"Action {number}")


if __name__ == "__main__":
    step = sys.argv[1]
    if step == "setup-report":
        setup_report()
    elif step == "setup-mail":
        setup_mail(int(sys.argv[2]))
    elif step == "work":
        if os.environ.get("FAULT_PAUSE"):
            install_pause(os.environ["FAULT_PAUSE"])
        call_command("runjobs", "--once")
    elif step == "serve":  # the service's worker: runs until stopped
        if os.environ.get("FAULT_PAUSE"):
            install_pause(os.environ["FAULT_PAUSE"])
        call_command("runjobs", "--sleep", "0.2")
    else:
        raise SystemExit(f"unknown step {step!r}")
