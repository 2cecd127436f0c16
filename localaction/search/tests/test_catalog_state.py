"""Reading the catalog version: through the default connection, or, on a SQLite file, through a read-only
connection that the thread keeps (the settings open a new SQLite connection per request)."""
import sqlite3
from datetime import datetime, timezone

import pytest

from localaction.search import facets, index

pytestmark = pytest.mark.django_db


def make_state_file(path, generation, version):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE search_searchstate (id integer primary key, generation text, version integer, "
                   "changed_at text)")
        db.execute("INSERT INTO search_searchstate VALUES (1, ?, ?, '2026-11-29 09:00:00.250000')", (generation, version))


def test_the_version_is_read_through_the_default_connection():
    assert facets.read_state() == ("", 0, None)
    version = index.bump()

    state = facets.read_state()
    assert state.version == version and len(state.generation) == 32 and state.changed_at.tzinfo is not None


def test_on_a_sqlite_file_the_version_is_read_through_a_kept_connection(tmp_path, monkeypatch):
    path = tmp_path / "catalog.sqlite3"
    make_state_file(path, "first", 7)
    monkeypatch.setattr(facets, "_sqlite_file", lambda: str(path))

    assert facets.read_state() == ("first", 7, datetime(2026, 11, 29, 9, 0, 0, 250000, tzinfo=timezone.utc))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE search_searchstate SET version = 8")
    assert facets.read_state().version == 8  # another process's commit is seen at once

    path.unlink()
    make_state_file(path, "second", 1)  # the database file was replaced (a rebuilt demo)
    assert facets.read_state()[:2] == ("second", 1)
