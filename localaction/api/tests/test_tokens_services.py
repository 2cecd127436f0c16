"""Creating and revoking API tokens: the secret is given once and only its hash is kept; both steps are logged."""
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from localaction.activity.models import ActivityLog
from localaction.api import services
from localaction.api.models import ApiToken, digest

pytestmark = pytest.mark.django_db


def test_a_new_token_keeps_only_the_hash_and_a_short_prefix_of_its_secret(personas):
    token, secret = services.create_token(personas.member_a, "City CRM")

    stored = ApiToken.objects.get(pk=token.pk)
    assert secret.startswith("lat_") and len(secret) > 40
    assert stored.secret_digest == digest(secret) and stored.secret_digest != secret
    assert stored.prefix == secret[:12] and stored.name == "City CRM"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert secret not in row


def test_each_token_gets_a_different_secret(personas):
    secrets = {services.create_token(personas.member_a, "CRM")[1] for _ in range(5)}
    assert len(secrets) == 5


def test_a_token_can_expire_after_a_number_of_days(personas):
    token, _secret = services.create_token(personas.member_a, "Short-lived", expires_in_days=30)
    assert 29 <= (token.expires_at - token.created_at).days <= 30
    assert token.state() == ApiToken.State.ACTIVE


def test_creating_a_token_is_recorded_without_its_secret(personas):
    token, secret = services.create_token(personas.member_a, "City CRM")

    entry = ActivityLog.objects.get(verb="api_token.created")
    assert entry.actor == personas.member_a and entry.target == token
    assert entry.payload["prefix"] == token.prefix
    assert secret not in str(entry.payload)


def test_the_owner_revokes_a_token_and_it_is_recorded_once(personas):
    token, _secret = services.create_token(personas.member_a, "City CRM")

    services.revoke_token(token, by=personas.member_a)
    services.revoke_token(token, by=personas.member_a)

    token.refresh_from_db()
    assert token.revoked_at is not None and token.state() == ApiToken.State.REVOKED
    assert ActivityLog.objects.filter(verb="api_token.revoked", actor=personas.member_a).count() == 1


def test_nobody_else_can_revoke_a_token(personas):
    token, _secret = services.create_token(personas.member_a, "City CRM")

    for other in (personas.editor_a, personas.member_b, personas.admin):
        with pytest.raises(PermissionDenied):
            services.revoke_token(token, by=other)
    token.refresh_from_db()
    assert token.revoked_at is None
