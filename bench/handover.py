"""Time to freeze a campaign of N actions and to build its handover packages (ZIP: PDF compendium, XLSX, JSON,
manifest), for the UN Network on Migration and for UNHCR, in-process, as `manage.py runjobs` would. The issue's
bound: a package of 1,000 actions in 2 minutes or less on 2 cores.

The database named by DATABASE_URL (default sqlite:////tmp/handover.sqlite3) is built first when it holds no demo
data (migrate, then `seed_demo --actions N`). Each run adds a fresh campaign at which every published action was
announced, freezes it, builds both packages, then builds the first one again to check that the spreadsheet and
the JSON come out byte-identical. Files go to a temporary MEDIA_ROOT, removed at the end.

Usage:
    .venv/bin/python bench/handover.py [--actions 1000] [--language en]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/localaction_bench .venv/bin/python bench/handover.py
"""
import argparse
import hashlib
import io
import json
import logging
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "sqlite:////tmp/handover.sqlite3"


def setup(media_root):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    os.environ["MEDIA_ROOT"] = str(media_root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")
    import django

    django.setup()
    # WeasyPrint logs each layout step at INFO; the figures are what this script prints.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)


def ensure_data(actions):
    from django.core.management import call_command

    from localaction.governments.models import Government

    call_command("migrate", verbosity=0, interactive=False)
    if not Government.objects.filter(is_demo=True).exists():
        started = time.perf_counter()
        call_command("seed_demo", actions=actions, stdout=io.StringIO())
        print(f"seed_demo --actions {actions}: {time.perf_counter() - started:.1f} s")


def bench_campaign():
    """A new campaign at which every published action was announced (written in bulk: set-up, not measured)."""
    from django.utils import timezone

    from localaction.actions.models import Action
    from localaction.campaigns.models import Campaign

    today = timezone.localdate()
    number = Campaign.objects.filter(slug__startswith="bench-handover-").count() + 1
    campaign = Campaign.objects.create(
        slug=f"bench-handover-{number}", name_en=f"Handover benchmark {number}", forum=Campaign.Forum.IMRF,
        forum_date=today, opens_on=today, closes_on=today,
    )
    through = Action.announced_at.through
    ids = Action.objects.published().values_list("pk", flat=True)
    through.objects.bulk_create([through(action_id=pk, campaign_id=campaign.pk) for pk in ids], batch_size=2000)
    return campaign


def reviewer():
    from django.contrib.auth.models import Group

    from localaction.accounts.models import Roles, User

    user, _created = User.objects.get_or_create(
        email="bench-reviewer@localaction.test", defaults={"full_name": "Bench"}
    )
    user.groups.add(Group.objects.get(name=Roles.REVIEWER))
    return user


def build(campaign, recipient, by, language):
    from localaction.campaigns import services
    from localaction.jobs.services import run_due
    from localaction.reports.models import GeneratedFile

    requested = services.request_handover(campaign, recipient, by, language=language)
    started = time.perf_counter()
    run_due()
    elapsed = time.perf_counter() - started
    generated = GeneratedFile.objects.get(pk=requested.pk)
    if generated.status != GeneratedFile.Status.READY:
        raise SystemExit(f"{recipient}: {generated.status}: {generated.message}")
    with generated.file.open("rb") as handle:
        data = handle.read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    return elapsed, generated, members


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1000, help="published actions to seed in a new database")
    parser.add_argument("--language", default="en", choices=["en", "fr", "es"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handover-bench-") as media_root:
        setup(media_root)
        from django.db import connection

        from localaction.campaigns import services

        ensure_data(args.actions)
        campaign = bench_campaign()
        by = reviewer()
        print(f"database: {connection.vendor} ({os.environ['DATABASE_URL']}), cpus: {os.cpu_count()}")

        started = time.perf_counter()
        snapshot, _created = services.freeze(campaign, by=by)
        print(f"freeze: {snapshot.action_count:,} actions in {time.perf_counter() - started:.1f} s")

        first = None
        for recipient in ("un_network", "unhcr"):
            elapsed, generated, members = build(campaign, recipient, by, args.language)
            sizes = ", ".join(f"{name} {len(data) / 1024:,.0f} KiB" for name, data in sorted(members.items()))
            manifest = json.loads(members["manifest.json"])
            print(f"package {recipient}: {manifest['records']:,} records in {elapsed:.1f} s; "
                  f"zip {generated.size / 1024:,.0f} KiB ({sizes})")
            first = first or (recipient, members)

        recipient, members = first
        elapsed, _generated, again = build(campaign, recipient, by, args.language)
        digests = [{name: hashlib.sha256(data).hexdigest() for name, data in files.items()} for files in (members, again)]
        same = sorted(name for name in digests[0] if digests[0][name] == digests[1].get(name))
        differ = ", ".join(sorted(set(members) - set(same))) or "none"
        print(f"rebuild {recipient}: {elapsed:.1f} s; byte-identical: {', '.join(same)}; different: {differ}")


if __name__ == "__main__":
    main()
