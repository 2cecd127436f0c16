"""Reading downloads back in tests: the rows of a CSV, XLSX or JSON download as dicts keyed by column."""
import csv
import io
import json

from openpyxl import load_workbook

FORMATS = ("csv", "xlsx", "json")


def body(response):
    assert response.status_code == 200, response.content if not response.streaming else response.status_code
    assert response.streaming
    return b"".join(response.streaming_content)


def read_csv(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def read_xlsx(content, sheet):
    rows = list(load_workbook(io.BytesIO(content), read_only=True)[sheet].values)
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def read_json(content):
    return json.loads(content)["data"]


def rows(response, extension, sheet="actions"):
    """The rows of a download; `sheet` names the XLSX sheet (the resource's name)."""
    content = body(response)
    if extension == "csv":
        return read_csv(content)
    if extension == "xlsx":
        return read_xlsx(content, sheet)
    return read_json(content)
