from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from localaction.activity.models import ActivityLog
from localaction.factories import GovernmentFactory, UserFactory
from localaction.governments import services
from localaction.governments.models import Government, GovernmentRequest, Membership
from localaction.jobs.services import run_due
from localaction.notifications.models import Notification
from localaction.taxonomy.models import Country

from .factories import GovernmentRequestFactory

pytestmark = pytest.mark.django_db

QUEUE = "governments_workspace:requests"


def decide_url(government_request):
    return reverse("governments_workspace:request_decide", args=[government_request.pk])


def registration(user=None):
    return services.request_registration(
        user or UserFactory(), name="Nouvelle Ville", kind=Government.Kind.MUNICIPALITY,
        country=Country.objects.get(code="FR"), position="Mayor's office",
    )


# ---------------------------------------------------------------- the queue


def test_the_queue_lists_pending_requests_oldest_first_with_who_asks(client_for):
    newer = GovernmentRequestFactory(user__full_name="Newer Person", user__email="newer@example.org", government__name="Newer Town")
    older = GovernmentRequestFactory(
        user__full_name="Older Person", government__name="Older Town", position="Deputy mayor", message="I run the office."
    )
    GovernmentRequest.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    GovernmentRequestFactory(government__name="Decided Town", status=GovernmentRequest.Status.APPROVED)
    page = client_for("reviewer").get(reverse(QUEUE)).content.decode()
    assert page.index("Older Town") < page.index("Newer Town")
    assert "Older Person" in page and "Deputy mayor" in page and "I run the office." in page
    assert "newer@example.org" in page
    assert "3\xa0days ago" in page
    assert "Decided Town" not in page
    assert str(newer.government.country) in page


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_the_queue_is_refused_to_everyone_but_reviewers(client_for, persona):
    GovernmentRequestFactory()
    assert client_for(persona).get(reverse(QUEUE)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client_for):
    response = client_for("anonymous").get(reverse(QUEUE))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_members_cannot_decide_by_posting_either(client_for):
    government_request = GovernmentRequestFactory()
    response = client_for("member_a").post(decide_url(government_request), {"decision": "approve"})
    assert response.status_code == 403
    government_request.refresh_from_db()
    assert government_request.status == GovernmentRequest.Status.PENDING


# ---------------------------------------------------------------- approving


def test_approving_a_registration_verifies_the_government(client_for, personas):
    government_request = registration()
    response = client_for("reviewer").post(decide_url(government_request), {"decision": "approve"}, follow=True)
    government_request.refresh_from_db()
    government = government_request.government
    assert government.verified and government.verified_at is not None
    assert Government.objects.public().filter(pk=government.pk).exists()
    assert government_request.status == GovernmentRequest.Status.APPROVED
    assert government_request.decided_by == personas.reviewer and government_request.decided_at is not None
    assert "was approved" in response.content.decode()


def test_approving_a_join_request_makes_a_member_with_the_role_asked_for(personas):
    government_request = GovernmentRequestFactory(government=personas.government_a, role=Membership.Role.FOCAL_POINT)
    services.approve_request(government_request, by=personas.reviewer)
    membership = Membership.objects.get(user=government_request.user, government=personas.government_a)
    assert membership.role == Membership.Role.FOCAL_POINT


def test_the_new_member_reaches_the_government_at_once(client, personas):
    government_request = GovernmentRequestFactory(government=personas.government_a)
    members = reverse("governments_workspace:members", args=["government-a"])
    client.force_login(government_request.user)
    assert client.get(members).status_code == 404
    services.approve_request(government_request, by=personas.reviewer)
    assert client.get(members).status_code == 200


def test_approving_notifies_the_requester_by_notice_and_email_and_records_it(personas):
    government_request = GovernmentRequestFactory(user__email="asker@example.org", government__name="Dakar")
    services.approve_request(government_request, by=personas.reviewer)
    notification = Notification.objects.get(user=government_request.user)
    assert notification.verb == "government_request.approved" and notification.context["government"] == "Dakar"
    entry = ActivityLog.objects.get(verb="government_request.approved")
    assert entry.actor == personas.reviewer and entry.government == government_request.government
    run_due()
    assert [m.to for m in mail.outbox] == [["asker@example.org"]]
    assert "Your request about Dakar was approved." in mail.outbox[0].body


