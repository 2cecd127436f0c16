"""declarations.services: who may endorse, verify and reject, and which transitions are allowed."""
import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from localaction.activity.models import ActivityLog
from localaction.declarations import services
from localaction.declarations.models import Endorsement
from localaction.factories import GovernmentFactory, MembershipFactory
from localaction.governments.models import Membership
from localaction.notifications.models import Notification

from .factories import EndorsementFactory, pdf_upload

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2019, 6, 20)


def endorse(government, by, **overrides):
    fields = {"signatory_name": "Amina Haddad", "signatory_title": "Mayor of Government A", "signed_on": SIGNED_ON,
              "letter": pdf_upload()}
    fields.update(overrides)
    return services.endorse(government, by, **fields)


def verbs(endorsement):
    return list(ActivityLog.objects.filter(object_id=str(endorsement.pk), verb__startswith="endorsement.")
                .order_by("created_at", "id").values_list("verb", flat=True))


# ---------------------------------------------------------------- endorse


def test_a_focal_point_of_a_verified_government_endorses_it(personas):
    endorsement = endorse(personas.government_a, personas.member_a)

    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED
    assert endorsement.government == personas.government_a
    assert endorsement.submitted_by == personas.member_a
    assert endorsement.signed_on == SIGNED_ON
    assert endorsement.letter.read().startswith(b"%PDF-")
    # Stored under a random name, not the one the uploader gave.
    assert "signed-letter" not in endorsement.letter.name
    entry = ActivityLog.objects.get(verb="endorsement.submitted")
    assert entry.actor == personas.member_a
    assert entry.government == personas.government_a
    assert entry.payload == {"signed_on": "2019-06-20"}


@pytest.mark.parametrize("persona", ["editor_a", "member_b", "reviewer", "fund_manager", "evaluator", "admin"])
def test_nobody_but_a_focal_point_of_the_government_may_endorse_it(personas, persona):
    with pytest.raises(PermissionDenied):
        endorse(personas.government_a, personas.get(persona))
    assert not Endorsement.objects.exists()
    assert not ActivityLog.objects.filter(verb="endorsement.submitted").exists()


def test_an_anonymous_visitor_may_not_endorse(personas):
    with pytest.raises(PermissionDenied):
        endorse(personas.government_a, AnonymousUser())


def test_a_government_not_yet_verified_may_not_endorse():
    membership = MembershipFactory(government=GovernmentFactory(verified=False), role=Membership.Role.FOCAL_POINT)
    with pytest.raises(services.TransitionError, match="not verified"):
        endorse(membership.government, membership.user)
    assert not Endorsement.objects.exists()


@pytest.mark.parametrize("status", [Endorsement.Status.SUBMITTED, Endorsement.Status.VERIFIED])
def test_a_government_with_an_endorsement_in_play_may_not_send_another(personas, status):
    EndorsementFactory(government=personas.government_a, status=status)
    with pytest.raises(services.TransitionError, match="already been sent"):
        endorse(personas.government_a, personas.member_a)
    assert Endorsement.objects.count() == 1


def test_a_rejected_endorsement_can_be_replaced_by_a_new_one(personas):
    rejected = EndorsementFactory(government=personas.government_a, rejected=True)

    replacement = endorse(personas.government_a, personas.member_a)

    assert replacement.pk != rejected.pk
    assert replacement.status == Endorsement.Status.SUBMITTED
    assert services.current_endorsement(personas.government_a) == replacement


def test_the_service_itself_refuses_a_letter_that_is_not_a_pdf(personas):
    with pytest.raises(ValidationError):
        endorse(personas.government_a, personas.member_a, letter=pdf_upload(content=b"<html>not a pdf</html>"))
    assert not Endorsement.objects.exists()


def test_the_service_itself_refuses_a_date_in_the_future(personas):
    with pytest.raises(ValidationError):
        endorse(personas.government_a, personas.member_a, signed_on=timezone.localdate() + datetime.timedelta(days=1))
    assert not Endorsement.objects.exists()


# ---------------------------------------------------------------- verify


@pytest.mark.parametrize("persona", ["reviewer", "admin"])
def test_a_reviewer_verifies_a_submitted_endorsement(personas, persona):
    endorsement = EndorsementFactory(government=personas.government_a)

    services.verify(endorsement, personas.get(persona))

    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.VERIFIED
    assert endorsement.decided_by == personas.get(persona)
    assert endorsement.decided_at is not None
    assert verbs(endorsement) == ["endorsement.verified"]
    assert Endorsement.objects.verified().get() == endorsement


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_verify(personas, persona):
    endorsement = EndorsementFactory(government=personas.government_a)
    with pytest.raises(PermissionDenied):
        services.verify(endorsement, personas.get(persona))
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED
    assert verbs(endorsement) == []


@pytest.mark.parametrize("status", [Endorsement.Status.VERIFIED, Endorsement.Status.REJECTED])
def test_a_decided_endorsement_cannot_be_verified_again(personas, status):
    endorsement = EndorsementFactory(government=personas.government_a, status=status)
    with pytest.raises(services.TransitionError, match="already been decided"):
        services.verify(endorsement, personas.reviewer)
    endorsement.refresh_from_db()
    assert endorsement.status == status


def test_verifying_tells_the_focal_points_only(personas):
    second_focal_point = MembershipFactory(government=personas.government_a, role=Membership.Role.FOCAL_POINT).user
    endorsement = EndorsementFactory(government=personas.government_a)

    services.verify(endorsement, personas.reviewer)

    notified = set(Notification.objects.filter(verb="endorsement.verified").values_list("user__email", flat=True))
    assert notified == {personas.member_a.email, second_focal_point.email}
    notice = Notification.objects.filter(user=personas.member_a).get()
    assert notice.context == {"government": "Government A"}
    assert notice.url.endswith(f"/{personas.government_a.slug}/")


# ---------------------------------------------------------------- reject


def test_a_reviewer_rejects_with_a_reason_the_focal_points_read(personas):
    endorsement = EndorsementFactory(government=personas.government_a)

    services.reject(endorsement, personas.reviewer, "  The letter is not signed.  ")

    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.REJECTED
    assert endorsement.reason == "The letter is not signed."
    assert endorsement.decided_by == personas.reviewer
    assert verbs(endorsement) == ["endorsement.rejected"]
    assert ActivityLog.objects.get(verb="endorsement.rejected").payload == {"reason": "The letter is not signed."}
    notice = Notification.objects.get(verb="endorsement.rejected")
    assert notice.user == personas.member_a
    assert notice.context == {"government": "Government A", "reason": "The letter is not signed."}
    assert not Endorsement.objects.verified().exists()


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_rejecting_needs_a_reason(personas, reason):
    endorsement = EndorsementFactory(government=personas.government_a)
    with pytest.raises(services.TransitionError, match="reason"):
        services.reject(endorsement, personas.reviewer, reason)
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED
    assert not Notification.objects.exists()


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_reject(personas, persona):
    endorsement = EndorsementFactory(government=personas.government_a)
    with pytest.raises(PermissionDenied):
        services.reject(endorsement, personas.get(persona), "No.")
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.SUBMITTED


def test_a_verified_endorsement_cannot_be_rejected(personas):
    endorsement = EndorsementFactory(government=personas.government_a, verified=True)
    with pytest.raises(services.TransitionError, match="already been decided"):
        services.reject(endorsement, personas.reviewer, "Changed our mind.")
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.VERIFIED
