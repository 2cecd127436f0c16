"""What real spreadsheets contain, read into clean values or a precise error."""
import io
from datetime import date, datetime
from decimal import Decimal

import pytest

from localaction.imports.normalise import Invalid, Lookups, boolean, currency, date_value, decimal_value, fold
from localaction.imports.reading import UnreadableFile, read_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def lookups(db):
    return Lookups()


@pytest.mark.parametrize("cell", [
    "7, 16", "Obj. 7 / 16", "GCM 7;16", "7 et 16", "Objetivo 7 y 16", "objectives 7 and 16", "16\n7", "7|16", "#7, #16",
    "Address and reduce vulnerabilities in migration; 16",
])
def test_gcm_objectives_in_the_ways_people_write_them(lookups, cell):
    assert lookups.gcm_objectives(cell) == [7, 16]


@pytest.mark.parametrize("cell,expected", [
    ("Collect and utilize accurate and disaggregated data as a basis for evidence-based policies", [1]),
    ("Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits", [1]),
    ("RECOPILAR Y UTILIZAR DATOS EXACTOS Y DESGLOSADOS PARA FORMULAR POLITICAS CON BASE EMPIRICA", [1]),
    ("Data", [1]), ("12", [12]), (12, [12]), ("", []), (None, []),
])
def test_gcm_objectives_by_title_in_three_languages_or_number(lookups, cell, expected):
    assert lookups.gcm_objectives(cell) == expected


@pytest.mark.parametrize("cell", ["24", "0", "7, 42", "Obj. seven", "climate"])
def test_unknown_objectives_are_named_in_the_error(lookups, cell):
    with pytest.raises(Invalid) as raised:
        lookups.gcm_objectives(cell)
    assert "GCM objectives" in str(raised.value)


@pytest.mark.parametrize("cell,code", [
    ("France", "FR"), ("fr", "FR"), ("FRA", "FR"), ("Sénégal", "SN"), ("senegal", "SN"), ("Perú", "PE"), ("Pérou", "PE"),
    ("Côte d’Ivoire", "CI"), ("cote d'ivoire", "CI"), ("Allemagne", "DE"), ("Alemania", "DE"), ("Germany", "DE"),
])
def test_countries_by_name_in_three_languages_or_iso_code(lookups, cell, code):
    assert lookups.country(cell) == code


def test_an_unknown_country_is_an_error(lookups):
    with pytest.raises(Invalid, match="Atlantis"):
        lookups.country("Atlantis")


@pytest.mark.parametrize("cell", [
    "2024-03-01", "01/03/2024", "1/3/2024", "01.03.2024", "2024/03/01", "1 March 2024", "March 1, 2024", "1er mars 2024",
    "1 de marzo de 2024", "01-03-24", datetime(2024, 3, 1, 10, 30), date(2024, 3, 1), 45352, "2024-03-01 00:00:00",
])
def test_dates_in_common_formats(cell):
    assert date_value(cell) == date(2024, 3, 1)


def test_month_first_dates_are_recognised_when_the_day_cannot_be_a_month():
    assert date_value("12/31/2024") == date(2024, 12, 31)


@pytest.mark.parametrize("cell", ["32/13/2024", "soon", "2024-02-30"])
def test_a_bad_date_is_an_error(cell):
    with pytest.raises(Invalid):
        date_value(cell)


@pytest.mark.parametrize("cell", ["yes", "Oui", "SÍ", "si", "x", "true", "Vrai", "1", True])
def test_yes_in_three_languages(cell):
    assert boolean(cell) is True


@pytest.mark.parametrize("cell", ["no", "Non", "NO", "false", "faux", "0", "", None, False])
def test_no_in_three_languages(cell):
    assert boolean(cell) is False


def test_neither_yes_nor_no():
    with pytest.raises(Invalid):
        boolean("maybe")


@pytest.mark.parametrize("cell,kind", [
    ("Practice", "practice"), ("pratique", "practice"), ("Bonne pratique", "practice"), ("Práctica", "practice"),
    ("pledge", "pledge"), ("Engagement", "pledge"), ("compromiso", "pledge"),
])
def test_kinds_in_three_languages(lookups, cell, kind):
    assert lookups.kind(cell) == kind


@pytest.mark.parametrize("cell,language", [("fr", "fr"), ("Français", "fr"), ("francés", "fr"), ("English", "en"),
                                           ("Espagnol", "es"), ("castellano", "es")])
def test_languages(lookups, cell, language):
    assert lookups.language(cell) == language


@pytest.mark.parametrize("cell,amount", [
    (1234.5, "1234.50"), ("1 234,50", "1234.50"), ("1.234.567,89", "1234567.89"), ("1,234,567.89", "1234567.89"),
    ("USD 12,000", "12000.00"), ("€ 5 000", "5000.00"), ("12000", "12000.00"), ("0.5", "0.50"), ("3,5", "3.50"),
])
def test_amounts_written_the_french_or_the_english_way(cell, amount):
    assert decimal_value(cell) == Decimal(amount)


def test_currencies_by_code_or_sign():
    assert (currency("eur"), currency("€"), currency("$")) == ("EUR", "EUR", "USD")
    with pytest.raises(Invalid):
        currency("XYZ")


def test_terms_with_commas_in_their_names(lookups):
    reader = lookups.vocabularies["target_groups"]
    assert len(reader("Everyone, regardless of status; Refugees")) == 2


def test_fold_ignores_case_accents_and_spacing():
    assert fold("  Bogotá   D.C. ") == fold("BOGOTA d.c.")


@pytest.mark.parametrize("content", [
    "id;titre\r\n1;Été\r\n".encode("cp1252"),
    "\ufeffid,titre\n1,Été\n".encode(),
    "id\ttitre\n1\tÉté\n".encode(),
])
def test_csv_files_in_the_encodings_and_delimiters_of_real_tools(content):
    headers, rows = read_rows(io.BytesIO(content))
    assert headers == ["id", "titre"]
    assert list(rows) == [(2, ["1", "Été"])]


def test_blank_rows_are_skipped_but_keep_the_numbering():
    headers, rows = read_rows(io.BytesIO(b"id,title\n\n,\n3,x\n"))
    assert list(rows) == [(4, ["3", "x"])]


def test_a_binary_file_is_refused():
    with pytest.raises(UnreadableFile):
        read_rows(io.BytesIO(b"\x00\x01binary"))
