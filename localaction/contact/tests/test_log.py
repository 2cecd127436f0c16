"""The reviewers' side of the relay: the log (with the texts, for abuse), blocking a sender, verified partners."""
import pytest
from django.urls import reverse

from localaction.activity.models import ActivityLog
from localaction.contact import services
from localaction.contact.models import BlockedSender, VerifiedPartner
from localaction.factories import ActionFactory, UserFactory

from .factories import ContactMessageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(personas):
    action = ActionFactory(published=True, government=personas.government_b)
    return ContactMessageFactory(sender=personas.member_a, sender_organisation="Government A", action=action,
                                 body="A rather specific question")


def test_reviewers_see_every_message_with_its_size_and_text(client_for, message):
    page = client_for("reviewer").get(reverse("contact_workspace:log")).content.decode()
    assert "Government A" in page and "Government B" in page and message.action.public_id in page
    assert "26 characters" in page
    assert "abuse" in page  # the page says why reviewers may read the texts
    detail = client_for("reviewer").get(reverse("contact_workspace:log_detail", args=[message.pk])).content.decode()
    assert "A rather specific question" in detail


@pytest.mark.parametrize("persona", ["anonymous", "member_a", "member_b", "fund_manager"])
def test_nobody_else_sees_the_log(client_for, message, persona):
    assert client_for(persona).get(reverse("contact_workspace:log")).status_code in (302, 403)
    assert client_for(persona).get(reverse("contact_workspace:log_detail", args=[message.pk])).status_code in (302, 403)


def test_the_log_filters_by_sender(client_for, message):
    ContactMessageFactory(subject="Someone else's", sender_organisation="Elsewhere")
    client = client_for("reviewer")
    everyone = client.get(reverse("contact_workspace:log")).content.decode()
    assert "2 messages" in everyone
    one = client.get(reverse("contact_workspace:log"), {"sender": message.sender_id}).content.decode()
    assert "1 message" in one and "Elsewhere" not in one


def test_a_blocked_sender_cannot_write_and_the_block_is_logged(client_for, personas, message):
    url = reverse("contact_workspace:block", args=[personas.member_a.pk])
    client_for("reviewer").post(url, {"reason": "Spam"})
    assert BlockedSender.objects.get().reason == "Spam"
    assert ActivityLog.objects.filter(verb="contact.sender_blocked", actor=personas.reviewer).exists()
    client = client_for("member_a")
    assert client.get(reverse("contact:new", args=[message.action.public_id])).status_code == 403
    assert "Contact this government" not in client.get(message.action.get_absolute_url()).content.decode()
    with pytest.raises(services.ContactRefused):
        services.send_message(personas.member_a, message.action, f"g{personas.government_a.pk}", "Hi", "Text")
    client_for("reviewer").post(url, {"unblock": "1"})
    assert not BlockedSender.objects.exists()
    assert ActivityLog.objects.filter(verb="contact.sender_unblocked").exists()


def test_only_reviewers_can_block(client_for, personas):
    url = reverse("contact_workspace:block", args=[personas.member_b.pk])
    assert client_for("member_a").post(url, {"reason": "Spam"}).status_code == 403
    assert not BlockedSender.objects.exists()


def test_reviewers_verify_and_suspend_partners(client_for, personas):
    person = UserFactory(email="pat@example.org")
    client = client_for("reviewer")
    response = client.post(reverse("contact_workspace:partners"), {"email": "pat@example.org", "organisation": "Migrant Network"})
    assert response.status_code == 302
    partner = VerifiedPartner.objects.get()
    assert partner.user == person and partner.verified_by == personas.reviewer and partner.active
    client.post(reverse("contact_workspace:partner_toggle", args=[partner.pk]))
    partner.refresh_from_db()
    assert not partner.active
    assert ActivityLog.objects.filter(verb="contact.partner_suspended").exists()


def test_an_unknown_address_is_refused_with_the_input_kept(client_for):
    response = client_for("reviewer").post(reverse("contact_workspace:partners"), {"email": "nobody@example.org", "organisation": "X Org"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "No active account has this address" in page and "X Org" in page