def test_the_admin_has_every_role_and_can_decide(personas):
    government_request = GovernmentRequestFactory()
    services.approve_request(government_request, by=personas.admin)
    government_request.refresh_from_db()
    assert government_request.status == GovernmentRequest.Status.APPROVED


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_may_approve_or_decline(personas, persona):
    government_request = GovernmentRequestFactory()
    with pytest.raises(PermissionDenied):
        services.approve_request(government_request, by=personas.get(persona))
    with pytest.raises(PermissionDenied):
        services.decline_request(government_request, by=personas.get(persona), reason="No.")
    government_request.refresh_from_db()
    assert government_request.status == GovernmentRequest.Status.PENDING


def test_a_decided_request_cannot_be_decided_again(client_for, personas):
    government_request = GovernmentRequestFactory()
    services.decline_request(government_request, by=personas.reviewer, reason="Not a government.")
    with pytest.raises(services.GovernmentError):
        services.approve_request(government_request, by=personas.reviewer)
    response = client_for("reviewer").post(decide_url(government_request), {"decision": "approve"}, follow=True)
    assert "already decided" in response.content.decode()
    assert not Membership.objects.filter(user=government_request.user).exists()


# ---------------------------------------------------------------- declining


def test_declining_without_a_reason_is_explained_next_to_the_field(client_for):
    government_request = GovernmentRequestFactory()
    response = client_for("reviewer").post(decide_url(government_request), {"decision": "decline", "reason": "  "})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert 'id="id_reason_error"' in page and "Give the reason for declining." in page
    government_request.refresh_from_db()
    assert government_request.status == GovernmentRequest.Status.PENDING


def test_the_decline_reason_is_required_by_the_service_too(personas):
    with pytest.raises(services.GovernmentError):
        services.decline_request(GovernmentRequestFactory(), by=personas.reviewer, reason="")


def test_declining_keeps_the_reason_and_tells_the_requester(client_for, personas):
    government_request = GovernmentRequestFactory(user__email="asker@example.org", user__language="fr", government__name="Dakar")
    client_for("reviewer").post(decide_url(government_request), {"decision": "decline", "reason": "We could not confirm your role."})
    government_request.refresh_from_db()
    assert government_request.status == GovernmentRequest.Status.DECLINED
    assert government_request.reason == "We could not confirm your role."
    assert not Membership.objects.filter(user=government_request.user).exists()
    notification = Notification.objects.get(user=government_request.user, verb="government_request.declined")
    assert notification.context["reason"] == "We could not confirm your role."
    assert "/fr/" in notification.url
    assert ActivityLog.objects.filter(verb="government_request.declined", actor=personas.reviewer).exists()
    run_due()
    assert mail.outbox[0].to == ["asker@example.org"]
    assert "We could not confirm your role." in mail.outbox[0].body


def test_the_requester_reads_the_decline_reason_on_their_page(client, personas):
    government_request = GovernmentRequestFactory()
    services.decline_request(government_request, by=personas.reviewer, reason="Please send an official letter.")
    client.force_login(government_request.user)
    page = client.get(reverse("governments_workspace:my_governments")).content.decode()
    assert "Declined" in page and "Please send an official letter." in page


def test_a_declined_registration_leaves_the_government_unverified(personas):
    government_request = registration()
    services.decline_request(government_request, by=personas.reviewer, reason="Duplicate of an existing city.")
    government_request.government.refresh_from_db()
    assert not government_request.government.verified


def test_the_decision_page_shows_a_decided_request_without_a_form(client_for, personas):
    government_request = GovernmentRequestFactory()
    services.decline_request(government_request, by=personas.reviewer, reason="Duplicate.")
    page = client_for("reviewer").get(decide_url(government_request)).content.decode()
    assert "Declined by" in page and "Duplicate." in page
    assert 'value="approve"' not in page


def test_reviewers_emails_of_requesters_never_reach_public_pages(client):
    GovernmentRequestFactory(user__email="private@example.org", government=GovernmentFactory(slug="public-town"))
    for url in (reverse("governments:list"), reverse("governments:detail", args=["public-town"])):
        assert "private@example.org" not in client.get(url).content.decode()
