"""Writing an exporter's rows as CSV, XLSX or JSON, as a stream of bytes, with the licence stated in each.

CSV is UTF-8 without a byte-order mark, comma-separated, CRLF line ends (RFC 4180): what Frictionless and most
tools read by default; people who open files in a spreadsheet get the XLSX download, which needs no guess about
the encoding. Text cells that start with =, +, -, @, a tab or a carriage return are prefixed with an apostrophe
in CSV and XLSX (OWASP's advice against formula injection); numbers are written as numbers, so a negative amount
stays a number. JSON needs no such care: no spreadsheet runs it.
"""
import csv
import io
import json
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .exporters import LIST_DELIMITER, array_text, plain_number

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_BYTES = 64 * 1024
XLSX_MAX_CELL = 32767  # Excel's limit on the characters of a cell


@dataclass
class About:
    """What a download says about itself: where it comes from, when, for which filters, and where its columns
    are described."""

    source: str
    datapackage: str
    dictionary: str
    parameters: dict = field(default_factory=dict)
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))


def neutralise(text):
    """Text a spreadsheet would run as a formula, made inert (OWASP: prefix it with an apostrophe)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def utc_text(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text_converter(column):
    """How CSV writes a value of this column (the XLSX renderer reuses it for lists and arrays)."""
    kind = column.type
    if kind == "string":
        return lambda value: "" if value is None else neutralise(value)
    if kind in ("integer", "number"):
        return lambda value: "" if value is None else str(value)
    if kind == "boolean":
        return lambda value: "" if value is None else ("true" if value else "false")
    if kind == "date":
        return lambda value: "" if value is None else value.isoformat()
    if kind == "datetime":
        return lambda value: "" if value is None else utc_text(value)
    if kind == "list":
        return lambda value: neutralise(LIST_DELIMITER.join(str(item) for item in value)) if value else ""
    if kind == "array":
        return lambda value: array_text(value) if value else ""
    raise ValueError(f"no CSV writer for the type {kind}")


def _xlsx_converter(column):
    kind = column.type

    def text(value):
        if value is None or value == "":
            return None
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))[:XLSX_MAX_CELL]

    if kind == "string":
        return text
    if kind in ("integer", "number", "boolean", "date"):
        return lambda value: value
    if kind == "datetime":
        # Excel has no time zones: UTC, as the dictionary says.
        return lambda value: None if value is None else value.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    to_text = _text_converter(column)
    return lambda value: text(to_text(value))


def _json_converter(column):
    kind = column.type
    if kind == "string":
        return lambda value: value or None  # an empty text is a missing value, as in CSV
    if kind == "number":
        return lambda value: plain_number(value)
    if kind == "date":
        return lambda value: None if value is None else value.isoformat()
    if kind == "datetime":
        return lambda value: None if value is None else utc_text(value)
    return None  # as it is


class Renderer:
    extension = ""
    content_type = ""

    def render(self, exporter, about):
        """The file's bytes, in pieces of about CHUNK_BYTES."""
        raise NotImplementedError


class CSVRenderer(Renderer):
    extension = "csv"
    content_type = "text/csv; charset=utf-8"

    def render(self, exporter, about):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(exporter.keys())
        converters = [_text_converter(column) for column in exporter.columns]
        for row in exporter.rows():
            writer.writerow([convert(value) for convert, value in zip(converters, row)])
            if buffer.tell() >= CHUNK_BYTES:
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode()


class XLSXRenderer(Renderer):
    """A write-only workbook (rows go to a temporary file as they come, not into memory), zipped into another
    temporary file, then streamed. A second sheet, "About", states the licence and the source."""

    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def render(self, exporter, about):
        workbook = Workbook(write_only=True)
        workbook.properties.title = str(exporter.title)
        workbook.properties.description = f"{LICENCE['title']} ({LICENCE['name']}): {LICENCE['path']}"
        workbook.properties.identifier = about.source
        workbook.properties.creator = _("Local Action")
        sheet = workbook.create_sheet(title=exporter.name[:31])
        sheet.freeze_panes = "A2"
        sheet.append(exporter.keys())
        converters = [_xlsx_converter(column) for column in exporter.columns]
        for row in exporter.rows():
            sheet.append([convert(value) for convert, value in zip(converters, row)])
        notes = workbook.create_sheet(title="About")
        for line in self.about_lines(exporter, about):
            notes.append([neutralise(str(cell)) if isinstance(cell, str) else cell for cell in line])
        with tempfile.TemporaryFile() as handle:
            workbook.save(handle)
            handle.seek(0)
            while chunk := handle.read(CHUNK_BYTES):
                yield chunk

    def about_lines(self, exporter, about):
        parameters = "&".join(f"{key}={value}" for key, value in about.parameters.items())
        return [
            [str(exporter.title)],
            [str(exporter.description)],
            [],
            [_("Licence"), f"{LICENCE['title']} ({LICENCE['name']})", LICENCE["path"]],
            [_("Source"), about.source],
            [_("Generated at (UTC)"), about.generated_at.astimezone(UTC).replace(tzinfo=None, microsecond=0)],
            [_("Filters"), parameters or _("none: the whole data set")],
            [_("Data dictionary"), about.dictionary],
            [_("Data package"), about.datapackage],
            [],
            [_("Text cells that began with =, +, -, @, a tab or a carriage return start with an apostrophe, so that "
               "spreadsheets do not run them as formulas.")],
        ]


class JSONRenderer(Renderer):
    """One JSON object: what the file is (licence, source, date, filters), then "data", an array of rows each
    keyed by the column keys, written row by row."""

    extension = "json"
    content_type = "application/json"

    def render(self, exporter, about):
        head = {
            "name": exporter.name,
            "title": str(exporter.title),
            "description": str(exporter.description),
            "licenses": [LICENCE],
            "source": about.source,
            "generated_at": utc_text(about.generated_at),
            "parameters": about.parameters,
            "datapackage": about.datapackage,
            "dictionary": about.dictionary,
        }
        count = exporter.count()
        if count is not None:
            head["count"] = count
        keys = exporter.keys()
        converters = [(n, convert) for n, convert in enumerate(map(_json_converter, exporter.columns)) if convert]
        parts = [json.dumps(head, ensure_ascii=False)[:-1], ', "data": [']
        size, separator = 0, "\n"
        for row in exporter.rows():
            row = list(row)
            for n, convert in converters:
                row[n] = convert(row[n])
            text = separator + json.dumps(dict(zip(keys, row)), ensure_ascii=False)
            separator = ",\n"
            parts.append(text)
            size += len(text)
            if size >= CHUNK_BYTES:
                yield "".join(parts).encode()
                parts, size = [], 0
        parts.append("\n]}\n")
        yield "".join(parts).encode()


RENDERERS = {renderer.extension: renderer for renderer in (CSVRenderer, XLSXRenderer, JSONRenderer)}
