"""manage.py load_exchange_rates [FILE]: load (or reload) exchange rates from a CSV file."""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from localaction.figures.models import ExchangeRate
from localaction.figures.rates import DEFAULT_FILE, RateFileError, load_rates


class Command(BaseCommand):
    help = (
        "Load exchange rates (currency, date, usd_per_unit, source) from a CSV file; by default the table shipped "
        "in localaction/figures/data/. Safe to run again: existing rates are updated, none is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE), help="CSV file to load.")

    def handle(self, *args, file, **options):
        try:
            # All or nothing: a bad line leaves the table as it was.
            with transaction.atomic():
                created, updated, unchanged = load_rates(ExchangeRate, file)
        except (OSError, RateFileError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Exchange rates: {created} created, {updated} updated, {unchanged} unchanged.")
