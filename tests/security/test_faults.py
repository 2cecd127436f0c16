"""A worker killed with SIGKILL (an out-of-memory killer, a lost server) in the middle of an import, a report build
or an e-mail batch: after a restart nothing is lost, nothing is duplicated and nothing is half-written.

Each test works on its own copy of a FILE SQLite database migrated once by `manage.py migrate` in a subprocess,
and drives the real commands in subprocesses (tests/security/fault_worker.py pauses the real job code at a chosen
point so that the kill lands there). A job left `running` by a killed worker is queued again by the next worker
once it is older than jobs.services.STUCK_AFTER; the tests age it instead of waiting an hour.

What the job runner guarantees: each job runs in its own transaction (or manages its own, for builds), and is
marked done in the same commit as its effects, so a job's database effects happen exactly once. An e-mail leaves
the process before that commit: a kill between the hand-over to the mail server and the commit sends it again
after the restart (at-least-once; test_a_kill_just_after_sending_sends_that_one_email_again shows the window).
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from hashlib import sha256
from pathlib import Path

import pytest
from django.conf import settings

from localaction.imports.tests.test_import_killed import counts as import_counts, write_rows

# These tests drive a FILE SQLite database of their own in subprocesses, whatever the suite's database: the
# PostgreSQL run would only repeat the SQLite run's work.
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs its own SQLite database in subprocesses; covered by the SQLite run",
)

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("fault_worker.py")



@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    database = tmp_path_factory.mktemp("faults") / "migrated.sqlite3"
    result = subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment(database),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return database


@pytest.fixture
def database(migrated, tmp_path):
    copy = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated, copy)
    return copy


def environment(database, **extra):
    media = Path(database).parent / "media"
    mail = Path(database).parent / "mail"
    mail.mkdir(exist_ok=True)
    return {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONUNBUFFERED": "1", "MEDIA_ROOT": str(media),
            "EMAIL_BACKEND": "tests.security.mail_backend.EmailBackend", "FAULT_MAIL_DIR": str(mail), **extra}


def run(database, *args, **extra):
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=environment(database, **extra),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def paused_worker(database, pause, step="work", **extra):
    """A worker process (fault_worker.py `step`) that has reached the pause point `pause`."""
    worker = subprocess.Popen([sys.executable, str(WORKER), step], cwd=ROOT, text=True,
                              env=environment(database, FAULT_PAUSE=pause, **extra),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for line in worker.stdout:
        if line.strip() == "PAUSED":
            return worker
    pytest.fail("the worker never reached the pause: " + worker.stderr.read())


def kill_when_paused(database, pause):
    """Start a worker that pauses at `pause`, and SIGKILL it there."""
    worker = paused_worker(database, pause)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL


def query(database, sql, *params):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


def age_running_jobs(database):
    """What an hour of waiting does: the killed worker's job counts as stuck (STUCK_AFTER)."""
    from localaction.jobs.services import STUCK_AFTER

    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE jobs_job SET run_after = datetime(run_after, ?) WHERE status = 'running'",
                           (f"-{int((STUCK_AFTER + timedelta(minutes=1)).total_seconds())} seconds",))


def sent_to(database):
    """Recipients of every e-mail the workers handed to the mail backend, one entry per e-mail."""
    recipients = []
    for path in sorted((Path(database).parent / "mail").iterdir()):
        recipients += [line[4:].strip() for line in path.read_text().splitlines() if line.startswith("To: ")]
    return recipients


# ---------------------------------------------------------------- import

