"""Building the annual report's PDF: a job per language, the period's data, the reviewers' choices."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext

from localaction.jobs.services import run_due
from localaction.reports import services
from localaction.reports.annual import report_title
from localaction.reports.models import AnnualReport, GeneratedFile

from .helpers import action, all_text, government, page_text, reader, signatory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]


@pytest.fixture
def edition(personas):
    lyon, dakar, quito = government("Lyon", "FR"), government("Dakar", "SN"), government("Quito", "EC")
    action(lyon, "Welcome desk in Lyon", date(2025, 3, 1), kind="pledge", stage="in_progress")
    clinic = action(dakar, "Dakar legal clinic", date(2025, 6, 1), title_fr="Clinique juridique de Dakar")
    action(lyon, "Old practice from 2023", date(2023, 1, 1))
    signatory(lyon, date(2019, 3, 14), signatory_name="Amina Haddad")
    signatory(dakar, date(2025, 2, 2), signatory_name="Moussa Diop")
    signatory(quito, date(2026, 2, 1))
    report = AnnualReport.objects.create(
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        intro_en="Cities kept their word.", intro_fr="Les villes ont tenu parole.",
    )
    report.highlighted_actions.set([clinic])
    return report


def build(edition, language, by):
    generated = services.request_annual_report(edition, language, by)
    run_due()
    return GeneratedFile.objects.get(pk=generated.pk)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_report_is_a_searchable_pdf_in_each_language(edition, personas, language):
    generated = build(edition, language, personas.reviewer)
    assert generated.status == GeneratedFile.Status.READY and generated.progress == 100
    assert generated.kind == GeneratedFile.Kind.ANNUAL_REPORT and generated.language == language
    assert generated.size == generated.file.size and len(generated.sha256) == 64
    document = reader(generated.file)
    with translation.override(language):
        title, highlights = report_title(), gettext("Highlighted actions")
    cover = page_text(document, 0)
    assert title in cover and "2025" in cover
    text = all_text(document)
    assert text.count(highlights) >= 1
    # The period's two actions are listed, the older one is not.
    assert "Welcome desk in Lyon" in text
    assert "Old practice from 2023" not in text
    # Signatories by the end of the period, without the people who signed.
    assert "Lyon" in text and "Dakar" in text and "Quito" not in text
    assert "Amina Haddad" not in text and "Moussa Diop" not in text


def test_the_introduction_and_highlights_follow_the_language_with_fallback(edition, personas):
    french = all_text(reader(build(edition, "fr", personas.reviewer).file))
    assert "Les villes ont tenu parole." in french and "Clinique juridique de Dakar" in french
    spanish = all_text(reader(build(edition, "es", personas.reviewer).file))
    assert "Cities kept their word." in spanish and "Dakar legal clinic" in spanish


def test_it_prints_one_entry_per_highlighted_action_still_published(edition, personas):
    extra = action(government("Lima", "PE"), "Lima shelter network", date(2025, 8, 8))
    edition.highlighted_actions.add(extra)
    text = all_text(reader(build(edition, "en", personas.reviewer).file))
    start = text.index("Highlighted actions")
    chapter = text[start:text.index("Signatories of the Marrakech Mayors Declaration", start)]
    assert chapter.count("Identifier:") == 2
    assert "Lima shelter network" in chapter and "Dakar legal clinic" in chapter


def test_a_failed_build_is_marked_failed_and_leaves_no_file(edition, personas, media_folder):
    generated = services.request_annual_report(edition, "en", personas.reviewer)
    edition.delete()  # the job finds nothing to build
    run_due()
    generated.refresh_from_db()
    assert generated.status == GeneratedFile.Status.FAILED
    assert not generated.file and generated.size is None and generated.message
    generated_folder = media_folder / "generated"
    assert not generated_folder.exists() or not [path for path in generated_folder.rglob("*") if path.is_file()]


def test_only_reviewers_can_ask_for_a_build(edition, personas):
    with pytest.raises(PermissionDenied):
        services.request_annual_report(edition, "en", personas.member_a)
    assert not GeneratedFile.objects.exists()
