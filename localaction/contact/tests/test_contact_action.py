"""The "Contact this government" section of an action's page, and the conversation pages."""
import pytest
from django.urls import reverse

from localaction.factories import ActionFactory

from .factories import ContactMessageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action_b(personas):
    return ActionFactory(published=True, government=personas.government_b)


def test_members_of_another_government_get_the_link(client_for, action_b):
    page = client_for("member_a").get(action_b.get_absolute_url()).content.decode()
    assert reverse("contact:new", args=[action_b.public_id]) in page and "Contact this government" in page


def test_anonymous_visitors_are_asked_to_sign_in(client_for, action_b):
    page = client_for("anonymous").get(action_b.get_absolute_url()).content.decode()
    assert "Sign in to contact this government" in page and reverse("accounts:login") in page


@pytest.mark.parametrize("persona", ["member_b", "reviewer"])
def test_its_own_members_and_people_without_a_government_see_nothing(client_for, action_b, persona):
    assert "Contact this government" not in client_for(persona).get(action_b.get_absolute_url()).content.decode()


def test_the_form_names_the_identity_and_the_limit(client_for, personas, action_b):
    page = client_for("member_a").get(reverse("contact:new", args=[action_b.public_id])).content.decode()
    assert "Government A" in page and "5 messages an hour" in page and "reviewers can read" in page


def test_the_inbox_lists_sent_and_received_conversations(client_for, personas, action_b):
    ContactMessageFactory(sender=personas.member_a, action=action_b, subject="From A to B")
    assert "From A to B" in client_for("member_a").get(reverse("contact_workspace:inbox")).content.decode()
    assert "From A to B" in client_for("member_b").get(reverse("contact_workspace:inbox")).content.decode()
    assert "From A to B" not in client_for("editor_a").get(reverse("contact_workspace:inbox")).content.decode()


def test_a_stranger_cannot_answer_a_conversation(client_for, personas, action_b):
    message = ContactMessageFactory(sender=personas.member_a, action=action_b)
    assert client_for("editor_a").post(message.get_absolute_url(), {"body": "Hi"}).status_code == 404
    assert not message.replies.exists()
