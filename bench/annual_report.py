"""Times the PDFs of reports: the annual report of a period (the whole build, as the job does it) and the handover
compendium for N entries (reports.pdf.render_compendium, which the handover package calls). Prints the time,
the number of pages and the size of each PDF.

    bench/generate.sh 1000 sqlite:////tmp/report.sqlite3
    DATABASE_URL=sqlite:////tmp/report.sqlite3 .venv/bin/python bench/annual_report.py
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/annual_report.py --read-only

By default the period runs from the first to the last publication in the database, so every published action is
the period's, and the edition (with --highlights actions) is created, built by the job as a reviewer would ask
for it, then everything is rolled back. --read-only writes nothing: the edition is not saved (no highlighted
actions) and the PDF is rendered straight to a temporary folder. Targets (2 cores): annual report ≤ 3 minutes
for 1,000+ actions, compendium of 1,000 entries well within the handover package's 2 minutes.
"""
import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")
MEDIA = tempfile.mkdtemp(prefix="bench-report-media-")
os.environ["MEDIA_ROOT"] = MEDIA
atexit.register(shutil.rmtree, MEDIA, ignore_errors=True)


class Rollback(Exception):
    """Raised at the end of a writing run, so the transaction leaves the database as it was."""


def pdf_facts(path):
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages), Path(path).stat().st_size


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def refuse_writes(execute, sql, params, many, context):
    """A database wrapper that stops the run at the first statement that would change the database."""
    if sql.lstrip().upper().startswith(WRITES):
        raise SystemExit(f"--read-only: refused to run {sql[:80]}")
    return execute(sql, params, many, context)


def keep(args, path, name):
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, args.keep / f"{name}-{args.language}.pdf")


def annual_report(args, reviewer):
    from django.db import transaction
    from django.db.models import Max, Min

    from localaction.actions.models import Action
    from localaction.jobs.services import run_due
    from localaction.reports import services
    from localaction.reports.annual import period_actions, render_annual_report
    from localaction.reports.models import AnnualReport, GeneratedFile

    bounds = Action.objects.published().aggregate(first=Min("published_at"), last=Max("published_at"))
    start = args.start or bounds["first"].date()
    end = args.end or bounds["last"].date()
    edition = AnnualReport(period_start=start, period_end=end, intro_en="Benchmark edition. " * 40,
                           intro_fr="Édition de mesure. " * 40, intro_es="Edición de prueba. " * 40)
    count = period_actions(edition).count()
    print(f"annual report: period {start} – {end}, {count:,} actions, language {args.language}")
    if args.read_only:
        from django.utils import timezone

        edition.created_at = edition.updated_at = timezone.now()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "report.pdf"
            started = time.monotonic()
            render_annual_report(edition, args.language, path)
            elapsed = time.monotonic() - started
            pages, size = pdf_facts(path)
            keep(args, path, "annual-report")
    else:
        try:
            with transaction.atomic():
                edition.save()
                edition.highlighted_actions.set(Action.objects.published().order_by("-published_at")[:args.highlights])
                started = time.monotonic()
                generated = services.request_annual_report(edition, args.language, reviewer)
                run_due()
                elapsed = time.monotonic() - started
                generated.refresh_from_db()
                if generated.status != GeneratedFile.Status.READY:
                    raise SystemExit(f"the build failed: {generated.message}")
                pages, size = pdf_facts(generated.file.path)
                keep(args, generated.file.path, "annual-report")
                raise Rollback
        except Rollback:
            pass
    print(f"annual report: {elapsed:.1f} s, {pages:,} pages, {size / 1e6:.2f} MB")


def compendium(args):
    from localaction.actions.models import Action
    from localaction.reports.entries import action_entry
    from localaction.reports.pdf import render_compendium

    actions = (
        Action.objects.published().select_related("government__country", "campaign")
        .prefetch_related("gcm_objectives", "gcr_objectives", "gcr_areas", "sdgs").order_by("pk")[:args.entries]
    )
    entries = [action_entry(action) for action in actions]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "compendium.pdf"
        started = time.monotonic()
        render_compendium(entries, args.language, path, title="Benchmark compendium", subtitle="bench/annual_report.py")
        elapsed = time.monotonic() - started
        pages, size = pdf_facts(path)
        keep(args, path, "compendium")
    print(f"compendium: {len(entries):,} entries, {elapsed:.1f} s, {pages:,} pages, {size / 1e6:.2f} MB")


def main():
    from datetime import date

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="en", choices=["en", "fr", "es"])
    parser.add_argument("--start", type=date.fromisoformat, help="first day of the period (default: first publication)")
    parser.add_argument("--end", type=date.fromisoformat, help="last day of the period (default: last publication)")
    parser.add_argument("--highlights", type=int, default=10, help="highlighted actions (default 10)")
    parser.add_argument("--entries", type=int, default=1000, help="compendium entries (default 1,000)")
    parser.add_argument("--read-only", action="store_true", help="write nothing to the database")
    parser.add_argument("--skip-compendium", action="store_true")
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument("--keep", type=Path, help="copy the PDFs into this folder")
    args = parser.parse_args()

    import django

    django.setup()
    if args.read_only:
        from django.db import connection

        connection.execute_wrappers.append(refuse_writes)
    from localaction.accounts.models import User

    reviewer = User.objects.filter(is_superuser=True).first() or User.objects.filter(groups__name="reviewers").first()
    if not args.read_only and reviewer is None:
        raise SystemExit("no reviewer or superuser in this database (seed it with seed_demo)")
    print(f"database: {django.db.connection.settings_dict['NAME']}, {os.cpu_count()} cores")
    if not args.skip_report:
        annual_report(args, reviewer)
    if not args.skip_compendium:
        compendium(args)


if __name__ == "__main__":
    main()
