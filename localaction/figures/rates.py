"""Loads exchange rates from a CSV file (columns currency, date, usd_per_unit, source) into ExchangeRate.

Used by the data migration (with the historical app registry) and by `manage.py load_exchange_rates`.
Idempotent: rows are matched on (currency, date) and updated in place, so a corrected file can be loaded again.
Rates that are in the database but not in the file are left alone: staff may have added them in the admin.
"""
import csv
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "exchange_rates.csv"
COLUMNS = ("currency", "date", "usd_per_unit", "source")
CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")


class RateFileError(ValueError):
    """A row of the rates file cannot be used; the message names the line."""


def read_rates(path=DEFAULT_FILE):
    """The rows of a rates file as dicts with parsed values; raises RateFileError on the first bad row."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise RateFileError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        rows = []
        for line, row in enumerate(reader, start=2):
            currency = (row["currency"] or "").strip().upper()
            source = (row["source"] or "").strip()
            if not CURRENCY_CODE.match(currency):
                raise RateFileError(f"line {line}: {row['currency']!r} is not a three-letter currency code")
            try:
                day = date.fromisoformat((row["date"] or "").strip())
            except ValueError:
                raise RateFileError(f"line {line}: {row['date']!r} is not a date (YYYY-MM-DD)") from None
            try:
                rate = Decimal((row["usd_per_unit"] or "").strip())
            except InvalidOperation:
                raise RateFileError(f"line {line}: {row['usd_per_unit']!r} is not a number") from None
            if not rate.is_finite() or rate <= 0:
                raise RateFileError(f"line {line}: the rate must be a positive number")
            if not source:
                raise RateFileError(f"line {line}: every rate needs its source")
            rows.append({"currency": currency, "date": day, "usd_per_unit": rate, "source": source[:300]})
    return rows


def load_rates(model, path=DEFAULT_FILE):
    """Create or update one `model` (ExchangeRate) row per line of the file. Returns (created, updated,
    unchanged) counts. The whole file is read and checked before anything is written."""
    rows = read_rates(path)
    existing = {(r.currency, r.date): r for r in model.objects.filter(currency__in={row["currency"] for row in rows})}
    created = updated = unchanged = 0
    for row in rows:
        current = existing.get((row["currency"], row["date"]))
        if current is None:
            model.objects.create(**row)
            created += 1
        elif current.usd_per_unit != row["usd_per_unit"] or current.source != row["source"]:
            current.usd_per_unit, current.source = row["usd_per_unit"], row["source"]
            current.save(update_fields=["usd_per_unit", "source"])
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged
