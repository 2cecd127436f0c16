"""An import killed half-way (SIGKILL, as an out-of-memory killer or a lost server would) leaves the database
exactly as it was: the rows are written in one transaction, and an uncommitted transaction leaves nothing."""
import csv
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# These tests drive a FILE SQLite database of their own in subprocesses, whatever the suite's database: the
# PostgreSQL run would only repeat the SQLite run's work.
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs its own SQLite database in subprocesses; covered by the SQLite run",
)

ROOT = Path(__file__).resolve().parents[3]
TABLES = ("actions_action", "governments_government", "imports_importedrecord", "activity_activitylog",
          "actions_action_gcm_objectives")


def manage(database, *args, **kwargs):
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def counts(database):
    with sqlite3.connect(database) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}  # noqa: S608


def write_rows(path, first, last):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "government", "country", "title", "gcm objectives"])
        for number in range(first, last):
            writer.writerow([f"r{number}", f"Town {number % 7}", "FR", f"Action {number}", "7, 16"])


def test_killing_an_import_half_way_leaves_the_database_as_it_was(tmp_path):
    database = tmp_path / "killed.sqlite3"
    assert manage(database, "migrate", "-v0").wait(timeout=240) == 0
    write_rows(tmp_path / "first.csv", 0, 5)
    first = manage(database, "import_actions", str(tmp_path / "first.csv"), "--source", "s", "--confirm")
    assert first.wait(timeout=120) == 0, first.stderr.read()
    before = counts(database)
    assert before["actions_action"] == 5

    write_rows(tmp_path / "big.csv", 5, 400)
    big = manage(database, "import_actions", str(tmp_path / "big.csv"), "--source", "s", "--confirm",
                 "--progress", "--row-delay", "0.02", "--chunk", "50")
    for line in big.stdout:
        if line.startswith("written 100/"):
            break
    else:
        pytest.fail("the import never reported its progress: " + big.stderr.read())
    big.send_signal(signal.SIGKILL)
    big.wait(timeout=30)
    assert big.returncode == -signal.SIGKILL
    assert counts(database) == before
