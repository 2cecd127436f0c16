"""After a decision, the job runner e-mails the government's focal points, each in their own language."""
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from localaction.declarations import services
from localaction.jobs.services import run_due

from .factories import EndorsementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_focal_point(personas):
    personas.member_a.language = "fr"
    personas.member_a.save(update_fields=["language"])
    return personas.member_a


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def test_verifying_e_mails_the_focal_points_in_their_language(personas, french_focal_point):
    endorsement = EndorsementFactory(government=personas.government_a)
    services.verify(endorsement, personas.reviewer)
    assert mail.outbox == []  # sent by the job runner, not while the reviewer waits

    assert run_due() == (1, 0)

    assert [message.to for message in mail.outbox] == [[french_focal_point.email]]  # not the editor, not B
    message = mail.outbox[0]
    assert "Government A" in message.subject
    assert "Government A" in message.body
    # Needs helper E's templates/notifications/email/notice.html (present when this test was written).
    assert '<html lang="fr"' in html_of(message)
    with translation.override("fr"):
        endorse_url = reverse("declarations_workspace:endorse", args=[personas.government_a.slug])
    assert endorse_url in message.body


def test_rejecting_e_mails_the_reason(personas, french_focal_point):
    endorsement = EndorsementFactory(government=personas.government_a)
    services.reject(endorsement, personas.reviewer, "The letter is not signed.")

    run_due()

    assert [message.to for message in mail.outbox] == [[french_focal_point.email]]
    assert "The letter is not signed." in mail.outbox[0].body
    assert '<html lang="fr"' in html_of(mail.outbox[0])
