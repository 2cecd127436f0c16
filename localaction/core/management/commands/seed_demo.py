"""`manage.py seed_demo [--actions N]`: fills the database with demo content. DEMO ONLY.

Creates persona accounts (see PERSONAS; all share the password DEMO_PASSWORD), real local and regional
governments flagged is_demo, a few campaigns, N published actions (default 130) and a handful of drafts,
submissions and other unpublished actions. The actions are invented: see localaction/core/demo_data.py.

The work is done by core/demo_seeder.py (Seeder) and core/demo_workspace.py (WorkspaceSeeder), which also fills the workspace: endorsements of the Marrakech Mayors Declaration (most
verified, some waiting, one rejected), requests to register or join a government from a few extra accounts
(REQUESTERS), an invitation, a proposed change to a published action, a co-pledge invitation, revisions, activity
log entries and notifications. These are a fixed, small number of rows whatever N: revisions and history are
written for the first HISTORY_LIMIT published actions only (the public page shows no revision for the others).

- Safe: does nothing if any demo government exists; everything happens in one transaction.
- Deterministic: one random.Random(SEED) and fixed reference dates, so two runs on empty databases give the
  same rows (public ids included). Two values are random on purpose: the file names of the endorsement letters
  (the model's upload_to picks unguessable names) and the invitation's token hash (nobody may know its link).
- Fast: rows are written with bulk_create in batches, without per-action queries, so --actions 100000 is fine.
- Whatever N, the published actions cover all 23 GCM objectives and all GCR areas of focus.
"""
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from localaction.core.demo_data import DEMO_PASSWORD, PERSONAS, REQUESTERS
from localaction.core.demo_seeder import DEFAULT_ACTIONS, Seeder
from localaction.governments.models import Government

APP_SEEDERS = (
    "localaction.fund.demo.seed",
    "localaction.events.demo.seed",
    "localaction.contact.demo.seed",
    "localaction.resources.demo.seed",
    "localaction.sharing.demo.seed",
    "localaction.imports.demo.seed",
)


class Command(BaseCommand):
    help = "Fill an empty database with demo governments, personas, campaigns and actions (demo only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--actions", type=int, default=DEFAULT_ACTIONS,
            help=f"Number of published actions to create (default {DEFAULT_ACTIONS}).",
        )

    def handle(self, *args, **options):
        count = options["actions"]
        if count < 1:
            raise CommandError("--actions must be at least 1.")
        started = time.monotonic()
        with transaction.atomic():
            if Government.objects.filter(is_demo=True).exists():
                self.stdout.write("Demo data is already present (a government has is_demo=True); nothing to do.")
                return
            summary = Seeder(self.stdout.write, count).run()
            # Each app with demo content of its own seeds it once the governments, personas and actions exist.
            for seeder in APP_SEEDERS:
                import_string(seeder)(self.stdout.write)
        # Bulk inserts send no signals, so the search index is built once, after the data is in.
        call_command("rebuild_search_index", stdout=self.stdout)
        elapsed = time.monotonic() - started
        for line in summary:
            self.stdout.write(line)
        self.stdout.write(f"Persona accounts (password “{DEMO_PASSWORD}”, demo only):")
        for persona in PERSONAS:
            self.stdout.write(f"  {persona['email']:32} {persona['role']}")
        self.stdout.write("Other demo accounts (same password), with requests waiting for a reviewer:")
        for requester in REQUESTERS:
            self.stdout.write(f"  {requester['email']:32} {requester['describe']}")
        self.stdout.write(self.style.SUCCESS(f"Demo data created in {elapsed:.1f} s."))
