"""The offline template of one action: drop-down lists, upload into a new draft, errors like the editor's, and
the round trip export → upload → same action."""
import io
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from localaction.actions.models import Action, Indicator, Link, Partner
from localaction.actions.services import snapshot_data
from localaction.factories import ActionFactory
from localaction.imports import template
from localaction.taxonomy.models import GCRArea, Term

pytestmark = pytest.mark.django_db


def fill(workbook_bytes, answers):
    """The template with `answers` ({key: value}) typed into the answer column, as bytes."""
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook[template.SHEET]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}
    for key, value in answers.items():
        sheet.cell(row=rows[key], column=4).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_the_template_is_in_the_readers_language_with_drop_down_lists(personas):
    workbook = load_workbook(io.BytesIO(template.build(personas.government_a, language="fr")))
    sheet = workbook[template.SHEET]
    labels = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2) if row[0].value}
    with translation.override("fr"):
        assert labels["title"] == gettext("Title")
        kinds = [str(label) for _value, label in Action.Kind.choices]
    lists = workbook[template.LISTS]
    assert lists.sheet_state == "hidden"
    assert [lists["A1"].value, lists["A2"].value] == kinds
    formulas = {validation.formula1 for validation in sheet.data_validations.dataValidation}
    assert "=Lists!$A$1:$A$2" in formulas  # kind
    kind_row = next(row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value == "kind")
    kind_validation = next(v for v in sheet.data_validations.dataValidation if f"D{kind_row}" in str(v.sqref))
    assert kind_validation.formula1 == "=Lists!$A$1:$A$2"
    assert sheet.column_dimensions["A"].hidden


def test_a_filled_template_becomes_a_draft_of_the_government(personas):
    filled = fill(template.build(personas.government_a, language="en"), {
        "kind": "Engagement", "stage": "In progress", "original_language": "French", "title": "Maison des migrants",
        "summary": "Un lieu d’accueil.", "gcm_objectives:7": "yes", "gcm_objectives:16": "oui", "sdgs:10": "sí",
        "term:target_groups:refugees": "x", "partners:1:name": "Croix-Rouge", "partners:1:kind": "Civil society organisation",
        "start_date": date(2024, 3, 1), "end_date": "31/12/2026", "budget": "1 234,50", "currency": "EUR",
        "indicators:1:name": "People welcomed", "indicators:1:target": 500, "links:1:url": "https://example.org/maison",
        "title_en": "House of migrants", "provided_en": "yes",
    })
    action = template.upload(personas.government_a, personas.member_a, filled)
    action.refresh_from_db()
    assert action.status == Action.Status.DRAFT and action.government == personas.government_a
    assert (action.kind, action.stage, action.original_language) == ("pledge", "in_progress", "fr")
    assert (action.title_fr, action.title_en) == ("Maison des migrants", "House of migrants")
    assert action.translation_status == {"en": "submitted"}
    assert sorted(action.gcm_objectives.values_list("number", flat=True)) == [7, 16]
    assert list(action.sdgs.values_list("number", flat=True)) == [10]
    assert list(action.terms.values_list("key", flat=True)) == ["refugees"]
    assert list(action.partners.values_list("name", "kind")) == [("Croix-Rouge", "civil_society")]
    assert (action.start_date, action.end_date, action.budget) == (date(2024, 3, 1), date(2026, 12, 31), Decimal("1234.50"))
    assert action.indicators.get().target == Decimal("500.00")
    assert action.links.get().url == "https://example.org/maison"


def test_errors_are_listed_by_field_like_the_editor_and_nothing_is_created(personas):
    before = Action.objects.count()
    filled = fill(template.build(personas.government_a, language="en"), {
        "kind": "Pledge", "title": "", "start_date": "not a date", "links:1:url": "nowhere", "currency": "XYZ",
    })
    with pytest.raises(template.TemplateErrors) as raised:
        template.upload(personas.government_a, personas.member_a, filled)
    labels = [error["label"] for error in raised.value.errors]
    assert "Start date" in labels and "Title" in labels
    assert Action.objects.count() == before


def test_errors_of_later_steps_are_reported_and_roll_the_draft_back(personas):
    before = Action.objects.count()
    filled = fill(template.build(personas.government_a, language="en"), {
        "kind": "Practice", "title": "Night school", "links:1:url": "nowhere", "currency": "XYZ",
    })
    with pytest.raises(template.TemplateErrors) as raised:
        template.upload(personas.government_a, personas.member_a, filled)
    labels = [error["label"] for error in raised.value.errors]
    assert any(label.startswith("Link 1") for label in labels)
    assert "Currency" in labels
    assert Action.objects.count() == before


def test_a_file_that_is_not_the_template_is_refused(personas):
    with pytest.raises(template.UnreadableFile):
        template.upload(personas.government_a, personas.member_a, io.BytesIO(b"id,title\n1,x\n"))


def test_round_trip_export_then_upload_gives_the_same_action(personas):
    action = ActionFactory(
        government=personas.government_a, kind=Action.Kind.PLEDGE, stage=Action.Stage.PLANNING, original_language="es",
        title_en="", summary_en="", title_es="Escuela nocturna", summary_es="Clases por la noche.", goals_es="Aprender.",
        title_fr="École du soir", translation_status={"fr": "submitted"}, start_date=date(2024, 1, 1),
        end_date=date(2026, 6, 30), budget=Decimal("1000.00"), currency="EUR", unmet_funding_need=Decimal("250.00"),
        funding_sources="Ciudad", partnership_sought="Escuelas",
    )
    action.gcm_objectives.set([7, 16])
    action.gcr_areas.set(GCRArea.objects.all()[:1])
    action.sdgs.set([4])
    action.terms.set(Term.objects.filter(key__in=["refugees", "education"]))
    Partner.objects.create(action=action, name="Cruz Roja", kind=Partner.Kind.CIVIL_SOCIETY, website="https://example.org")
    Indicator.objects.create(action=action, name="Personas", unit="personas", baseline=Decimal("0"), target=Decimal("300"),
                             target_date=date(2026, 6, 30))
    Link.objects.create(action=action, url="https://example.org/escuela", title="Escuela")
    exported = io.BytesIO(template.build(personas.government_a, action=action, language="fr"))
    copy = template.upload(personas.government_a, personas.member_a, exported)
    before, after = snapshot_data(action), snapshot_data(copy)
    assert after == before
    assert copy.pk != action.pk
