"""Bulk import over the committed sample files: the dry run, all-or-nothing imports, re-imports."""
from datetime import date
from decimal import Decimal

import pytest

from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.governments.models import Government
from localaction.imports import services
from localaction.imports.fields import guess_mapping
from localaction.imports.models import ImportedRecord
from localaction.imports.reading import read_rows
from localaction.imports.tests.samples.make_samples import BAD_ROWS

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db


def check(name, source=None):
    with open(SAMPLES / name, "rb") as handle:
        headers, _rows = read_rows(handle)
        return services.check(handle, guess_mapping(headers), source or name)


def database_state():
    return (
        list(Action.objects.order_by("pk").values_list("pk", "status", "title_en", "title_fr", "title_es", "updated_at")),
        Government.objects.count(), ImportedRecord.objects.count(), ActivityLog.objects.count(),
    )


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_the_dry_run_lists_exactly_the_bad_rows_with_their_columns(name, known_governments):
    plan = check(name)
    bad = {result.number: sorted({column for column, _reason in result.errors}) for result in plan.results if result.errors}
    assert bad == {row: sorted(columns) for row, columns in BAD_ROWS[name].items()}
    assert all(reason for result in plan.results for _column, reason in result.errors)


def test_the_dry_run_writes_nothing(known_governments):
    before = database_state()
    plan = check("partners_en.csv")
    assert plan.counts == {"create": 4, "update": 0, "unchanged": 0, "error": 0}
    assert database_state() == before


def test_the_report_proposes_new_governments_and_matches_known_ones_folding_accents_and_case(known_governments):
    plan = check("gobiernos_es.xlsx")
    by_row = {result.number: result for result in plan.results}
    assert not by_row[2].new_government  # "Bogotá" as in the database
    assert by_row[4].new_government  # Quito
    assert plan.report()["new_governments"] == [["Quito", "EC"]]  # Lima's row has an error: nothing for it


def test_a_file_with_a_bad_row_imports_nothing(known_governments, personas):
    before = database_state()
    plan = check("collectivites_fr.csv")
    with pytest.raises(services.ImportRefused):
        services.apply(plan, personas.reviewer, "collectivites_fr.csv")
    assert database_state() == before


def test_excluding_the_bad_rows_imports_the_others(known_governments, personas):
    plan = check("collectivites_fr.csv")
    counts = services.apply(plan, personas.reviewer, "collectivites_fr.csv", exclude_errors=True)
    assert counts == {"create": 4, "update": 0, "unchanged": 0, "error": 2}
    imported = Action.objects.filter(pk__in=ImportedRecord.objects.values("action"))
    assert sorted(imported.values_list("title_fr", flat=True)) == [
        "Cours de langue", "Emploi des jeunes", "Guichet unique", "Santé pour tous",
    ]
    assert not imported.filter(title_fr="Accueil des mineurs").exists()


def test_imported_actions_enter_review_as_submitted_in_their_language_with_normalised_values(known_governments, personas):
    services.apply(check("collectivites_fr.csv"), personas.reviewer, "fr", exclude_errors=True)
    action = Action.objects.get(title_fr="Guichet unique")
    assert action.status == Action.Status.SUBMITTED and action.submitted_at is not None
    assert action.original_language == "fr" and action.title_en == ""
    assert action.government == known_governments["dakar"]
    assert action.kind == Action.Kind.PLEDGE and action.stage == Action.Stage.PLANNING
    assert sorted(action.gcm_objectives.values_list("number", flat=True)) == [7, 16]
    assert list(action.sdgs.values_list("number", flat=True)) == [10]
    assert sorted(action.terms.values_list("key", flat=True)) == ["migrants", "refugees"]
    assert (action.start_date, action.end_date, action.budget) == (date(2024, 3, 1), date(2025, 12, 31), Decimal("1234.50"))
    assert ActivityLog.objects.filter(verb="action.submitted", object_id=str(action.pk), actor=personas.reviewer).exists()
    ivory = Government.objects.get(name="Abidjan")
    assert ivory.country_id == "CI" and not ivory.verified


