"""Writing records reproducibly: the same records and the same date give the same bytes.

- XLSX: openpyxl's writer stamps the workbook's modification date with the clock and its ZIP members with the
  time they are written; here both come from the snapshot (`stamp`, its freeze time), so nothing in the file
  depends on when it was built. Text cells are made inert against formula injection (open data's neutralise).
- JSON: sorted keys, fixed indentation, UTF-8, a final newline.
- ZIP: members in the order given, each with the same fixed date and permissions.
"""
import json
import shutil
import zipfile
from datetime import UTC, date

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.writer.excel import ExcelWriter

from localaction.opendata.exporters import plain_number
from localaction.opendata.renderers import XLSX_MAX_CELL, neutralise

from .recipients import DATE, INTEGER, INTEGERS, LIST, NUMBER

LIST_SEPARATOR = "; "


def zip_stamp(moment):
    """A ZIP date-time tuple (UTC; ZIP dates cannot be before 1980)."""
    moment = moment.astimezone(UTC)
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return max(stamp, (1980, 1, 1, 0, 0, 0))


class FixedDateZipFile(zipfile.ZipFile):
    """A ZipFile whose members all carry one date and the same permissions, whatever the clock and the files'
    modification times say."""

    def __init__(self, file, mode="w", *, date_time, **kwargs):
        kwargs.setdefault("compression", zipfile.ZIP_DEFLATED)
        super().__init__(file, mode, **kwargs)
        self.fixed_date_time = date_time

    def member(self, name):
        info = zipfile.ZipInfo(name, date_time=self.fixed_date_time)
        info.compress_type = self.compression
        info.external_attr = 0o644 << 16
        info.create_system = 3  # Unix, on every platform (ZipInfo picks by platform otherwise)
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self.member(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        name = arcname or str(filename).replace("\\", "/").rsplit("/", 1)[-1]
        with open(filename, "rb") as source, self.open(self.member(name), "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)


# ---------------------------------------------------------------- cell values


def _text(value):
    if value in (None, ""):
        return None
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))[:XLSX_MAX_CELL]


def xlsx_value(column, value):
    """A value as the spreadsheet holds it: lists joined by "; ", numbers and dates as numbers and dates."""
    if column.type == LIST:
        return _text(LIST_SEPARATOR.join(value or []))
    if column.type == INTEGERS:
        return _text(LIST_SEPARATOR.join(str(number) for number in value or []))
    if column.type in (NUMBER, INTEGER, DATE):
        return value
    return _text(value)


def json_value(column, value):
    """A value as the JSON holds it: lists as arrays, dates as ISO strings, decimals as numbers, no text as null."""
    if column.type in (LIST, INTEGERS):
        return list(value or [])
    if column.type == NUMBER:
        return plain_number(value)
    if column.type == DATE:
        return value.isoformat() if isinstance(value, date) else None
    if column.type == INTEGER:
        return value
    return value or None


# ---------------------------------------------------------------- files


def write_xlsx(path, *, sheet_title, columns, rows, notes, title, stamp):
    """Write one workbook: the records' sheet (recipient's headers on the first row), a "Columns" sheet mapping
    each header to its key and source, and an "About" sheet (`notes`: lines of cells)."""
    workbook = Workbook(write_only=True)
    naive_stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    workbook.properties.title = title
    workbook.properties.creator = "Local Action"
    workbook.properties.created = naive_stamp
    workbook.properties.modified = naive_stamp
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.freeze_panes = "A2"
    sheet.append([str(column.header) for column in columns])
    for row in rows:
        sheet.append([xlsx_value(column, value) for column, value in zip(columns, row)])
    mapping = workbook.create_sheet(title="Columns")
    mapping.append(["header", "key", "type", "source"])
    for column in columns:
        mapping.append([_text(column.header), column.key, column.type, _text(column.source)])
    about = workbook.create_sheet(title="About")
    for line in notes:
        about.append([_text(cell) if isinstance(cell, str) else cell for cell in line])
    # openpyxl's save_workbook() would stamp the modification date with the clock: its writer is used directly.
    with FixedDateZipFile(path, "w", date_time=zip_stamp(stamp)) as archive:
        ExcelWriter(workbook, archive).save()


def json_bytes(document):
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_json(path, document):
    with open(path, "wb") as handle:
        handle.write(json_bytes(document))
