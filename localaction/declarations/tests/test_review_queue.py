"""The reviewers' queue of endorsements and their decisions (verify, or reject with a reason)."""
import datetime

import pytest
from django.urls import reverse

from localaction.declarations.models import Endorsement
from localaction.factories import GovernmentFactory

from .factories import EndorsementFactory

pytestmark = pytest.mark.django_db

QUEUE = "declarations_workspace:queue"


def decide(client, endorsement, decision, reason="", follow=True):
    prefix = f"endorsement-{endorsement.pk}"
    data = {f"{prefix}-decision": decision, f"{prefix}-reason": reason}
    return client.post(reverse("declarations_workspace:decide", args=[endorsement.pk]), data, follow=follow)


def test_the_queue_lists_submitted_endorsements_oldest_first_with_their_letters(client_for):
    older = EndorsementFactory(government=GovernmentFactory(name="Older Town"))
    newer = EndorsementFactory(government=GovernmentFactory(name="Newer Town"))
    Endorsement.objects.filter(pk=older.pk).update(created_at=newer.created_at - datetime.timedelta(days=3))
    EndorsementFactory(government=GovernmentFactory(name="Verified Town"), verified=True)
    EndorsementFactory(government=GovernmentFactory(name="Rejected Town"), rejected=True)

    page = client_for("reviewer").get(reverse(QUEUE)).content.decode()

    assert page.index("Older Town") < page.index("Newer Town")
    assert "Verified Town" not in page and "Rejected Town" not in page
    for endorsement in (older, newer):
        assert reverse("declarations_workspace:letter", args=[endorsement.pk]) in page
        assert reverse("declarations_workspace:decide", args=[endorsement.pk]) in page
    assert "2 endorsements of the Marrakech Mayors Declaration wait" in page


def test_an_empty_queue_says_so(client_for):
    assert "Nothing waits for verification." in client_for("reviewer").get(reverse(QUEUE)).content.decode()


def test_a_reviewer_verifies_from_the_queue(client_for, personas):
    endorsement = EndorsementFactory(government=personas.government_a)

    response = decide(client_for("reviewer"), endorsement, "verify")

    assert response.redirect_chain == [(reverse(QUEUE), 302)]
    assert "The endorsement of Government A is verified." in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.VERIFIED


def test_a_reviewer_rejects_with_a_reason(client_for, personas):
    endorsement = EndorsementFactory(government=personas.government_a)

    response = decide(client_for("reviewer"), endorsement, "reject", "The letter names another city.")

    assert "The endorsement of Government A was rejected." in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.REJECTED
    assert endorsement.reason == "The letter names another city."


def test_rejecting_without_a_reason_shows_the_error_on_that_row(client_for, personas):
    endorsement = EndorsementFactory(government=personas.government_a)
    other = EndorsementFactory(government=personas.government_b)

    response = decide(client_for("reviewer"), endorsement, "reject", "   ", follow=False)

    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_endorsement-{endorsement.pk}-reason_error">Give the reason for rejecting.' in page
    assert f'aria-describedby="id_endorsement-{endorsement.pk}-reason_helptext id_endorsement-{endorsement.pk}-reason_error"' in page
    assert f'id="id_endorsement-{other.pk}-reason_error"' not in page
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED


def test_an_unknown_decision_is_refused(client_for, personas):
    endorsement = EndorsementFactory(government=personas.government_a)
    response = decide(client_for("reviewer"), endorsement, "publish", follow=False)
    assert response.status_code == 200
    assert 'class="error" role="alert"' in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED


def test_deciding_twice_says_it_was_already_decided(client_for, personas):
    endorsement = EndorsementFactory(government=personas.government_a, verified=True)
    response = decide(client_for("reviewer"), endorsement, "reject", "Too late.")
    assert "already been decided" in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.VERIFIED


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_decide(client_for, personas, persona):
    endorsement = EndorsementFactory(government=personas.government_a)
    assert decide(client_for(persona), endorsement, "verify", follow=False).status_code == 403
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED


def test_deciding_needs_a_post(client_for, personas):
    endorsement = EndorsementFactory(government=personas.government_a)
    assert client_for("reviewer").get(reverse("declarations_workspace:decide", args=[endorsement.pk])).status_code == 405
