"""Background jobs of campaigns (run by `manage.py runjobs`; `manage.py periodic` enqueues the freeze)."""
import logging
import tempfile
from datetime import date

from django.db import transaction
from django.utils import timezone

from localaction.jobs.services import outside_transaction
from localaction.reports import services as reports
from localaction.reports.models import GeneratedFile

from . import services
from .handover import package

logger = logging.getLogger(__name__)


def freeze_due_campaigns(day=None):
    """Freeze every campaign whose forum date has come (`day`, ISO, defaults to today). Idempotent: a frozen
    campaign is skipped, so running it again, or after a reviewer's early freeze, changes nothing."""
    today = date.fromisoformat(day) if day else timezone.localdate()
    for campaign in services.campaigns_due(today):
        services.freeze(campaign)


@outside_transaction
def build_handover(generated_file_id):
    """Build a requested handover package, reporting progress as it goes (committed at once, so the reviewers'
    page shows it). On any error the request is marked failed with the reason and no file: nothing half-written
    is ever marked ready. A package already built or failed is left as it is (a job that runs twice)."""
    generated = GeneratedFile.objects.select_related("campaign").get(pk=generated_file_id)
    if generated.status not in (GeneratedFile.Status.QUEUED, GeneratedFile.Status.BUILDING):
        return
    reports.start(generated)
    try:
        with tempfile.TemporaryDirectory(prefix="handover-") as folder:
            def progress(percent, message=""):
                reports.report_progress(generated, percent, str(message))

            built = package.build(generated, folder, progress=progress)
            reports.finish(generated, built.path, built.filename)
    except Exception as error:  # noqa: BLE001 — any failure is kept on the request, for the people who asked
        logger.exception("handover package %s failed", generated.pk)
        with transaction.atomic():
            reports.fail(generated, error)
