"""manage.py import_actions FILE: check a spreadsheet of actions (dry run, the default) or import it (--confirm).

The report lists every row with an error as "row N, column: reason"; the exit status is 1 when the file was not
imported because of them. --exclude-bad-rows imports the good rows of a file with bad ones.
"""
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from localaction.imports import services
from localaction.imports.fields import guess_mapping
from localaction.imports.models import ColumnMapping
from localaction.imports.reading import UnreadableFile, read_rows


class Command(BaseCommand):
    help = "Check (dry run) or import (--confirm) a spreadsheet of actions, XLSX or CSV, one row per action."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", help="Where the rows come from (default: the file name without extension).")
        parser.add_argument("--mapping", help="Name of a saved column mapping (default: guessed from the headers).")
        parser.add_argument("--language", default="en", choices=["en", "fr", "es"],
                            help="Original language of rows that do not say theirs.")
        parser.add_argument("--user", help="E-mail address of the reviewer the import is recorded for.")
        parser.add_argument("--confirm", action="store_true", help="Import (without it: dry run only).")
        parser.add_argument("--exclude-bad-rows", action="store_true", help="Import the good rows of a file with bad ones.")
        parser.add_argument("--progress", action="store_true", help="Print a line after each batch of rows written.")
        # For the test that kills an import half-way: seconds to wait after each row written.
        parser.add_argument("--chunk", type=int, default=services.CHUNK, help="Rows written per batch of queries.")
        parser.add_argument("--row-delay", type=float, default=0.0, help="(testing) seconds to wait per row written.")

    def handle(self, *args, **options):
        path = options["file"]
        source = options["source"] or path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(email__iexact=options["user"]).first()
            if user is None:
                raise CommandError(f"No user with the address {options['user']}.")
        try:
            with open(path, "rb") as handle:
                headers, _rows = read_rows(handle)
                mapping = self._mapping(options["mapping"], headers)
                plan = services.check(handle, mapping, source, options["language"])
        except (OSError, UnreadableFile, services.MappingError) as error:
            raise CommandError(str(error)) from error
        self._report(plan)
        if not options["confirm"]:
            return
        every = options["progress"]

        def progress(done, total):
            if every:
                self.stdout.write(f"written {done}/{total}")
                self.stdout.flush()

        try:
            counts = services.apply(plan, user, source, exclude_errors=options["exclude_bad_rows"], progress=progress,
                                    delay=options["row_delay"], chunk=options["chunk"])
        except services.ImportRefused as refused:
            self.stderr.write(str(refused))
            sys.exit(1)
        self.stdout.write(f"imported: {counts['create']} created, {counts['update']} updated, "
                          f"{counts['unchanged']} unchanged, {counts['error']} rows left out")

    def _mapping(self, name, headers):
        if not name:
            return guess_mapping(headers)
        saved = ColumnMapping.objects.filter(name=name).first()
        if saved is None:
            raise CommandError(f"No saved mapping called {name}.")
        return saved.mapping

    def _report(self, plan):
        for result in plan.results:
            for column, reason in result.errors:
                self.stdout.write(f"row {result.number}, {column}: {reason}")
        for name, country in plan.report()["new_governments"]:
            self.stdout.write(f"new government would be created: {name} ({country})")
        counts = plan.counts
        self.stdout.write(f"dry run: {counts['create']} to create, {counts['update']} to update, "
                          f"{counts['unchanged']} unchanged, {counts['error']} with errors")
