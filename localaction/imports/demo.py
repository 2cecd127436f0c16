"""Demo content of this app, called by seed_demo after the core seeder (DEMO ONLY): a saved column mapping for
French spreadsheets, and one uploaded file (a committed sample with two bad rows) checked but not imported, so
the reviewer persona finds a dry-run report to read and confirm."""
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.activity.models import ActivityLog
from localaction.core.demo_seeder import NOW

from . import services
from .models import ColumnMapping, ImportBatch

REVIEWER = "reviewer@localaction.test"
SAMPLE = Path(__file__).resolve().parent / "tests" / "samples" / "collectivites_fr.csv"
SOURCE = "demo-collectivites"


def seed(write):
    """Create this app's demo rows; `write` prints a line of the summary."""
    reviewer = get_user_model().objects.filter(email=REVIEWER).first()
    if reviewer is None or ImportBatch.objects.filter(source=SOURCE).exists():
        return
    batch = services.create_batch(SimpleUploadedFile(SAMPLE.name, SAMPLE.read_bytes()), SOURCE, "fr", reviewer)
    ColumnMapping.objects.update_or_create(
        name="Formulaire des collectivités (FR)", defaults={"mapping": batch.mapping, "created_by": reviewer}
    )
    plan = services.dry_run(batch, reviewer)
    # Demo content is dated from the seeder's fixed clock, so two runs give the same rows.
    ActivityLog.objects.filter(verb__startswith="imports.", actor=reviewer).update(created_at=NOW - timedelta(days=1))
    write(f"imports: 1 saved mapping, 1 file checked ({plan.counts['create']} rows to create, "
          f"{plan.counts['error']} with errors), not imported")