def test_an_import_killed_half_way_then_run_again_imports_every_row_once(database, tmp_path):
    """The kill itself is imports/tests/test_import_killed.py; this adds the restart."""
    write_rows(tmp_path / "rows.csv", 0, 300)
    command = ["manage.py", "import_actions", str(tmp_path / "rows.csv"), "--source", "s", "--confirm"]
    importer = subprocess.Popen([sys.executable, *command, "--progress", "--row-delay", "0.02", "--chunk", "50"],
                                cwd=ROOT, env=environment(database), text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for line in importer.stdout:
        if line.startswith("written 100/"):
            break
    else:
        pytest.fail("the import never reported its progress: " + importer.stderr.read())
    importer.send_signal(signal.SIGKILL)
    importer.wait(timeout=30)
    assert import_counts(database)["actions_action"] == 0

    run(database, *command)
    after = import_counts(database)
    assert after["actions_action"] == 300
    assert after["imports_importedrecord"] == 300
    assert query(database, "SELECT count(DISTINCT title_en) FROM actions_action") == [(300,)]

    run(database, *command)  # the same file once more: recognised, nothing added
    assert import_counts(database)["actions_action"] == 300


# ---------------------------------------------------------------- report build

def test_a_report_build_killed_half_way_is_built_once_and_completely_after_a_restart(database):
    run(database, str(WORKER), "setup-report")
    kill_when_paused(database, "report:30")

    assert query(database, "SELECT status, file FROM reports_generatedfile") == [("building", "")]
    assert query(database, "SELECT status FROM jobs_job") == [("running",)]
    media = Path(database).parent / "media"
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*")), "half-written file stored"

    run(database, str(WORKER), "work")  # a restart before the job counts as stuck leaves it alone
    assert query(database, "SELECT status FROM jobs_job") == [("running",)]
    age_running_jobs(database)
    output = run(database, str(WORKER), "work")
    assert "left running by a stopped worker" in output

    assert query(database, "SELECT status, attempts FROM jobs_job") == [("done", 1)]
    [(status, name, size, digest)] = query(database, "SELECT status, file, size, sha256 FROM reports_generatedfile")
    assert status == "ready"
    stored = [path for path in media.rglob("*") if path.is_file()]
    assert stored == [media / name], "one file, the one the record names"
    content = stored[0].read_bytes()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    assert len(content) == size and sha256(content).hexdigest() == digest
    assert query(database, "SELECT count(*) FROM activity_activitylog WHERE verb = 'annual_report.built'") == [(1,)]


# ---------------------------------------------------------------- e-mail batch

BATCH = 8


def test_an_email_batch_killed_half_way_sends_every_email_exactly_once_after_a_restart(database):
    run(database, str(WORKER), "setup-mail", str(BATCH))
    kill_when_paused(database, "mail-before:4")
    assert len(sent_to(database)) == 3
    assert query(database, "SELECT status, count(*) FROM jobs_job GROUP BY status ORDER BY status") == [
        ("done", 3), ("pending", BATCH - 4), ("running", 1)]

    age_running_jobs(database)
    run(database, str(WORKER), "work")
    recipients = sent_to(database)
    assert sorted(recipients) == sorted(f"person{number}@example.org" for number in range(BATCH))
    assert query(database, "SELECT status, count(*) FROM jobs_job GROUP BY status") == [("done", BATCH)]


def test_a_kill_just_after_sending_sends_that_one_email_again(database):
    """The at-least-once window: the mail server has the e-mail, the job's commit never happened."""
    run(database, str(WORKER), "setup-mail", "3")
    kill_when_paused(database, "mail-after:2")
    assert len(sent_to(database)) == 2

    age_running_jobs(database)
    run(database, str(WORKER), "work")
    recipients = sent_to(database)
    assert len(recipients) == 4
    assert {address: recipients.count(address) for address in set(recipients)} == {
        "person0@example.org": 1, "person1@example.org": 2, "person2@example.org": 1}
    assert query(database, "SELECT status, count(*) FROM jobs_job GROUP BY status") == [("done", 3)]


# ---------------------------------------------------------------- a stop asked for (SIGTERM)

def test_a_worker_asked_to_stop_finishes_its_job_claims_no_other_and_exits(database):
    """systemd's stop and a deploy send SIGTERM: the e-mail under way is sent and its job committed, the rest
    wait in the queue for the next worker, nothing is left `running`."""
    run(database, str(WORKER), "setup-mail", "5")
    worker = paused_worker(database, "mail-before:2", step="serve", FAULT_PAUSE_SECONDS="3")
    worker.send_signal(signal.SIGTERM)
    output, errors = worker.communicate(timeout=60)

    assert worker.returncode == 0, errors
    assert "SIGTERM received" in output and "jobs: stopped" in output
    assert len(sent_to(database)) == 2
    assert query(database, "SELECT status, count(*) FROM jobs_job GROUP BY status ORDER BY status") == [
        ("done", 2), ("pending", 3)]

    run(database, str(WORKER), "work")
    assert sorted(sent_to(database)) == sorted(f"person{number}@example.org" for number in range(5))
