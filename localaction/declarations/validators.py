"""Checks on what a government sends with its endorsement, shared by the form and the service."""
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# The Declaration was adopted on this day in Marrakech; nobody signed it before.
ADOPTED_ON = datetime.date(2018, 12, 8)
PDF_MAGIC = b"%PDF-"


def validate_signed_on(value):
    """The date of signature lies between the Declaration's adoption and today."""
    if value > timezone.localdate():
        raise ValidationError(_("The date of signature cannot be in the future."), code="future")
    if value < ADOPTED_ON:
        raise ValidationError(
            _("The Declaration was adopted on %(date)s; the date of signature cannot be earlier.")
            % {"date": date_format(ADOPTED_ON, "DATE_FORMAT")},
            code="before_adoption",
        )


def validate_pdf(upload):
    """The letter is a PDF (judged by its first bytes, not its name) no larger than the upload limit."""
    limit = settings.LOCALACTION_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.") % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(position)
    if head != PDF_MAGIC:
        raise ValidationError(_("This file is not a PDF. Scan or save the signed letter as a PDF and choose it again."), code="not_pdf")
