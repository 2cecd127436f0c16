"""Reading PDFs back, as a reader's PDF viewer would (pypdf), and the data the reports tests share."""
import io
import re
from datetime import date, datetime
from datetime import timezone as dt_timezone

from pypdf import PdfReader

from localaction.actions.tests.factories_review import published_action
from localaction.declarations.tests.factories import EndorsementFactory
from localaction.factories import GovernmentFactory
from localaction.taxonomy.models import Country


def reader(source):
    """A PdfReader over a path, bytes, or a stored FieldFile."""
    if hasattr(source, "open") and hasattr(source, "name") and not isinstance(source, str):
        with source.open("rb") as handle:
            return PdfReader(io.BytesIO(handle.read()))
    if isinstance(source, bytes):
        return PdfReader(io.BytesIO(source))
    return PdfReader(str(source))


def page_text(pdf, number=0):
    """The text of one page, with runs of white space made single spaces (lines wrap anywhere)."""
    return re.sub(r"\s+", " ", pdf.pages[number].extract_text() or "")


def all_text(pdf):
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pdf.pages))


def font_names(pdf):
    """The base names of every font the PDF embeds."""
    names = set()
    for page in pdf.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def government(name, country="FR", **fields):
    return GovernmentFactory(name=name, country=Country.objects.get(code=country), **fields)


def at(day):
    """Noon UTC on `day` (a date), for published_at."""
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt_timezone.utc)


def action(government, title, day, **fields):
    """A published action first published on `day`."""
    return published_action(government, title_en=title, published_at=at(day), **fields)


def signatory(government, signed_on=date(2019, 3, 14), **fields):
    return EndorsementFactory(government=government, verified=True, signed_on=signed_on, **fields)
