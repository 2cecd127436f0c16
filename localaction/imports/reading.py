"""Reading an uploaded spreadsheet, XLSX or CSV, as a header row and numbered rows of cells.

CSV files come from every kind of tool: the delimiter is sniffed (comma, semicolon or tab), the text is read as
UTF-8 (with or without a byte-order mark) and, when that fails, as Windows-1252, which is what Excel writes in
Western Europe and Latin America. Row numbers are those the spreadsheet shows: the header is row 1.
"""
import csv
import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_BYTES = 30 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file is not a spreadsheet we can read (the message says why, translated)."""


def is_xlsx(head, handle):
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(handle) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        handle.seek(0)


def read_rows(handle):
    """(headers, rows) of the first sheet of an XLSX file or of a CSV file; `rows` yields (row number, cells)
    lazily and skips blank rows. `handle` is a binary file object."""
    handle.seek(0)
    head = handle.read(8)
    handle.seek(0)
    if is_xlsx(head, handle):
        return _xlsx_rows(handle)
    if head.startswith(b"PK") or b"\x00" in head:
        raise UnreadableFile(_("This file is neither an Excel workbook (XLSX) nor a CSV file."))
    return _csv_rows(handle)


def _headers(cells):
    headers = [" ".join(str(cell).split()) if cell is not None else "" for cell in cells]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise UnreadableFile(_("The first row should hold the column headers; it is empty."))
    seen = set()
    for index, header in enumerate(headers):
        name = header or _("Column %(number)s") % {"number": index + 1}
        while name in seen:
            name += "′"
        headers[index] = name
        seen.add(name)
    return headers


def _blank(cells):
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _xlsx_rows(handle):
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(_("This Excel file cannot be read: %(error)s") % {"error": error}) from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        headers = _headers(next(rows))
    except StopIteration:
        raise UnreadableFile(_("The file is empty.")) from None

    def numbered():
        for number, cells in enumerate(rows, start=2):
            if not _blank(cells):
                yield number, list(cells)
        workbook.close()

    return headers, numbered()


def _decode(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(sample):
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return max(",;\t", key=first.count)


def _csv_rows(handle):
    text = _decode(handle.read())
    if not text.strip():
        raise UnreadableFile(_("The file is empty."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:65536]))
    try:
        headers = _headers(next(reader))
    except StopIteration:
        raise UnreadableFile(_("The file is empty.")) from None

    def numbered():
        # Records, not lines: a quoted cell with line breaks is still one spreadsheet row.
        for number, cells in enumerate(reader, start=2):
            cells = [cell if cell.strip() else None for cell in cells]
            if not _blank(cells):
                yield number, cells

    return headers, numbered()
