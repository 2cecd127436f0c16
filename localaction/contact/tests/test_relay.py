"""The relay through the pages: writing to a government, answering, what e-mails carry (and never carry), the
rate limit, and the log."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.urls import reverse

from localaction.activity.models import ActivityLog
from localaction.contact import services
from localaction.contact.models import ContactMessage, ContactReply, Delivery
from localaction.factories import ActionFactory, MembershipFactory, UserFactory
from localaction.governments.models import Membership
from localaction.jobs.services import run_due

from .factories import VerifiedPartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action_b(personas):
    return ActionFactory(published=True, government=personas.government_b, title_en="Welcome centre of B")


def send(client, action, subject="Your welcome centre", body="How did you start it?", on_behalf=None, personas=None):
    data = {"subject": subject, "body": body, "on_behalf": on_behalf or f"g{personas.government_a.pk}"}
    return client.post(reverse("contact:new", args=[action.public_id]), data)


def all_headers_and_text(message):
    values = [message.subject, message.body, message.from_email, *message.to, *message.cc, *message.bcc, *message.reply_to]
    values += [str(value) for value in message.message().values()]
    return "\n".join(values)


def test_a_message_reaches_the_focal_points_without_any_address(client_for, personas, action_b):
    personas.member_a.full_name = "Ada Writer"
    personas.member_a.save()
    MembershipFactory(government=personas.government_b, role=Membership.Role.EDITOR, user__email="editor-b@example.org")
    response = send(client_for("member_a"), action_b, personas=personas)
    message = ContactMessage.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("contact_workspace:thread", args=[message.pk])
    assert mail.outbox == []  # sent by the job runner, not by the request
    run_due()
    [email] = mail.outbox
    assert email.to == ["b@example.org"]  # focal points only; the editor is not e-mailed
    assert email.reply_to == []
    text = all_headers_and_text(email)
    assert "a@example.org" not in text
    assert "Ada Writer" in text and "Government A" in text and "How did you start it?" in text
    assert reverse("contact_workspace:thread", args=[message.pk]) in email.body
    assert ContactMessage.objects.get().status == ContactMessage.Status.RELAYED


def test_with_no_focal_point_every_member_receives_it(client_for, personas, action_b):
    Membership.objects.filter(government=personas.government_b).update(role=Membership.Role.EDITOR)
    send(client_for("member_a"), action_b, personas=personas)
    run_due()
    assert [email.to for email in mail.outbox] == [["b@example.org"]]


def test_a_name_never_falls_back_to_the_address(client_for, personas, action_b):
    personas.member_a.full_name = ""
    personas.member_a.save()
    send(client_for("member_a"), action_b, personas=personas)
    run_due()
    assert "a@example.org" not in all_headers_and_text(mail.outbox[0])
    page = client_for("member_b").get(ContactMessage.objects.get().get_absolute_url()).content.decode()
    assert "a@example.org" not in page


def test_the_answer_reveals_only_the_answerer_then_the_writer(client_for, personas, action_b):
    send(client_for("member_a"), action_b, personas=personas)
    run_due()
    message = ContactMessage.objects.get()
    mail.outbox.clear()
    page = client_for("member_b").get(message.get_absolute_url()).content.decode()
    assert "a@example.org" not in page and "How did you start it?" in page

    client_for("member_b").post(message.get_absolute_url(), {"body": "With volunteers."})
    run_due()
    [answer] = mail.outbox
    assert answer.to == ["a@example.org"] and answer.reply_to == ["b@example.org"]
    assert "With volunteers." in answer.body
    assert ContactMessage.objects.get().status == ContactMessage.Status.ANSWERED

    mail.outbox.clear()
    client_for("member_a").post(message.get_absolute_url(), {"body": "Thank you!"})
    run_due()
    [back] = mail.outbox
    assert back.to == ["b@example.org"] and back.reply_to == ["a@example.org"]


def test_the_writer_is_not_revealed_to_members_who_did_not_answer(client_for, personas, action_b):
    other = MembershipFactory(government=personas.government_b, user__email="b2@example.org").user
    send(client_for("member_a"), action_b, personas=personas)
    message = ContactMessage.objects.get()
    client_for("member_b").post(message.get_absolute_url(), {"body": "With volunteers."})
    run_due()
    mail.outbox.clear()
    client_for("member_a").post(message.get_absolute_url(), {"body": "Thank you!"})
    run_due()
    by_recipient = {email.to[0]: email for email in mail.outbox}
    assert set(by_recipient) == {"b@example.org", "b2@example.org"}
    assert by_recipient["b2@example.org"].reply_to == []
    assert "a@example.org" not in all_headers_and_text(by_recipient["b2@example.org"])
    assert other.email not in all_headers_and_text(by_recipient["b@example.org"])


def test_a_retried_job_sends_nothing_twice(client_for, personas, action_b):
    from localaction.contact.tasks import send_delivery

    send(client_for("member_a"), action_b, personas=personas)
    run_due()
    send_delivery(Delivery.objects.get().pk)
    assert len(mail.outbox) == 1


def test_hostile_input_stays_plain_text_and_on_one_line(client_for, personas, action_b):
    body = "<script>alert(1)</script>\nBcc: victim@example.org"
    send(client_for("member_a"), action_b, subject="Hi\r\nBcc: victim@example.org", body=body, personas=personas)
    run_due()
    [email] = mail.outbox
    assert "\n" not in email.subject and "\r" not in email.subject
    assert email.bcc == [] and email.message()["Bcc"] is None
    assert "<script>alert(1)</script>" in email.body  # plain text: shown as typed, never as HTML
    assert not getattr(email, "alternatives", [])
    page = client_for("member_b").get(ContactMessage.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_the_rate_limit_answers_429_and_stores_nothing(client_for, personas, action_b, settings):
    client = client_for("member_a")
    for n in range(services.PER_HOUR):  # the default limit
        assert send(client, action_b, subject=f"Message {n}", personas=personas).status_code == 302
    response = send(client, action_b, subject="One too many", personas=personas)
    assert response.status_code == 429
    assert "in the last hour" in response.content.decode()
    assert "One too many" in response.content.decode()  # what was typed is kept
    assert ContactMessage.objects.count() == services.PER_HOUR
    assert ActivityLog.objects.filter(verb="contact.refused", actor=personas.member_a).count() == 1


def test_the_daily_limit_counts_older_messages_and_answers(personas, action_b, settings):
    settings.LOCALACTION_CONTACT_PER_HOUR, settings.LOCALACTION_CONTACT_PER_DAY = 2, 3
    identity = f"g{personas.government_a.pk}"
    first = services.send_message(personas.member_a, action_b, identity, "First", "Text")
    services.reply(first, personas.member_a, "Anyone there?")
    ContactMessage.objects.update(created_at=timezone.now() - timedelta(hours=2))
    ContactReply.objects.update(created_at=timezone.now() - timedelta(hours=2))
    services.send_message(personas.member_a, action_b, identity, "Third", "Text")
    with pytest.raises(services.RateLimited):
        services.send_message(personas.member_a, action_b, identity, "Fourth", "Text")
    # Answers from the government contacted never count against it.
    services.reply(first, personas.member_b, "Yes, sorry.")
    services.reply(first, personas.member_b, "Here is more.")
    services.reply(first, personas.member_b, "And more.")


def test_members_cannot_write_to_their_own_government(client_for, personas, action_b):
    assert send(client_for("member_b"), action_b, on_behalf=f"g{personas.government_b.pk}", personas=personas).status_code == 403
    assert not ContactMessage.objects.exists()


def test_someone_cannot_write_on_behalf_of_a_government_they_do_not_belong_to(client_for, personas, action_b):
    other = ActionFactory(published=True).government
    response = send(client_for("member_a"), action_b, on_behalf=f"g{other.pk}", personas=personas)
    assert response.status_code == 200 and not ContactMessage.objects.exists()


def test_a_verified_partner_writes_for_their_organisation(client, personas, action_b):
    partner = VerifiedPartnerFactory(user=UserFactory(full_name="Pat Partner"), organisation="Migrant Network")
    client.force_login(partner.user)
    assert send(client, action_b, on_behalf=f"p{partner.pk}", personas=personas).status_code == 302
    run_due()
    assert "Migrant Network" in mail.outbox[0].body and partner.user.email not in all_headers_and_text(mail.outbox[0])
    partner.active = False
    partner.save()
    assert client.get(reverse("contact:new", args=[action_b.public_id])).status_code == 403


def test_unpublished_actions_cannot_be_contacted_about(client_for, personas):
    draft = ActionFactory(government=personas.government_b)
    assert client_for("member_a").get(reverse("contact:new", args=[draft.public_id])).status_code == 404


def test_sending_is_logged(client_for, personas, action_b):
    send(client_for("member_a"), action_b, personas=personas)
    entry = ActivityLog.objects.get(verb="contact.sent")
    assert entry.actor == personas.member_a and entry.government == personas.government_b
    assert entry.payload["size"] == len("How did you start it?") and entry.payload["action"] == action_b.public_id
