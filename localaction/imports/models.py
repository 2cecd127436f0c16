"""Bulk import of actions from spreadsheets: reusable column mappings, the uploaded batches with their dry-run
report, and the (source, external id) → action records that make a re-import update instead of duplicating."""
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def batch_path(instance, filename):
    # A random name: what the sender called the file never reaches the file system; the original name is kept
    # in `filename` for the report only.
    return f"imports/{secrets.token_hex(16)}.bin"


class ColumnMapping(models.Model):
    """A saved answer to "which column holds which field", reusable for the next file of the same shape."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    mapping = models.JSONField(_("mapping"), default=dict, help_text=_("{field: column header}"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self):
        return self.name


class ImportBatch(models.Model):
    """One uploaded spreadsheet: its mapping, the report of its last dry run or import, and what came of it."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        DRY_RUN = "dry_run", _("Checked (dry run)")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Failed")

    file = models.FileField(_("file"), upload_to=batch_path)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    source = models.CharField(
        _("source"), max_length=100,
        help_text=_("Names where the rows come from; with the external id it recognises rows imported before."),
    )
    default_language = models.CharField(_("default language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="en")
    headers = models.JSONField(_("column headers"), default=list, blank=True)
    mapping = models.JSONField(_("mapping"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UPLOADED)
    report = models.JSONField(_("report"), default=dict, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    errors = models.PositiveIntegerField(_("rows with errors"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self):
        return f"{self.source} #{self.pk}"


class ImportedRecord(models.Model):
    """Which action a row of a source became, and a hash of the row as last imported (unchanged rows are
    recognised and left alone)."""

    source = models.CharField(_("source"), max_length=100)
    external_id = models.CharField(_("external id"), max_length=200)
    action = models.ForeignKey("actions.Action", on_delete=models.CASCADE, related_name="+")
    row_hash = models.CharField(_("row hash"), max_length=64)
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="records")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="imported_record_unique")]
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")

    def __str__(self):
        return f"{self.source}:{self.external_id}"
