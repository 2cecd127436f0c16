"""The embedded SQLite set-up lets concurrent writers queue instead of failing with "database is locked".

Run on a real file (the test database is in memory), through Django connections made with the very options the
settings give SQLite (`localaction.core.db.SQLITE_OPTIONS`), whatever DATABASE_URL the suite runs on.
"""
import threading

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.utils import ConnectionHandler

from localaction.core.db import SQLITE_OPTIONS

ALIAS = "concurrency_check"
WRITERS = 8
WRITES_EACH = 15


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A SQLite file reachable as connections[ALIAS], one connection per thread, as in a threaded server."""
    # A throw-away handler fills in Django's defaults for the connection settings.
    configured = ConnectionHandler({"default": {}, ALIAS: {
        "ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "concurrency.sqlite3"),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }}).settings[ALIAS]
    connections.settings[ALIAS] = configured
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (n INTEGER PRIMARY KEY, writer INTEGER)")
        yield connections[ALIAS]
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def write_in_turn(writer, errors):
    """Read the highest number and write the next one in one transaction: the read-then-write shape of our
    services, which fails at once on a lock upgrade unless the transaction took the write lock when it began."""
    try:
        for _ in range(WRITES_EACH):
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT COALESCE(MAX(n), 0) FROM counter")
                (highest,) = cursor.fetchone()
                cursor.execute("INSERT INTO counter (n, writer) VALUES (%s, %s)", [highest + 1, writer])
    except Exception as error:  # noqa: BLE001 — reported by the test
        errors.append(repr(error))
    finally:
        connections[ALIAS].close()


def test_the_settings_give_sqlite_these_options():
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        assert settings.DATABASES["default"]["OPTIONS"] == SQLITE_OPTIONS


def test_connections_use_wal_and_a_long_busy_timeout(file_database):
    with file_database.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 20_000


def test_concurrent_writers_all_land_without_database_is_locked(file_database):
    errors = []
    threads = [threading.Thread(target=write_in_turn, args=(writer, errors)) for writer in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    with file_database.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), MIN(n), MAX(n) FROM counter")
        assert cursor.fetchone() == (WRITERS * WRITES_EACH, 1, WRITERS * WRITES_EACH)
