"""Time to check (dry run) and import a spreadsheet of N actions (default 10,000), as CSV and as XLSX, on a fresh
SQLite database created by migrate. The issue's bound: 10,000 rows imported in 60 s or less on 2 cores.

The rows look like real ones: headers in French, objectives written "Obj. 7 / 16", dates "31/12/2025",
amounts "1 234,50", a few hundred governments (half of them existing, the others created by the import), target
groups by name. Each format is imported under its own source, so each import creates N actions. A re-import of
the CSV (every row unchanged) is timed too.

Usage:
    .venv/bin/python bench/import_actions.py [--rows 10000] [--database /tmp/import_bench.sqlite3]
"""
import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ["Référence", "Ville", "Pays", "Nature", "Titre", "Résumé", "Objectifs PMM", "ODD", "Groupes cibles",
           "Date de début", "Date de fin", "Budget", "Langue"]
COUNTRIES = ["France", "Sénégal", "Colombia", "KE", "Maroc", "México", "DE", "Italie"]


def setup(database):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate (fresh database): {time.perf_counter() - started:.1f} s")


def rows(count):
    for number in range(count):
        pledge = number % 3 == 0
        yield [
            f"bench-{number}", f"Ville {number % 400}", COUNTRIES[number % 400 % len(COUNTRIES)],
            "Engagement" if pledge else "Pratique", f"Action numéro {number}",
            "Un résumé de quelques phrases, comme dans les vrais fichiers.",
            f"Obj. {number % 23 + 1} / {(number * 7) % 23 + 1}", f"ODD {number % 17 + 1}", "Migrants ; Réfugiés",
            "01/03/2024", "31/12/2026" if pledge else "", "1 234,50", "fr",
        ]


def write_files(folder, count):
    from openpyxl import Workbook

    csv_path, xlsx_path = folder / "bench.csv", folder / "bench.xlsx"
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(rows(count))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actions")
    sheet.append(HEADERS)
    for row in rows(count):
        sheet.append(row)
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def existing_governments():
    """Half of the governments the file names exist already (matched, not created)."""
    from localaction.governments.models import Government
    from localaction.imports.normalise import Lookups

    lookups = Lookups()
    Government.objects.bulk_create([
        Government(name=f"Ville {n}", slug=f"ville-{n}", country_id=lookups.country(COUNTRIES[n % len(COUNTRIES)]))
        for n in range(0, 400, 2)
    ])


def timed(label, function):
    started = time.perf_counter()
    result = function()
    print(f"{label}: {time.perf_counter() - started:.1f} s")
    return result


def bench(path, source):
    from localaction.imports import services
    from localaction.imports.fields import guess_mapping
    from localaction.imports.reading import read_rows

    with open(path, "rb") as handle:
        headers, _rows = read_rows(handle)
        plan = timed(f"  dry run ({path.suffix[1:]})", lambda: services.check(handle, guess_mapping(headers), source, "fr"))
    print(f"  counts: {plan.counts}")
    counts = timed(f"  import ({path.suffix[1:]}, after its dry run)", lambda: services.apply(plan, None, source))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", default="/tmp/import_bench.sqlite3")
    options = parser.parse_args()
    Path(options.database).unlink(missing_ok=True)
    setup(options.database)
    existing_governments()
    with tempfile.TemporaryDirectory() as folder:
        csv_path, xlsx_path = timed(f"writing {options.rows} rows as CSV and XLSX", lambda: write_files(Path(folder), options.rows))
        for path, source in ((csv_path, "bench-csv"), (xlsx_path, "bench-xlsx")):
            print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB):")
            started = time.perf_counter()
            bench(path, source)
            print(f"  total, dry run + import: {time.perf_counter() - started:.1f} s")
        print("re-import of the CSV (every row unchanged):")
        bench(csv_path, "bench-csv")
    from localaction.actions.models import Action

    print(f"actions in the database: {Action.objects.count()}")


if __name__ == "__main__":
    main()
