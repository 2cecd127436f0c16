"""The life of a generated file: requested, built by a job (with progress), stored when complete, or failed."""
import hashlib
import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from localaction.accounts.permissions import require_reviewer
from localaction.activity.services import record
from localaction.core.translation import LANGUAGE_CODES
from localaction.governments.access import FOCAL_POINT_ONLY, require_membership
from localaction.jobs.services import enqueue

from .annual import report_title
from .certificates import facts_for, render_certificate
from .models import VERIFICATION_ALPHABET, Certificate, GeneratedFile

logger = logging.getLogger(__name__)


def request_file(kind, *, title, task, by=None, language="", campaign=None, government=None, parameters=None,
                 is_public=False):
    """Create a queued GeneratedFile and the job that builds it (`task`: the dotted path of a function in a tasks
    module, called with `generated_file_id`). Both commit together."""
    with transaction.atomic():
        generated = GeneratedFile.objects.create(
            kind=kind, title=title, language=language, campaign=campaign, government=government,
            parameters=parameters or {}, is_public=is_public, requested_by=by,
        )
        enqueue(task, unique_key=f"generated-file:{generated.pk}", generated_file_id=generated.pk)
        record(by, f"{kind}.requested", generated, government=government, title=title)
    return generated


def start(generated):
    """The job picked it up."""
    GeneratedFile.objects.filter(pk=generated.pk).update(
        status=GeneratedFile.Status.BUILDING, progress=0, started_at=timezone.now(), message=""
    )
    generated.refresh_from_db()


def report_progress(generated, percent, message=""):
    """Visible progress of a long build (written outside any transaction of the build, so readers see it)."""
    GeneratedFile.objects.filter(pk=generated.pk).update(progress=max(0, min(100, int(percent))), message=message[:500])


def finish(generated, path, filename):
    """Store the completely written file at `path` under `filename` and mark it ready, in one transaction: until
    then the record has no file, so nobody can download half of it."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    with transaction.atomic():
        with open(path, "rb") as source:
            generated.file.save(filename, File(source), save=False)
        generated.size = generated.file.size
        generated.sha256 = digest.hexdigest()
        generated.status = GeneratedFile.Status.READY
        generated.progress = 100
        generated.finished_at = timezone.now()
        generated.message = ""
        generated.save()
        record(None, f"{generated.kind}.built", generated, government=generated.government, sha256=generated.sha256)
    return generated


def fail(generated, error):
    """The build failed: no file, the reason kept for the people who asked."""
    if generated.file:
        generated.file.delete(save=False)
    GeneratedFile.objects.filter(pk=generated.pk).update(
        status=GeneratedFile.Status.FAILED, file="", finished_at=timezone.now(), message=str(error)[:500]
    )
    generated.refresh_from_db()
    record(None, f"{generated.kind}.failed", generated, government=generated.government, error=str(error)[:200])


# ---------------------------------------------------------------- annual report and certificates (helper I, #8)

ANNUAL_REPORT_TASK = "localaction.reports.tasks.build_annual_report"


class ReportError(Exception):
    """A request that cannot be met as asked; the message (translated) says why."""


def save_annual_report(edition, by, highlighted=None):
    """Create or update an edition of the annual report (reviewers only); `highlighted`, when given, replaces its
    highlighted actions."""
    require_reviewer(by)
    with transaction.atomic():
        creating = edition.pk is None
        if creating:
            edition.created_by = by
        edition.updated_by = by
        edition.save()
        if highlighted is not None:
            edition.highlighted_actions.set(highlighted)
        record(by, "annual_report.created" if creating else "annual_report.updated", edition,
               period=edition.period_label)
    return edition


def request_annual_report(edition, language, by):
    """Queue the build of the edition's PDF in `language` (reviewers only); the job is tasks.build_annual_report."""
    require_reviewer(by)
    if language not in LANGUAGE_CODES:
        raise ReportError(gettext("Choose English, French or Spanish."))
    with translation.override(language):
        title = f"{report_title()} {edition.period_label}"
    return request_file(
        GeneratedFile.Kind.ANNUAL_REPORT, title=title, task=ANNUAL_REPORT_TASK, by=by, language=language,
        parameters={"edition": edition.pk}, is_public=edition.is_published,
    )


def publish_annual_report(edition, by, published=True):
    """List the edition (and its ready PDFs) on the public reports page, or take it off (reviewers only)."""
    require_reviewer(by)
    with transaction.atomic():
        edition.is_published = published
        if published and edition.published_at is None:
            edition.published_at = timezone.now()
        edition.updated_by = by
        edition.save(update_fields=["is_published", "published_at", "updated_by", "updated_at"])
        edition.files().update(is_public=published)
        record(by, "annual_report.published" if published else "annual_report.unpublished", edition)
    return edition


def public_annual_report_file(edition, language):
    """The latest ready PDF of a published edition in `language`, or None."""
    if not edition.is_published:
        return None
    return edition.files().filter(status=GeneratedFile.Status.READY, language=language).exclude(file="").first()


def issue_certificate(government, by, *, basis, language, campaign=None):
    """A certificate of recognition for `government` (its focal points only), built at once (one page takes well
    under a second, so no job): the existing one when a ready certificate in `language` already certifies the
    same facts, else a new one with its own verification code. Raises ReportError when the government is not
    eligible or the PDF could not be made (the GeneratedFile is then marked failed, without a file)."""
    require_membership(by, government, FOCAL_POINT_ONLY)
    if language not in LANGUAGE_CODES:
        raise ReportError(gettext("Choose English, French or Spanish."))
    facts = facts_for(government, basis, campaign)
    if facts is None:
        raise ReportError(gettext("Your government cannot receive this certificate."))
    existing = (
        Certificate.objects.filter(government=government, basis=basis, campaign=campaign, language=language,
                                   file__status=GeneratedFile.Status.READY)
        .select_related("file").first()
    )
    if existing is not None and existing.facts == facts:
        return existing
    with transaction.atomic():
        certificate = Certificate(government=government, basis=basis, campaign=campaign, language=language,
                                  facts=facts, issued_by=by)
        with translation.override(language):
            title = f"{certificate.get_basis_display()} — {government.name}"
        certificate.file = GeneratedFile.objects.create(
            kind=GeneratedFile.Kind.CERTIFICATE, title=title[:300], language=language, government=government,
            campaign=campaign, parameters={"basis": basis}, requested_by=by,
        )
        certificate.save()
        record(by, "certificate.issued", certificate.file, government=government, code=certificate.code, basis=basis)
    generated = certificate.file
    start(generated)
    filename = f"certificate-{government.slug}-{certificate.code}.pdf"
    try:
        with tempfile.TemporaryDirectory(prefix="certificate-") as folder:
            path = Path(folder) / filename
            render_certificate(certificate, path)
            finish(generated, path, filename)
    except Exception as error:  # noqa: BLE001 — kept on the record; the focal point gets a plain message
        logger.exception("certificate %s failed", certificate.code)
        fail(generated, error)
        raise ReportError(gettext("The certificate could not be made. Please try again later.")) from error
    return certificate


def find_certificate(code):
    """The valid certificate with this verification code, typed however (lower case, spaces, O for 0, I or L for
    1, with or without dashes), or None."""
    cleaned = "".join(str(code or "").upper().split()).replace("-", "")
    cleaned = cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    if len(cleaned) != 12 or any(char not in VERIFICATION_ALPHABET for char in cleaned):
        return None
    normal = f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}"
    certificate = (
        Certificate.objects.filter(code=normal).select_related("government__country", "campaign", "file").first()
    )
    if certificate is None or not certificate.is_valid:
        return None
    return certificate
