"""The workspace pages of API tokens: a user lists, creates (seeing the secret once) and revokes their own."""
import pytest
from django.urls import reverse

from localaction.api import services
from localaction.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_the_workspace_home_links_to_the_token_page(client_for):
    page = client_for("member_a").get(reverse("workspace:home")).content.decode()
    assert reverse("api_tokens:list") in page


def test_the_list_shows_only_the_users_own_tokens_with_prefix_dates_and_status(client_for, personas):
    mine, _secret = services.create_token(personas.member_a, "City CRM")
    revoked, _secret = services.create_token(personas.member_a, "Old script")
    services.revoke_token(revoked, by=personas.member_a)
    services.create_token(personas.member_b, "Someone else's system")

    page = client_for("member_a").get(reverse("api_tokens:list")).content.decode()

    assert "City CRM" in page and f"{mine.prefix}…" in page and "Old script" in page
    assert "Revoked" in page and "Active" in page and "Never" in page  # never used yet
    assert "Someone else" not in page
    assert reverse("api_tokens:revoke", args=[mine.pk]) in page
    assert reverse("api_tokens:revoke", args=[revoked.pk]) not in page


def test_creating_a_token_shows_its_secret_once_with_a_warning(client_for, personas):
    client = client_for("editor_a")

    response = client.post(reverse("api_tokens:create"), {"name": "Budget system", "expires_in": "90"})

    token = ApiToken.objects.get(user=personas.editor_a)
    secret = response.context["secret"]
    page = response.content.decode()
    assert response.status_code == 200 and secret in page
    assert "shown only this once" in page
    assert "no-store" in response["Cache-Control"]
    assert token.name == "Budget system" and token.expires_at is not None
    assert secret not in client.get(reverse("api_tokens:list")).content.decode()


def test_a_token_without_a_name_is_refused_with_the_reason(client_for):
    response = client_for("member_a").post(reverse("api_tokens:create"), {"name": "", "expires_in": ""})

    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_never_expiring_is_a_choice(client_for, personas):
    client_for("member_a").post(reverse("api_tokens:create"), {"name": "Forever", "expires_in": ""})
    assert ApiToken.objects.get(user=personas.member_a).expires_at is None


def test_revoking_asks_for_confirmation_then_stops_the_token(client_for, personas):
    token, _secret = services.create_token(personas.member_a, "City CRM")
    client = client_for("member_a")
    url = reverse("api_tokens:revoke", args=[token.pk])

    assert "Yes, revoke it" in client.get(url).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None

    response = client.post(url)
    token.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == reverse("api_tokens:list")
    assert token.revoked_at is not None


@pytest.mark.parametrize("persona", ["editor_a", "member_b", "admin"])
def test_another_users_token_is_not_found(client_for, personas, persona):
    token, _secret = services.create_token(personas.member_a, "City CRM")
    client = client_for(persona)
    url = reverse("api_tokens:revoke", args=[token.pk])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("api_tokens:list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