def test_english_sample_reads_every_spelling(known_governments, personas):
    services.apply(check("partners_en.csv"), personas.reviewer, "en")
    pledge = Action.objects.get(title_en="Language classes for all")
    assert pledge.government == personas.government_a  # "GOVERNMENT  a", "FR"
    assert sorted(pledge.gcm_objectives.values_list("number", flat=True)) == [7, 16]  # "Obj. 7 / 16"
    assert sorted(pledge.sdgs.values_list("number", flat=True)) == [4, 10]
    assert pledge.terms.get().key == "everyone"
    assert (pledge.budget, pledge.currency, pledge.start_date) == (Decimal("1500000.50"), "EUR", date(2024, 2, 1))
    housing = Action.objects.get(title_en="Housing support")
    assert housing.government == known_governments["bogota"]
    assert sorted(housing.gcm_objectives.values_list("number", flat=True)) == [15, 16]  # "GCM 15;16"
    assert housing.start_date == date(2024, 3, 1)
    fair = Action.objects.get(title_en="Job fair")
    assert list(fair.gcm_objectives.values_list("number", flat=True)) == [15]  # by its title


def test_translation_columns_and_a_detected_original_language(personas):
    services.apply(check("translations.tsv"), personas.reviewer, "tr")
    night = Action.objects.get(title_en="Night school")
    assert night.original_language == "fr"
    assert (night.title_fr, night.title_es) == ("École du soir", "Escuela nocturna")
    assert night.translation_status == {"en": "submitted", "es": "submitted"}
    assert night.terms.get().key == "education"
    mediation = Action.objects.get(title_es="Mediación intercultural")
    assert mediation.original_language == "es"  # only the Spanish title is filled in
    assert list(mediation.gcm_objectives.values_list("number", flat=True)) == [19]


def test_re_importing_the_same_file_changes_nothing(known_governments, personas):
    services.apply(check("partners_en.csv"), personas.reviewer, "partners")
    before = database_state()
    plan = check("partners_en.csv", source="partners")
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 4, "error": 0}
    services.apply(plan, personas.reviewer, "partners")
    assert database_state() == before


def test_a_changed_row_updates_its_action_instead_of_duplicating_it(known_governments, personas, tmp_path):
    services.apply(check("partners_en.csv"), personas.reviewer, "partners")
    changed = tmp_path / "partners.csv"
    changed.write_text((SAMPLES / "partners_en.csv").read_text().replace("Job fair", "Job fair for newcomers"))
    with open(changed, "rb") as handle:
        headers, _rows = read_rows(handle)
        plan = services.check(handle, guess_mapping(headers), "partners")
    assert plan.counts == {"create": 0, "update": 1, "unchanged": 3, "error": 0}
    services.apply(plan, personas.reviewer, "partners")
    assert Action.objects.filter(title_en__startswith="Job fair").get().title_en == "Job fair for newcomers"
    assert Action.objects.count() == 4


def test_a_changed_row_of_a_published_action_is_an_error(known_governments, personas, tmp_path):
    services.apply(check("partners_en.csv"), personas.reviewer, "partners")
    Action.objects.filter(title_en="Job fair").update(status=Action.Status.PUBLISHED)
    changed = tmp_path / "partners.csv"
    changed.write_text((SAMPLES / "partners_en.csv").read_text().replace("Job fair", "Job fair for newcomers"))
    with open(changed, "rb") as handle:
        headers, _rows = read_rows(handle)
        plan = services.check(handle, guess_mapping(headers), "partners")
    [bad] = [result for result in plan.results if result.errors]
    assert bad.number == 5 and bad.errors[0][0] == "ID"


def test_the_same_external_id_in_another_source_is_another_action(known_governments, personas):
    services.apply(check("partners_en.csv"), personas.reviewer, "one")
    services.apply(check("partners_en.csv"), personas.reviewer, "two")
    assert Action.objects.count() == 8
