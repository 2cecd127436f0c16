"""`manage.py export_archive [--output DIR]`: write a complete snapshot of all published data (CSV + JSON of every
resource, datapackage.json, README, SHA256SUMS) as a zip; see localaction/opendata/archive.py."""
from django.core.management.base import BaseCommand, CommandError

from localaction.opendata import archive


class Command(BaseCommand):
    help = "Write an archive of all published data (a zip with CSV, JSON, datapackage.json, README and SHA256SUMS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Folder to write the archive into (default: settings.LOCALACTION_ARCHIVE_DIR)."
        )
        parser.add_argument(
            "--keep", type=int, default=archive.KEEP, help="How many archives to keep in that folder (default: %(default)s)."
        )

    def handle(self, *args, output=None, keep=archive.KEEP, **options):
        if keep < 1:
            raise CommandError("--keep must be at least 1.")
        written, created = archive.build(output, keep=keep)
        state = "written" if created else "unchanged since the last archive, kept"
        self.stdout.write(f"{written.path} ({state}; {written.size} bytes)")
        self.stdout.write(f"sha256 {written.sha256}")
