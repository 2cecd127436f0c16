"""The reviewers' pages of the annual report: edit an edition, ask for its PDF, follow the build, publish it."""
from datetime import date

import pytest
from django.urls import reverse

from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory
from localaction.jobs.services import run_due
from localaction.reports.models import AnnualReport, GeneratedFile

from .helpers import action, government

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {"period_start": "2025-01-01", "period_end": "2025-12-31", "intro_en": "A year of local action.",
            "intro_fr": "", "intro_es": "", "highlighted": ""}
    data.update(overrides)
    return data


def test_a_reviewer_creates_an_edition_with_highlighted_actions(client_for, personas):
    highlighted = action(government("Lyon"), "Welcome desk", date(2025, 3, 1))
    response = client_for("reviewer").post(
        reverse("reports_workspace:edition_create"), form_data(highlighted=f"  {highlighted.public_id.upper()}, ")
    )
    edition = AnnualReport.objects.get()
    assert response.status_code == 302 and response.url == reverse("reports_workspace:edition", args=[edition.pk])
    assert list(edition.highlighted_actions.all()) == [highlighted]
    assert edition.created_by == edition.updated_by == personas.reviewer
    assert ActivityLog.objects.filter(verb="annual_report.created").exists()


def test_unknown_or_unpublished_actions_cannot_be_highlighted(client_for, personas):
    draft = ActionFactory(government=government("Lyon"), title_en="Draft")
    response = client_for("reviewer").post(
        reverse("reports_workspace:edition_create"), form_data(highlighted=f"zzzzzzzz {draft.public_id}")
    )
    assert response.status_code == 200
    assert "zzzzzzzz" in response.content.decode() and draft.public_id in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_the_period_must_not_end_before_it_starts(client_for, personas):
    response = client_for("reviewer").post(
        reverse("reports_workspace:edition_create"), form_data(period_start="2026-01-01", period_end="2025-01-01")
    )
    assert response.status_code == 200 and not AnnualReport.objects.exists()
    assert "The period must end on or after its first day." in response.content.decode()


@pytest.fixture
def edition(personas):
    return AnnualReport.objects.create(period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), intro_en="Hello")


def test_asking_for_a_pdf_queues_a_build_and_shows_its_progress(client_for, edition, personas):
    client = client_for("reviewer")
    response = client.post(reverse("reports_workspace:edition_build", args=[edition.pk]), {"language": "fr"})
    generated = GeneratedFile.objects.get()
    assert response.status_code == 302 and response.url == reverse("reports_workspace:file", args=[generated.pk])
    assert (generated.kind, generated.language, generated.status) == ("annual_report", "fr", "queued")
    assert generated.parameters == {"edition": edition.pk} and generated.requested_by == personas.reviewer
    page = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' in page and generated.get_status_display() in page
    GeneratedFile.objects.filter(pk=generated.pk).update(status="building", progress=40, message="Drawing the charts")
    page = client.get(response.url).content.decode()
    assert 'value="40"' in page and "Drawing the charts" in page


@pytest.mark.usefixtures("needs_weasyprint")
def test_reviewers_list_and_download_the_built_files(client_for, edition, personas):
    client = client_for("reviewer")
    client.post(reverse("reports_workspace:edition_build", args=[edition.pk]), {"language": "en"})
    run_due()
    generated = GeneratedFile.objects.get()
    page = client.get(reverse("reports_workspace:index")).content.decode()
    assert generated.title in page and reverse("reports_workspace:file_download", args=[generated.pk]) in page
    assert personas.reviewer.full_name in page
    download = client.get(reverse("reports_workspace:file_download", args=[generated.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["Cache-Control"] == "private, no-store"


def test_a_file_that_is_not_ready_cannot_be_downloaded(client_for, edition, personas):
    client = client_for("reviewer")
    client.post(reverse("reports_workspace:edition_build", args=[edition.pk]), {"language": "en"})
    generated = GeneratedFile.objects.get()
    assert client.get(reverse("reports_workspace:file_download", args=[generated.pk])).status_code == 404


def test_the_files_list_filters_by_kind(client_for, edition, personas):
    client = client_for("reviewer")
    client.post(reverse("reports_workspace:edition_build", args=[edition.pk]), {"language": "es"})
    assert "Report on Local Action" in client.get(reverse("reports_workspace:index") + "?kind=annual_report").content.decode()
    assert "Report on Local Action for Migrants and Refugees 2025" not in (
        client.get(reverse("reports_workspace:index") + "?kind=handover").content.decode().split("Generated files", 1)[1]
    )


@pytest.mark.usefixtures("needs_weasyprint")
def test_publishing_an_edition_links_its_pdfs_on_the_public_page(client_for, client, edition, personas):
    reviewer = client_for("reviewer")
    reviewer.post(reverse("reports_workspace:edition_build", args=[edition.pk]), {"language": "fr"})
    run_due()
    public_url = reverse("reports:download", args=[edition.pk, "fr"])
    client.logout()
    assert public_url not in client.get(reverse("reports:list")).content.decode()
    assert client.get(public_url).status_code == 404

    client_for("reviewer").post(reverse("reports_workspace:edition_publish", args=[edition.pk]), {"published": "1"})
    edition.refresh_from_db()
    assert edition.is_published and edition.published_at and GeneratedFile.objects.get().is_public
    client.logout()
    assert public_url in client.get(reverse("reports:list")).content.decode()
    response = client.get(public_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(reverse("reports:download", args=[edition.pk, "es"])).status_code == 404  # not built in Spanish

    client_for("reviewer").post(reverse("reports_workspace:edition_publish", args=[edition.pk]), {"published": "0"})
    client.logout()
    assert client.get(public_url).status_code == 404
