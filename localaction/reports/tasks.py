"""Background jobs of reports (run by `manage.py runjobs`; tests run them with jobs.services.run_due())."""
import logging
import tempfile
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from localaction.jobs.services import outside_transaction

from . import services
from .annual import render_annual_report
from .models import AnnualReport, GeneratedFile

logger = logging.getLogger(__name__)


@outside_transaction
def build_annual_report(generated_file_id):
    """Build a requested annual report PDF, reporting progress as it goes (each step committed at once, so the
    reviewers' page shows it). On any error the request is marked failed with the reason and no file. A file
    already built or failed is left as it is (a job that runs twice)."""
    generated = GeneratedFile.objects.get(pk=generated_file_id)
    if generated.status not in (GeneratedFile.Status.QUEUED, GeneratedFile.Status.BUILDING):
        return
    services.start(generated)
    try:
        edition = AnnualReport.objects.get(pk=generated.parameters["edition"])
        language = generated.language or "en"
        filename = f"report-on-local-action-{slugify(edition.period_label)}-{language}.pdf"
        with tempfile.TemporaryDirectory(prefix="annual-report-") as folder:
            path = Path(folder) / filename
            render_annual_report(
                edition, language, path,
                progress=lambda percent, message="": services.report_progress(generated, percent, str(message)),
            )
            services.report_progress(generated, 95, "")
            services.finish(generated, path, filename)
    except Exception as error:  # noqa: BLE001 — any failure is kept on the request, for the people who asked
        logger.exception("annual report %s failed", generated.pk)
        with transaction.atomic():
            services.fail(generated, error)
