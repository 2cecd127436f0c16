"""PDFs from Django templates, with WeasyPrint: the annual report, certificates and the handover compendium.

- **Fonts ship with the project** (DejaVu Sans in static/fonts, declared by css/print.css under the family name
  "Local Action Sans", a name no system font has), so a PDF looks the same on every machine.
- **Nothing is fetched from the network.** Relative links resolve against LOCALACTION_BASE_URL, so links printed in
  a PDF point at the public site; but the only resources WeasyPrint may load are our own static files (looked up
  on disk by their path under STATIC_URL) and data: URIs. Anything else is refused and left out of the page.
- **Reproducible**: the same template, context and dates give the same bytes (the creation and modification
  dates are taken from the data, not the clock).
"""
import functools
import logging
import mimetypes
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from .compendium import compendium_context

# WeasyPrint reports every step and page at INFO: thousands of lines for a compendium, in every worker's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PRINT_STYLESHEET = "css/print.css"
FONT_FAMILY = "Local Action Sans"
# WeasyPrint styles inline SVG (the charts, the map) from the SVG's own attributes only, and its default family
# ("sans-serif") is whatever the system has: every <svg> gets our family (and a print size) unless it names one.
SVG_WITHOUT_FONT = re.compile(r"<svg\b(?![^>]*\bfont-family=)")
SVG_FONT = f'<svg font-family="{FONT_FAMILY}" font-size="10"'


class ResourceRefused(ValueError):
    """A PDF asked for something other than one of our static files or a data: URI."""


def site_url():
    """The public site's address ("https://localaction.example.org/"), for links printed in PDFs."""
    return settings.LOCALACTION_BASE_URL.rstrip("/") + "/"


def static_file(url):
    """The file on disk behind a URL of one of our static files, or None for any other URL."""
    parts = urlsplit(url)
    static = urlsplit(settings.STATIC_URL)
    site = urlsplit(site_url())
    if static.scheme or static.netloc:
        ours = (parts.scheme, parts.netloc) == (static.scheme, static.netloc)
    else:
        ours = (parts.scheme, parts.netloc) == (site.scheme, site.netloc)
    prefix = static.path if static.path.endswith("/") else static.path + "/"
    if not ours or not parts.path.startswith(prefix):
        return None
    name = unquote(parts.path[len(prefix):])
    if not name or ".." in Path(name).parts:
        return None
    found = finders.find(name)
    if found:
        return Path(found)
    # In production the collected (hashed) copies are what {% static %} names.
    try:
        collected = Path(staticfiles_storage.path(name))
    except NotImplementedError:  # storage without local files
        return None
    return collected if collected.is_file() else None


@functools.cache
def weasyprint_missing():
    """Why WeasyPrint cannot run here (its system libraries, Pango and friends, are missing), or "" when it can.
    WeasyPrint is imported on first use: it adds about 40 MB and a second to a process, which pages need not pay."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        return str(error)
    return ""


@functools.cache
def fetcher_class():
    """StaticOnlyFetcher: WeasyPrint's fetcher limited to data: URIs and our own static files, so a PDF never
    reaches the network, whatever its content links to (a chart, a map, or text a user wrote)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = static_file(url)
            if path is None:
                raise ResourceRefused(f"PDFs only use the platform's static files, not {url[:200]}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if path.suffix in (".woff", ".woff2", ".ttf", ".otf"):
                content_type = f"font/{path.suffix[1:]}"
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})

    return StaticOnlyFetcher


def _pdf_date(value):
    """A W3C date-time string for the PDF's metadata, from a date or an aware/naive datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value if timezone.is_aware(value) else timezone.make_aware(value, UTC)
    else:
        moment = datetime.combine(value, time(0, 0), tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Rendered:
    """What a render produced: the number of pages (the file itself is at the path the caller gave)."""

    pages: int


def render_pdf(template_name, context, target, *, language, title, created=None, modified=None, author="",
               subject="", keywords=()):
    """Render `template_name` with `context` in `language` and write the PDF to `target` (a path or a binary
    file). The interface text, dates and numbers follow `language`; `created`/`modified` (dates or datetimes from
    the data) become the PDF's dates, so rebuilding from the same data gives the same file."""
    if weasyprint_missing():
        raise RuntimeError(f"WeasyPrint cannot run on this machine: {weasyprint_missing()}")
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = fetcher_class()()
    fonts = FontConfiguration()
    with translation.override(language):
        html = render_to_string(template_name, {**context, "pdf_language": language, "pdf_title": title})
        html = SVG_WITHOUT_FONT.sub(SVG_FONT, html)
        stylesheet = CSS(
            url=urljoin(site_url(), settings.STATIC_URL + PRINT_STYLESHEET), url_fetcher=fetcher, font_config=fonts
        )
        document = HTML(string=html, base_url=site_url(), url_fetcher=fetcher).render(
            stylesheets=[stylesheet], font_config=fonts
        )
    metadata = document.metadata
    metadata.title = title
    metadata.lang = language
    metadata.authors = [author or "Local Action for Migrants and Refugees"]
    if subject:
        metadata.description = subject
    if keywords:
        metadata.keywords = list(keywords)
    metadata.created = _pdf_date(created)
    metadata.modified = _pdf_date(modified or created)
    # Tagged PDF: headings, lists and tables reach screen readers (about twice the bytes, a tenth more time).
    document.write_pdf(target, pdf_tags=True)
    return Rendered(pages=len(document.pages))


def as_date(value):
    """A date from a date, a datetime or an ISO string (entries come from JSON snapshots)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def render_compendium(entries, language, path, *, title, figures=None, subtitle="", date=None, progress=None):
    """The handover compendium: a cover, summary figures and charts, then one section per region with one entry
    per pledge or practice (its mapping to the Compacts and the SDGs, and its current stage). Writes the PDF to
    `path` and returns a Rendered (its page count).

    `entries` is a sequence of plain dicts (a frozen snapshot's records, in the order they should appear within
    each region); every key but `id` is optional:

    - `id`: the action's public id; `url`: its public address (absolute, or a path on this site);
    - `kind`: "pledge" or "practice";
    - `title_en`/`title_fr`/`title_es`, `summary_en`/`summary_fr`/`summary_es` (or plain `title`, `summary`) and
      `original_language`: the entry's text, shown in `language` if present, else in its original language
      (marked with its `lang`);
    - `government` (its name), `country` (ISO 3166 alpha-2 code, or a name), `region` (UN M49 code of the
      country's region; entries without one are grouped last under "No region");
    - `gcm_objectives` (numbers), `gcr_objectives` (numbers), `gcr_areas` (keys), `sdgs` (numbers): their labels
      are read from the reference data in `language`;
    - `stage`: "planning", "in_progress", "fulfilled", "discontinued", or "not_reported"/empty for a pledge
      without a report; `campaign`: the campaign's name (text).

    `figures`: optional pledge figures (figures.services.Figures, or its as_dict()) printed with the summary.
    `date` (a date or ISO string): printed on the cover and used as the PDF's creation date (reproducible).
    `progress(percent, message)`: optional callback, called as the build goes.
    """
    when = as_date(date)
    with translation.override(language):
        if progress:
            progress(5, gettext("Preparing the compendium"))
        context = compendium_context(entries, language, title=title, subtitle=subtitle, figures=figures, when=when)
        if progress:
            progress(30, gettext("Laying out the compendium's pages"))
    rendered = render_pdf(
        "reports/pdf/compendium.html", context, path, language=language, title=title, created=when, modified=when,
        subject=subtitle,
    )
    if progress:
        with translation.override(language):
            progress(100, gettext("Compendium written"))
    return rendered
