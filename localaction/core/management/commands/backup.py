"""`manage.py backup [--output PATH]`: a consistent copy of the database while the site keeps running.

SQLite is copied with its online backup API, PostgreSQL with `pg_dump --format=custom`. The copy is written to a
temporary file and renamed only when complete, next to a SHA-256 sidecar (`PATH.sha256`) that `restore` checks.
"""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from localaction.core import db

SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}


class Command(BaseCommand):
    # A backup must be possible even while a setting fails its check (during an incident, say).
    requires_system_checks = []
    help = "Write a consistent backup of the database (SQLite online backup or pg_dump) with a SHA-256 sidecar."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="File to write (default: a dated file in LOCALACTION_BACKUP_DIR).")

    def handle(self, *args, output=None, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            engine = db.engine_of(connection.settings_dict)
            if output is None:
                stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
                output = Path(settings.LOCALACTION_BACKUP_DIR) / f"localaction-{stamp}{SUFFIXES[engine]}"
            if engine == "sqlite":
                digest = db.write_atomically(output, lambda temporary: db.sqlite_backup(connection, temporary))
            else:
                digest = db.write_atomically(output, lambda temporary: db.pg_backup(connection.settings_dict, temporary))
        except db.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup written: {output} (sha256 {digest})")
