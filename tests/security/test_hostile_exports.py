"""Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is made inert in every
download a person opens in a spreadsheet: the open-data actions CSV and XLSX, the resources CSV and the fund's
ranking CSV. The cell keeps the text after an apostrophe; numbers stay numbers."""
import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from localaction.factories import ActionFactory
from localaction.fund.tests.permissions import make_objects as make_fund_objects
from localaction.resources.tests.factories import ResourceFactory

from .corpus import FORMULAS, SCRIPT

pytestmark = pytest.mark.django_db


def csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def cells_with(rows, fragment):
    return [cell for row in rows for cell in row if isinstance(cell, str) and fragment in cell]


def assert_inert(cells):
    assert len(cells) >= len(FORMULAS), cells
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), repr(cell)


@pytest.fixture
def hostile_actions(db):
    return [ActionFactory(published=True, title_en=f"{formula} #{number}", summary_en=SCRIPT)
            for number, formula in enumerate(FORMULAS)]


def test_the_open_data_csv_neutralises_formulas(client, hostile_actions):
    response = client.get(reverse("opendata:actions_download", kwargs={"format": "csv"}))
    assert response.status_code == 200
    assert_inert(cells_with(csv_rows(response), " #"))


def test_the_open_data_xlsx_neutralises_formulas(client, hostile_actions):
    response = client.get(reverse("opendata:actions_download", kwargs={"format": "xlsx"}))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(body))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and " #" in cell.value]
    assert cells and all(cell.data_type != "f" for cell in cells)
    assert_inert([cell.value for cell in cells])


def test_the_resources_csv_neutralises_formulas(client):
    for number, formula in enumerate(FORMULAS):
        ResourceFactory(title_en=f"{formula} #{number}", publisher=f"{formula} #p{number}")
    response = client.get(reverse("resources:csv"))
    assert response.status_code == 200
    assert_inert(cells_with(csv_rows(response), " #"))


def test_the_fund_ranking_csv_neutralises_formulas(client_for, personas):
    objects = make_fund_objects(personas)
    government = objects["fund_evaluated_application"].government
    government.name = f"{FORMULAS[0]} #gov"
    government.save()
    response = client_for("fund_manager").get(
        reverse("fund_workspace:ranking_csv", args=[objects["fund_evaluated_application"].round_id]))
    assert response.status_code == 200
    cells = cells_with(csv_rows(response), " #gov")
    assert cells and all(not cell.startswith("=") for cell in cells), cells
