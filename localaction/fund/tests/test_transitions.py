"""Every stage transition of an application, tried over HTTP by every persona: only the fund manager decides,
only government A's members hand in their own stages; everyone else is refused and nothing moves."""
import pytest
from django.urls import reverse
from django.utils import timezone

from localaction.fund.models import Stage

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db

# transition → (stage before, submitted before?, how it is made: a decision or the applicant's submission, stage after)
TRANSITIONS = {
    "invite": (Stage.INTAKE, True, "invite", Stage.INVITED),
    "concept note submitted": (Stage.INVITED, False, "submit", Stage.CONCEPT_NOTE),
    "proposal requested": (Stage.CONCEPT_NOTE, True, "request_proposal", Stage.PROPOSAL),
    "proposal submitted": (Stage.PROPOSAL, False, "submit", Stage.PROPOSAL),
    "sent to evaluation": (Stage.PROPOSAL, True, "evaluate", Stage.UNDER_EVALUATION),
    "award": (Stage.UNDER_EVALUATION, False, "award", Stage.AWARDED),
    "waitlist": (Stage.UNDER_EVALUATION, False, "waitlist", Stage.WAITLISTED),
    "decline": (Stage.UNDER_EVALUATION, False, "decline", Stage.DECLINED),
    "award from the waitlist": (Stage.WAITLISTED, False, "award", Stage.AWARDED),
}
DECIDERS = {"fund_manager", "admin"}
APPLICANTS = {"member_a", "editor_a"}


def expected_status(persona, by):
    """302 for whoever may act (and for the anonymous visitor, sent to sign in); 403 for a signed-in user without
    the fund manager's role; 404 for a stranger to government A's application pages."""
    if persona == "anonymous":
        return 302
    if by == "submit":
        return 302 if persona in APPLICANTS else 404
    return 302 if persona in DECIDERS else 403


CASES = [(name, persona) for name in TRANSITIONS for persona in
         ("anonymous", "member_a", "editor_a", "member_b", "reviewer", "fund_manager", "evaluator", "admin")]


@pytest.mark.parametrize(("transition", "persona"), CASES)
def test_each_transition_for_each_persona(client_for, personas, transition, persona):
    before, submitted, by, after = TRANSITIONS[transition]
    application = ApplicationFactory(
        government=personas.government_a, stage=before, submitted_at=timezone.now() if submitted else None
    )
    client = client_for(persona)
    if by == "submit":
        response = client.post(reverse("fund_workspace:answer", args=[personas.government_a.slug, application.pk]), {"submit": ""})
    else:
        response = client.post(reverse("fund_workspace:decide", args=[application.pk]), {"decision": by, "feedback": "Our reasons."})

    assert response.status_code == expected_status(persona, by)
    if persona == "anonymous":
        assert "/login/" in response.url
    application.refresh_from_db()
    allowed = persona in (APPLICANTS if by == "submit" else DECIDERS)
    if allowed:
        assert application.stage == after
        assert (application.submitted_at is not None) == (by == "submit")
        assert application.events.get().actor == personas.get(persona)
    else:
        assert (application.stage, application.submitted_at is not None) == (before, submitted)
        assert not application.events.exists()
