"""Checking a resource's uploaded file by what it contains, not by what it is called.

The actions' checker (actions.uploads.detect_kind) recognises PDF and the office formats; the library also takes
presentations and recordings, recognised here the same way (first bytes; the parts inside a ZIP container).
Images are documents of actions, not resources: they are refused here.
"""
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from localaction.actions.uploads import detect_kind

# kind → the content type a download is served with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "mp3": "audio/mpeg",
    "mp4": "video/mp4",
}
ACCEPTED = _("PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT), MP3 audio or MP4 video")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# ISO base media files whose major brand is one of these are MP4 video (HEIC photos and QuickTime are not).
_MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V "}


def max_bytes():
    """The size limit of a resource's file (setting LOCALACTION_RESOURCE_MAX_UPLOAD_BYTES, 20 MB by default)."""
    return getattr(settings, "LOCALACTION_RESOURCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def _is_mp3(head):
    # An ID3 tag, or an MPEG audio frame header (11 sync bits, layer III).
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2)


def _detect_more(upload):
    upload.seek(0)
    head = upload.read(12)
    upload.seek(0)
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return "mp4"
    if _is_mp3(head):
        return "mp3"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                if "ppt/presentation.xml" in archive.namelist():
                    return "pptx"
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            upload.seek(0)
    return None


def detect_resource_kind(upload):
    """The file's kind (a key of CONTENT_TYPES) from its content, or None."""
    kind = detect_kind(upload) or _detect_more(upload)
    return kind if kind in CONTENT_TYPES else None


def validate_resource_file(upload):
    """Refuse files that are too large or not of an accepted kind; return the kind found."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s. Choose a smaller file, or give a link "
              "instead."),
            code="too_large", params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    kind = detect_resource_kind(upload)
    if kind is None:
        raise ValidationError(
            _("This file is not one of the accepted kinds (%(accepted)s), whatever its name says. Choose another "
              "file."),
            code="bad_type", params={"accepted": ACCEPTED},
        )
    return kind
