"""No write endpoint response carries a member's e-mail address, phone number or name — not the author of a
draft or update, not a reviewer, not the token's owner."""
import pytest
from django.urls import get_resolver

from localaction.actions import services
from localaction.actions.models import Action
from localaction.progress.tests.factories import ProgressUpdateFactory, published_pledge

from .write_helpers import api_for, api_url  # noqa: F401

pytestmark = pytest.mark.django_db

PHONE = "+33 1 23 45 67 89"


def personal_data(personas):
    users = [personas.get(name) for name in personas.NAMES if name != "anonymous"]
    return [value for user in users for value in (user.email, user.full_name) if value]


def test_no_write_endpoint_shows_a_members_email_phone_or_name(api_for, personas):
    for user in (personas.member_a, personas.editor_a):
        # Users have no phone field; one typed into a name must not get out either.
        user.full_name = f"Personne {user.pk} Privée {PHONE}"
        user.save()
    pledge = published_pledge(personas.government_a, created_by=personas.member_a)
    update = ProgressUpdateFactory(action=pledge, created_by=personas.editor_a, review_note="Add the figures.")
    draft = services.create_draft(personas.government_a, personas.editor_a, kind=Action.Kind.PRACTICE, title_en="Cafés")
    api = api_for("member_a")

    responses = [
        api.get(api_url("workspace-government-list")),
        api.get(api_url("workspace-action-list")),
        api.post(api_url("workspace-action-list"), {"government": "government-a", "kind": "practice",
                                                    "original_language": "en", "title": "New"}),
        api.post(api_url("workspace-action-list"), {"government": "government-a", "kind": "pledge", "title": ""}),
        api.get(api_url("workspace-action-detail", draft.public_id)),
        api.patch(api_url("workspace-action-detail", draft.public_id), {"summary": "Weekly."}),
        api.post(api_url("workspace-action-submit", draft.public_id)),
        api.post(api_url("workspace-action-revise", pledge.public_id)),
        api.post(api_url("workspace-action-withdraw", draft.public_id)),
        api.get(api_url("workspace-progress-list", pledge.public_id)),
        api.post(api_url("workspace-progress-list", pledge.public_id), {}),
        api.get(api_url("workspace-progress-detail", update.pk)),
        api.patch(api_url("workspace-progress-detail", update.pk), {"money_spent": "10"}),
        api.post(api_url("workspace-progress-submit", update.pk)),
        api.post(api_url("workspace-progress-withdraw", update.pk)),
        api_for("member_b").get(api_url("workspace-action-detail", draft.public_id)),
        api_for("anonymous").get(api_url("workspace-action-list")),
    ]

    private = personal_data(personas)
    for response in responses:
        body = response.content.decode()
        assert not [value for value in private if value in body], (response.request["PATH_INFO"], body)
        assert "@" not in body and PHONE not in body, body


def test_the_test_above_covers_every_write_endpoint():
    write = {name for name in get_resolver().namespace_dict["api"][1].reverse_dict if isinstance(name, str)
             and name.startswith("workspace-")}
    assert write == {
        "workspace-government-list", "workspace-action-list", "workspace-action-detail", "workspace-action-submit",
        "workspace-action-withdraw", "workspace-action-revise", "workspace-progress-list", "workspace-progress-detail",
        "workspace-progress-submit", "workspace-progress-withdraw",
    }
