"""Converting to US dollars at the rate of the right date, and saying so when there is no rate."""
import datetime
from decimal import Decimal

import pytest

from localaction.figures.services import to_usd

pytestmark = pytest.mark.django_db
D = datetime.date


def test_it_uses_the_rate_of_the_latest_date_on_or_before_the_day(test_rates):
    assert to_usd(Decimal("100"), "EUR", D(2023, 12, 31)).usd == Decimal("110.00")
    assert to_usd(Decimal("100"), "EUR", D(2024, 1, 1)).usd == Decimal("120.00")
    assert to_usd(Decimal("100"), "EUR", D(2030, 7, 1)).usd == Decimal("120.00")
    assert to_usd(Decimal("100"), "EUR", D(2024, 1, 1)).rate.date == D(2024, 1, 1)


def test_before_the_first_stored_date_it_uses_the_earliest_rate(test_rates):
    conversion = to_usd(Decimal("100"), "EUR", D(2019, 5, 1))

    assert conversion.usd == Decimal("110.00")
    assert conversion.rate.date == D(2023, 1, 1)


def test_a_currency_without_a_rate_is_not_guessed(test_rates):
    conversion = to_usd(Decimal("100"), "COP", D(2024, 1, 1))

    assert conversion.usd is None
    assert not conversion.converted
    assert conversion.reason == "No exchange rate is stored for COP."


def test_dollars_stay_dollars_and_codes_are_read_in_any_case(test_rates):
    assert to_usd(Decimal("12.345"), "USD", D(2024, 1, 1)).usd == Decimal("12.34")
    assert to_usd(Decimal("10"), " eur ", D(2024, 6, 1)).usd == Decimal("12.00")


def test_amounts_are_rounded_to_the_cent(test_rates):
    assert to_usd(Decimal("0.01"), "CAD", D(2024, 6, 1)).usd == Decimal("0.01")  # 0.0075 → half-even → 0.01
    assert to_usd(Decimal("333.33"), "CAD", D(2024, 6, 1)).usd == Decimal("250.00")  # 249.9975


def test_the_shipped_rates_are_loaded_by_the_migration(db):
    # The ECB-derived average of 2024 (1 EUR ≈ 1.0824 USD) and the CFA franc peg to the euro.
    euro = to_usd(Decimal("1000"), "EUR", D(2024, 8, 1))
    franc = to_usd(Decimal("655957"), "XOF", D(2024, 8, 1))

    assert Decimal("1080") < euro.usd < Decimal("1085")
    assert "ECB" in euro.rate.source
    assert abs(franc.usd - euro.usd) < Decimal("1")  # 655,957 XOF are 1,000 euros
