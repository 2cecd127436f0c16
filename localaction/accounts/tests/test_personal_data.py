"""A person can download everything held about them, and delete their account."""
import json

import pytest
from django.urls import reverse

from localaction.accounts.models import User
from localaction.activity.models import ActivityLog
from localaction.activity.services import record
from localaction.api.models import ApiToken
from localaction.api.services import create_token
from localaction.factories import PASSWORD, MembershipFactory
from localaction.governments.models import Membership

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_profile_and_every_linked_record_without_secrets(client_for, personas):
    create_token(personas.member_a, "City CRM")
    record(personas.member_a, "action.submitted", personas.government_a)
    response = client_for("member_a").get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == "a@example.org"
    records = data["records"]
    memberships = records["governments.Membership (user)"]
    assert memberships["items"][0]["government_id"] == personas.government_a.pk
    assert any(item["verb"] == "action.submitted" for item in records["activity.ActivityLog (actor)"]["items"])
    tokens = records["api.ApiToken (user)"]
    assert tokens["items"][0]["name"] == "City CRM"
    assert "secret_digest" in tokens["withheld"] and "secret_digest" not in tokens["fields"]
    body = response.content.decode()
    assert "password" not in json.dumps(data["profile"]) and personas.member_a.password not in body
    assert "b@example.org" not in body  # nobody else's data


def test_the_download_needs_a_signed_in_person(client):
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 302


def test_deleting_asks_for_the_password(client_for, personas):
    client = client_for("editor_a")
    response = client.post(reverse("accounts:delete_account"), {"password": "not mine at all"})
    assert response.status_code == 200 and "This is not your password." in response.content.decode()
    assert User.objects.get(pk=personas.editor_a.pk).is_active


def test_deleting_empties_the_account_keeps_the_history_and_ends_the_sessions(client_for, personas, client):
    user = personas.editor_a
    record(user, "action.submitted", personas.government_a)
    create_token(user, "script")
    other_device = type(client)()
    other_device.force_login(user)
    response = client_for("editor_a").post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert user.full_name == "" and "editor-a" not in user.email
    assert str(user) == f"Deleted user #{user.pk}"
    assert not Membership.objects.filter(user=user).exists()
    assert not ApiToken.objects.filter(user=user).exists()
    entry = ActivityLog.objects.get(verb="action.submitted")
    assert entry.actor_id == user.pk and str(entry.actor) == f"Deleted user #{user.pk}"
    assert ActivityLog.objects.filter(verb="account.deleted", actor=user).exists()
    assert "_auth_user_id" not in client.session
    assert other_device.get(reverse("workspace:home")).status_code == 302


def test_the_last_focal_point_must_hand_over_first(client_for, personas):
    client = client_for("member_a")
    page = client.get(reverse("accounts:delete_account")).content.decode()
    assert "only focal point" in page and "Government A" in page
    client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert User.objects.get(pk=personas.member_a.pk).is_active
    MembershipFactory(government=personas.government_a, role=Membership.Role.FOCAL_POINT)
    assert client.post(reverse("accounts:delete_account"), {"password": PASSWORD}).status_code == 302
    assert not User.objects.get(pk=personas.member_a.pk).is_active
