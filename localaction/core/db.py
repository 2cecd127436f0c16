"""Database set-up and copies: the embedded SQLite connection options, and backup/restore for both engines.

`SQLITE_OPTIONS` is read by the settings module, so it imports nothing from Django at module level.
"""
import hashlib
import os
import shutil
import sqlite3
# pg_dump and pg_restore run with an argument list, never through a shell.
import subprocess  # nosec B404
import tempfile
from pathlib import Path

# WAL lets readers work while a writer commits; IMMEDIATE takes the write lock when a transaction starts, so two
# read-then-write transactions queue instead of failing on the lock upgrade ("database is locked"); the busy
# timeout (seconds) is how long a writer waits for the lock: long enough for a report build's commit, short enough
# that a wedged process is noticed.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


class BackupError(Exception):
    """A copy that cannot be made or restored; the message says why in terms an operator can act on."""


def engine_of(settings_dict):
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"backups support SQLite and PostgreSQL, not {engine}")


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sidecar(path):
    return Path(f"{path}.sha256")


def write_atomically(path, produce):
    """Call produce(temporary_path), then move the result to `path` with its SHA-256 sidecar (sha256sum format):
    a crash part-way never leaves a file that looks like a complete backup."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    os.close(handle)
    try:
        produce(Path(temporary))
        with open(temporary, "rb") as stream:
            os.fsync(stream.fileno())
        digest = sha256_of(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    sidecar(path).write_text(f"{digest}  {path.name}\n")
    return digest


def verify(path):
    """Refuse a backup whose checksum does not match its sidecar (a truncated copy, a bad transfer)."""
    expected_file = sidecar(path)
    if not expected_file.exists():
        raise BackupError(f"{expected_file} is missing: cannot check that {path} is complete")
    expected = expected_file.read_text().split()[0]
    if sha256_of(path) != expected:
        raise BackupError(f"{path} does not match its checksum in {expected_file}: the copy is damaged")


# ---------------------------------------------------------------------------------------------------------- SQLite
def sqlite_backup(connection, destination):
    """Copy the live database page by page with SQLite's online backup API (writers keep working), into a file in
    rollback-journal mode so the copy is one self-contained file."""
    connection.ensure_connection()
    target = sqlite3.connect(destination)
    try:
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def sqlite_restore(source, connection=None, into=None):
    """Copy a backup over the live database (through Django's connection, so its lock and busy timeout apply),
    or into another file (`into`) for a restore drill."""
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if into is not None:
            target = sqlite3.connect(into)
            try:
                origin.backup(target)
            finally:
                target.close()
            return
        connection.close()
        connection.ensure_connection()
        origin.backup(connection.connection)
    finally:
        origin.close()


# ------------------------------------------------------------------------------------------------------ PostgreSQL
def _pg_program(name):
    program = shutil.which(name)
    if program is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return program


def _pg_arguments(settings_dict, database=None):
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments.append(f"{option}={settings_dict[key]}")
    arguments.append(f"--dbname={database or settings_dict['NAME']}")
    return arguments


def _pg_environment(settings_dict):
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return environment


def _run(command, settings_dict):
    # A fixed program found on PATH, arguments from the settings, no shell.
    result = subprocess.run(  # nosec B603
        command, env=_pg_environment(settings_dict), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def pg_backup(settings_dict, destination):
    """pg_dump in its custom format (compressed, restorable table by table with pg_restore)."""
    command = [_pg_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={destination}"]
    _run(command + _pg_arguments(settings_dict), settings_dict)


def pg_restore(settings_dict, source, into=None):
    """Replace the database's contents with the dump, in one transaction: it all lands or nothing changes."""
    command = [_pg_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
               "--single-transaction", "--exit-on-error"]
    _run(command + _pg_arguments(settings_dict, database=into) + [str(source)], settings_dict)
