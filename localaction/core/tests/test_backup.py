"""`manage.py backup` and `restore`: a round trip gives back the data as it was when the backup was taken.

On PostgreSQL the restore goes into a scratch database created and dropped here, never the test database in use.
"""
import hashlib
import shutil
import sqlite3
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from localaction.factories import GovernmentFactory
from localaction.governments.models import Government

# pg_dump sees only committed rows; the serialized rollback puts the reference data back after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def test_it_writes_the_backup_with_its_checksum(tmp_path):
    output = tmp_path / "copies" / "backup.bin"
    call_command("backup", "--output", str(output))

    digest, name = (tmp_path / "copies" / "backup.bin.sha256").read_text().split()
    assert name == "backup.bin"
    assert len(digest) == 64
    assert digest == hashlib.sha256(output.read_bytes()).hexdigest()
    # Nothing half-written is left beside it.
    assert sorted(p.name for p in (tmp_path / "copies").iterdir()) == ["backup.bin", "backup.bin.sha256"]


def test_restore_refuses_without_confirmation_and_a_damaged_copy(tmp_path):
    output = tmp_path / "backup.bin"
    call_command("backup", "--output", str(output))
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(output))

    with open(output, "ab") as damaged:
        damaged.write(b"x")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(output), "--yes")


@on_sqlite
def test_sqlite_round_trip_brings_back_the_data_of_the_backup(tmp_path):
    GovernmentFactory(name="Kept", slug="kept")
    output = tmp_path / "backup.sqlite3"
    call_command("backup", "--output", str(output))
    GovernmentFactory(name="Added after", slug="added-after")
    Government.objects.filter(slug="kept").update(name="Changed after")

    call_command("restore", str(output), "--yes")

    assert dict(Government.objects.values_list("slug", "name")) == {"kept": "Kept"}


@on_sqlite
def test_the_sqlite_backup_is_one_self_contained_file(tmp_path):
    GovernmentFactory(name="Kept", slug="kept")
    output = tmp_path / "backup.sqlite3"
    call_command("backup", "--output", str(output))

    copy = sqlite3.connect(output)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT name FROM governments_government").fetchall() == [("Kept",)]
    copy.close()


@on_sqlite
def test_a_restore_drill_into_another_sqlite_file_leaves_the_database_alone(tmp_path):
    GovernmentFactory(name="Kept", slug="kept")
    output = tmp_path / "backup.sqlite3"
    call_command("backup", "--output", str(output))
    GovernmentFactory(name="Still here", slug="still-here")

    call_command("restore", str(output), "--into", str(tmp_path / "drill.sqlite3"))

    drill = sqlite3.connect(tmp_path / "drill.sqlite3")
    assert drill.execute("SELECT slug FROM governments_government").fetchall() == [("kept",)]
    drill.close()
    assert Government.objects.count() == 2


@pytest.fixture
def scratch_database():
    """An empty PostgreSQL database beside the test database, dropped afterwards."""
    name = f"la_restore_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@on_postgresql
@pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="needs pg_dump")
def test_postgresql_round_trip_into_a_scratch_database(tmp_path, scratch_database):
    import psycopg

    GovernmentFactory(name="Kept", slug="kept")
    output = tmp_path / "backup.dump"
    call_command("backup", "--output", str(output))
    GovernmentFactory(name="Added after", slug="added-after")

    call_command("restore", str(output), "--yes", "--into", scratch_database)
    # Restoring twice replaces rather than duplicates (--clean).
    call_command("restore", str(output), "--yes", "--into", scratch_database)

    params = {k: v for k, v in connection.get_connection_params().items() if k in {"host", "port", "user", "password"}}
    with psycopg.connect(dbname=scratch_database, **params) as restored:
        rows = restored.execute("SELECT slug, name FROM governments_government").fetchall()
        migrations = restored.execute("SELECT COUNT(*) FROM django_migrations").fetchone()[0]
    assert rows == [("kept", "Kept")]
    assert migrations > 0
