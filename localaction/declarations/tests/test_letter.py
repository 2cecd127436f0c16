"""The signed letter is served through a permission check, never from the media folder."""
import pytest
from django.urls import reverse

from .factories import PDF, EndorsementFactory, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def endorsement(personas):
    return EndorsementFactory(government=personas.government_a, letter=pdf_upload("Mayor Haddad private copy.pdf"))


def letter_url(endorsement):
    return reverse("declarations_workspace:letter", args=[endorsement.pk])


@pytest.mark.parametrize("persona", ["reviewer", "admin", "member_a", "editor_a"])
def test_reviewers_and_members_of_the_government_download_the_letter(client_for, endorsement, persona):
    response = client_for(persona).get(letter_url(endorsement))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    disposition = response["Content-Disposition"]
    assert disposition == f'attachment; filename="marrakech-declaration-government-a-{endorsement.pk}.pdf"'
    assert "Haddad" not in disposition
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("persona", ["member_b", "fund_manager", "evaluator"])
def test_anyone_else_is_told_the_letter_does_not_exist(client_for, endorsement, persona):
    assert client_for(persona).get(letter_url(endorsement)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, endorsement):
    response = client.get(letter_url(endorsement))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_letter_missing_from_storage_is_not_found(client_for, endorsement):
    endorsement.letter.storage.delete(endorsement.letter.name)
    assert client_for("reviewer").get(letter_url(endorsement)).status_code == 404
