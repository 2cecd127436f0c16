"""Checking uploaded documents by what they contain, not by what they are called.

A file's name and the browser's content type are whatever the sender says; the first bytes (and, for office
documents, the parts inside the ZIP container) are what the file is.
"""
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# OOXML and OpenDocument files are ZIP containers; the part that identifies each kind.
_ZIP_KINDS = [
    ("docx", lambda names, archive: "word/document.xml" in names),
    ("xlsx", lambda names, archive: "xl/workbook.xml" in names),
    ("odt", lambda names, archive: "mimetype" in names
        and archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text"),
]

ACCEPTED = _("PDF, PNG, JPEG, Word (DOCX), Excel (XLSX) or OpenDocument text (ODT)")


def detect_kind(upload):
    """The file's kind ("pdf", "png", "jpg", "docx", "xlsx", "odt") from its content, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                for kind, matches in _ZIP_KINDS:
                    if matches(names, archive):
                        return kind
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            upload.seek(0)
    return None


def validate_document(upload):
    """Refuse files that are too large or not of an accepted kind; return the kind found."""
    limit = settings.LOCALACTION_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="too_large", params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    kind = detect_kind(upload)
    if kind is None:
        raise ValidationError(
            _("This file is not one of the accepted kinds: %(accepted)s."), code="bad_type", params={"accepted": ACCEPTED}
        )
    return kind
