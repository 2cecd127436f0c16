"""`manage.py restore PATH --yes`: replace the database's contents with a backup made by `manage.py backup`.

The backup's checksum is checked first. `--into` restores somewhere else instead (another SQLite file, another
PostgreSQL database that must exist), which is how a restore drill proves a backup without touching the site.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from localaction.core import db


class Command(BaseCommand):
    # A restore must be possible even while a setting fails its check (during an incident, say).
    requires_system_checks = []
    help = "Restore the database from a backup written by `manage.py backup` (replaces all current data)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file (its .sha256 sidecar must be next to it).")
        parser.add_argument("--yes", action="store_true", help="Confirm that the current data is to be replaced.")
        parser.add_argument(
            "--into", help="Restore into this SQLite file or PostgreSQL database instead of the configured one."
        )

    def handle(self, *args, path, yes=False, into=None, **options):
        if not yes and into is None:
            raise CommandError("restore replaces every row of the database: run it again with --yes to confirm")
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            engine = db.engine_of(connection.settings_dict)
            db.verify(path)
            if engine == "sqlite":
                db.sqlite_restore(path, connection=connection, into=into)
            else:
                db.pg_restore(connection.settings_dict, path, into=into)
        except db.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {path} into {into or 'the database'}")
