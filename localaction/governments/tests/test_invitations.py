import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from localaction.activity.models import ActivityLog
from localaction.factories import UserFactory
from localaction.governments import services
from localaction.governments.models import Invitation, Membership
from localaction.jobs.models import Job
from localaction.jobs.services import run_due

pytestmark = pytest.mark.django_db

EDITOR, FOCAL_POINT = Membership.Role.EDITOR, Membership.Role.FOCAL_POINT


def invite_url():
    return reverse("governments_workspace:invite", args=["government-a"])


def accept_url(token):
    return reverse("governments_workspace:invitation_accept", args=[token])


def invite(personas, email="colleague@example.org", role=EDITOR):
    return services.invite(personas.government_a, email, role, by=personas.member_a)


def link_in(message):
    """The path of the invitation link in an e-mail's text."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


# ---------------------------------------------------------------- inviting


def test_an_invitation_keeps_only_a_hash_of_its_token_and_expires(personas, settings):
    invitation = invite(personas)
    stored = Invitation.objects.get(pk=invitation.pk)
    assert stored.token_hash == hashlib.sha256(invitation.token.encode()).hexdigest()
    assert invitation.token not in str(Invitation.objects.filter(pk=invitation.pk).values().get())
    expected = timezone.now() + timedelta(days=settings.LOCALACTION_INVITATION_DAYS)
    assert abs((stored.expires_at - expected).total_seconds()) < 60
    assert stored.invited_by == personas.member_a and stored.role == EDITOR


def test_inviting_is_recorded_and_queues_the_email(personas):
    invitation = invite(personas)
    assert ActivityLog.objects.filter(verb="invitation.created", actor=personas.member_a, government=personas.government_a).exists()
    job = Job.objects.get(kind="localaction.governments.tasks.send_invitation_email")
    assert job.payload == {"invitation_id": invitation.pk, "token": invitation.token}
    assert mail.outbox == []


def test_the_email_goes_out_when_jobs_run_with_a_working_link(client, personas):
    invite(personas)
    run_due()
    [message] = mail.outbox
    assert message.to == ["colleague@example.org"]
    assert "Government A" in message.subject
    assert "Editor" in message.body
    html = message.alternatives[0][0]
    assert link_in(message) in html
    colleague = UserFactory(email="colleague@example.org")
    client.force_login(colleague)
    response = client.get(link_in(message))
    assert response.status_code == 200 and "Accept" in response.content.decode()


def test_the_email_is_written_in_the_inviters_language(personas):
    personas.member_a.language = "fr"
    personas.member_a.save()
    invite(personas)
    run_due()
    [message] = mail.outbox
    assert '<html lang="fr">' in message.alternatives[0][0]
    assert link_in(message).startswith("/fr/")


def test_the_focal_point_invites_from_the_members_page(client_for):
    client = client_for("member_a")
    response = client.post(invite_url(), {"email": "New.Colleague@example.org", "role": FOCAL_POINT}, follow=True)
    page = response.content.decode()
    assert "An invitation was sent to new.colleague@example.org." in page
    assert "Invitations waiting for an answer" in page and "new.colleague@example.org" in page
    assert Invitation.objects.get().role == FOCAL_POINT


def test_a_wrong_address_is_explained_next_to_the_field(client_for):
    response = client_for("member_a").post(invite_url(), {"email": "not an address", "role": EDITOR})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_error"' in page and 'value="not an address"' in page
    assert not Invitation.objects.exists()


def test_a_member_cannot_be_invited_again(client_for, personas):
    response = client_for("member_a").post(invite_url(), {"email": personas.editor_a.email, "role": EDITOR})
    assert "is already a member of Government A" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_second_invitation_while_one_waits_is_refused(personas):
    invite(personas)
    with pytest.raises(services.GovernmentError, match="still waiting"):
        invite(personas, email="COLLEAGUE@example.org")


def test_editors_cannot_invite(client_for, personas):
    assert client_for("editor_a").post(invite_url(), {"email": "x@example.org", "role": EDITOR}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.invite(personas.government_a, "x@example.org", EDITOR, by=personas.editor_a)
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["member_b", "reviewer", "admin"])
def test_strangers_cannot_invite(client_for, personas, persona):
    assert client_for(persona).post(invite_url(), {"email": "x@example.org", "role": EDITOR}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.invite(personas.government_a, "x@example.org", EDITOR, by=personas.get(persona))
    assert not Invitation.objects.exists()


# ---------------------------------------------------------------- revoking


def revoke_url(invitation):
    return reverse("governments_workspace:invitation_revoke", args=["government-a", invitation.pk])


def test_a_revoked_invitation_no_longer_opens(client_for, personas):
    invitation = invite(personas)
    client = client_for("member_a")
    response = client.post(revoke_url(invitation), follow=True)
    assert "The invitation to colleague@example.org was revoked." in response.content.decode()
    assert ActivityLog.objects.filter(verb="invitation.revoked").exists()
    client.force_login(UserFactory(email="colleague@example.org"))
    response = client.get(accept_url(invitation.token))
    assert response.status_code == 410
    assert "This invitation was revoked." in response.content.decode()


def test_an_invitation_revoked_before_the_email_went_out_is_not_sent(personas):
    invitation = invite(personas)
    services.revoke_invitation(invitation, by=personas.member_a)
    run_due()
    assert mail.outbox == []


def test_editors_cannot_revoke(client_for, personas):
    invitation = invite(personas)
    assert client_for("editor_a").post(revoke_url(invitation)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.revoke_invitation(invitation, by=personas.editor_a)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_a_used_invitation_cannot_be_revoked(personas):
    invitation = invite(personas)
    services.accept_invitation(invitation.token, UserFactory(email="colleague@example.org"))
    with pytest.raises(services.GovernmentError):
        services.revoke_invitation(invitation, by=personas.member_a)


# ---------------------------------------------------------------- accepting


def test_a_signed_out_visitor_is_asked_to_sign_in_or_sign_up_and_comes_back(client, personas):
    invitation = invite(personas, role=FOCAL_POINT)
    url = accept_url(invitation.token)
    page = client.get(url).content.decode()
    assert "Join Government A" in page and "Focal point" in page
    assert f'href="{reverse("accounts:login")}?next={url}"' in page
    assert f'href="{reverse("accounts:signup")}?next={url}"' in page
    response = client.post(reverse("accounts:signup"), {
        "email": "colleague@example.org", "full_name": "New Colleague", "language": "en",
        "password1": "a sturdy passphrase 42", "password2": "a sturdy passphrase 42", "next": url,
    })
    assert response["Location"] == url
    response = client.post(url, follow=True)
    assert "Welcome to Government A." in response.content.decode()
    membership = Membership.objects.get(user__email="colleague@example.org", government=personas.government_a)
    assert membership.role == FOCAL_POINT


def test_a_signed_out_visitor_cannot_accept_by_posting(client, personas):
    invitation = invite(personas)
    response = client.post(accept_url(invitation.token))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert not Membership.objects.filter(user__email="colleague@example.org").exists()


def test_accepting_makes_a_member_once_and_is_recorded(personas):
    invitation = invite(personas)
    colleague = UserFactory(email="colleague@example.org")
    membership = services.accept_invitation(invitation.token, colleague)
    assert (membership.government, membership.role) == (personas.government_a, EDITOR)
    invitation.refresh_from_db()
    assert invitation.accepted_by == colleague and invitation.accepted_at is not None
    assert ActivityLog.objects.filter(verb="invitation.accepted", actor=colleague).exists()


def test_a_used_invitation_cannot_be_used_again(client, personas):
    invitation = invite(personas)
    colleague = UserFactory(email="colleague@example.org")
    services.accept_invitation(invitation.token, colleague)
    client.force_login(colleague)
    response = client.get(accept_url(invitation.token))
    assert response.status_code == 410
    assert "already used" in response.content.decode()
    with pytest.raises(services.InvitationError):
        services.accept_invitation(invitation.token, colleague)


def test_an_expired_invitation_cannot_be_used(client, personas):
    invitation = invite(personas)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(UserFactory(email="colleague@example.org"))
    response = client.post(accept_url(invitation.token))
    assert response.status_code == 410
    assert "This invitation has expired." in response.content.decode()
    assert not Membership.objects.filter(user__email="colleague@example.org").exists()


def test_an_expired_invitation_is_not_emailed(personas):
    invitation = invite(personas)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    run_due()
    assert mail.outbox == []


def test_an_unknown_token_is_refused(client):
    client.force_login(UserFactory())
    response = client.get(accept_url("not-a-real-token"))
    assert response.status_code == 410
    assert "not valid" in response.content.decode()


def test_someone_else_cannot_use_a_forwarded_link(client, personas):
    invitation = invite(personas)
    client.force_login(personas.member_b)
    page = client.get(accept_url(invitation.token)).content.decode()
    assert "This invitation was sent to colleague@example.org." in page
    assert '<button type="submit">Accept</button>' not in page
    response = client.post(accept_url(invitation.token))
    assert response.status_code == 410
    assert not Membership.objects.filter(user=personas.member_b, government=personas.government_a).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_member_already_in_the_government_is_told_so(personas):
    invitation = services.invite(personas.government_a, "late@example.org", EDITOR, by=personas.member_a)
    late = UserFactory(email="late@example.org")
    Membership.objects.create(user=late, government=personas.government_a)
    with pytest.raises(services.InvitationError, match="already a member"):
        services.accept_invitation(invitation.token, late)


def test_the_email_address_matches_whatever_its_case(personas):
    invitation = invite(personas, email="Colleague@Example.org")
    membership = services.accept_invitation(invitation.token, UserFactory(email="colleague@example.org"))
    assert membership.government == personas.government_a
