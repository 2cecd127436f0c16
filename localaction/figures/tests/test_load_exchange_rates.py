"""manage.py load_exchange_rates: loads a rates file, again and again without duplicates, or nothing at all."""
import csv
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from localaction.figures.models import ExchangeRate
from localaction.figures.rates import DEFAULT_FILE

pytestmark = pytest.mark.django_db


def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["currency", "date", "usd_per_unit", "source"])
        writer.writerows(rows)
    return path


def test_loading_a_file_twice_creates_then_updates_without_duplicates(tmp_path, capsys):
    ExchangeRate.objects.all().delete()
    path = write(tmp_path / "rates.csv", [["EUR", "2024-01-01", "1.2", "Test"], ["cad", "2024-01-01", "0.75", "Test"]])

    call_command("load_exchange_rates", str(path))
    assert "2 created, 0 updated, 0 unchanged" in capsys.readouterr().out

    write(path, [["EUR", "2024-01-01", "1.25", "Corrected"], ["CAD", "2024-01-01", "0.75", "Test"]])
    call_command("load_exchange_rates", str(path))
    assert "0 created, 1 updated, 1 unchanged" in capsys.readouterr().out

    assert ExchangeRate.objects.count() == 2
    euro = ExchangeRate.objects.get(currency="EUR")
    assert (euro.usd_per_unit, euro.source) == (Decimal("1.25"), "Corrected")


@pytest.mark.parametrize(
    "row, message",
    [
        (["EURO", "2024-01-01", "1.2", "Test"], "not a three-letter currency code"),
        (["EUR", "1 January 2024", "1.2", "Test"], "not a date"),
        (["EUR", "2024-01-01", "-1", "Test"], "positive"),
        (["EUR", "2024-01-01", "abc", "Test"], "not a number"),
        (["EUR", "2024-01-01", "1.2", ""], "needs its source"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_loaded(tmp_path, row, message):
    ExchangeRate.objects.all().delete()
    path = write(tmp_path / "rates.csv", [["GBP", "2024-01-01", "1.3", "Test"], row])

    with pytest.raises(CommandError, match=message) as error:
        call_command("load_exchange_rates", str(path))

    assert "line 3" in str(error.value)
    assert not ExchangeRate.objects.exists()


def test_the_shipped_table_has_a_source_for_every_rate_and_reloads_unchanged(capsys):
    with open(DEFAULT_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"EUR", "CAD", "MXN", "XOF", "MAD", "GBP", "CHF", "BRL", "ARS", "COP"} <= {row["currency"] for row in rows}
    assert all(row["source"].strip() for row in rows)

    call_command("load_exchange_rates")

    assert f"0 created, 0 updated, {len(rows)} unchanged" in capsys.readouterr().out
