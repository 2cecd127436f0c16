"""Evidence files: public for a published update of a published pledge; otherwise only for the lead government's
members and, once submitted, the reviewers; never through MEDIA_URL."""
import pytest
from django.urls import reverse

from localaction.actions.models import Action, CoPledger
from localaction.progress.models import ProgressUpdate

from .factories import PDF, ProgressUpdateFactory, pdf_upload, published_pledge

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def evidence_of(personas, update_status, **pledge_fields):
    pledge = published_pledge(personas.government_a, **pledge_fields)
    update = ProgressUpdateFactory(action=pledge, status=update_status)
    return update.evidence.create(title="Annual report 2025", file=pdf_upload())


def download(client, evidence):
    return client.get(reverse("progress:evidence", args=[evidence.pk]))


def test_anyone_downloads_the_evidence_of_a_published_update(client_for, personas):
    evidence = evidence_of(personas, Status.PUBLISHED)

    response = download(client_for("anonymous"), evidence)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="annual-report-2025.pdf"'


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED])
@pytest.mark.parametrize("persona", ["anonymous", "member_b", "fund_manager"])
def test_the_evidence_of_an_unpublished_update_does_not_exist_for_others(client_for, personas, status, persona):
    evidence = evidence_of(personas, status)
    assert download(client_for(persona), evidence).status_code == 404


def test_a_withdrawn_pledges_evidence_is_no_longer_public(client_for, personas):
    evidence = evidence_of(personas, Status.PUBLISHED, status=Action.Status.WITHDRAWN)
    assert download(client_for("anonymous"), evidence).status_code == 404
    assert download(client_for("member_a"), evidence).status_code == 200


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
def test_the_lead_governments_members_download_their_draft_evidence(client_for, personas, persona):
    response = download(client_for(persona), evidence_of(personas, Status.DRAFT))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_reviewers_read_submitted_evidence_but_not_drafts(client_for, personas):
    client = client_for("reviewer")
    assert download(client, evidence_of(personas, Status.SUBMITTED)).status_code == 200
    assert download(client, evidence_of(personas, Status.DRAFT)).status_code == 404


def test_a_co_pledging_government_does_not_read_the_leads_draft_evidence(client_for, personas):
    evidence = evidence_of(personas, Status.DRAFT)
    CoPledger.objects.create(action=evidence.update.action, government=personas.government_b, confirmed_at="2025-01-01T00:00Z")
    assert download(client_for("member_b"), evidence).status_code == 404


def test_a_link_is_not_a_file_to_download(client_for, personas):
    update = ProgressUpdateFactory(action=published_pledge(personas.government_a), published=True)
    link = update.evidence.create(title="News", url="https://example.org/news")
    assert download(client_for("anonymous"), link).status_code == 404
