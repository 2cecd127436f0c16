"""`Authorization: Token <secret>`: what lets a request in, what does not (401), and what the schema says."""
from datetime import timedelta

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from localaction.api import services
from localaction.api.models import ApiToken

from .write_helpers import TokenClient, api_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    return api_url("workspace-government-list")


@pytest.fixture
def token(personas):
    return services.create_token(personas.member_a, "City CRM")


def test_a_valid_token_acts_as_its_owner(client, token, url):
    response = TokenClient(client, token[1]).get(url)
    assert response.status_code == 200
    assert response.json() == [
        {"slug": "government-a", "name": "Government A", "verified": True, "role": "focal_point"},
    ]


def test_without_a_token_the_answer_is_401_and_says_how_to_authenticate(client, url):
    response = client.get(url)
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"


def test_a_signed_in_browser_session_is_not_enough(client, personas, url):
    client.force_login(personas.member_a)
    assert client.get(url).status_code == 401
    assert client.post(api_url("workspace-action-list"), {"government": "government-a"}).status_code == 401


@pytest.mark.parametrize("header", [
    "Token lat_not-a-real-secret", "Token", "Token two parts", "token lat_wrong",
])
def test_a_wrong_or_malformed_token_gets_401(client, url, header):
    response = client.get(url, headers={"Authorization": header})
    assert response.status_code == 401


def test_a_revoked_token_stops_working_at_once(client, token, personas, url):
    api = TokenClient(client, token[1])
    assert api.get(url).status_code == 200

    services.revoke_token(token[0], by=personas.member_a)

    response = api.get(url)
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    assert api.post(api_url("workspace-action-list"), {"government": "government-a"}).status_code == 401


def test_an_expired_token_stops_working(client, personas, url):
    token, secret = services.create_token(personas.member_a, "Short-lived", expires_in_days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = TokenClient(client, secret).get(url)
    assert response.status_code == 401 and "expired" in response.json()["detail"]


def test_the_token_of_a_deactivated_account_stops_working(client, token, personas, url):
    personas.member_a.is_active = False
    personas.member_a.save()
    assert TokenClient(client, token[1]).get(url).status_code == 401


def test_use_is_recorded_at_most_once_a_minute(client, token, url):
    api = TokenClient(client, token[1])
    api.get(url)
    first = ApiToken.objects.get(pk=token[0].pk).last_used_at
    assert first is not None

    api.get(url)
    assert ApiToken.objects.get(pk=token[0].pk).last_used_at == first

    ApiToken.objects.filter(pk=token[0].pk).update(last_used_at=first - timedelta(minutes=2))
    api.get(url)
    assert ApiToken.objects.get(pk=token[0].pk).last_used_at > first - timedelta(minutes=2)


def test_the_schema_documents_the_token_header_on_the_write_endpoints():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    scheme = schema["components"]["securitySchemes"]["tokenAuth"]
    assert scheme["type"] == "apiKey" and scheme["in"] == "header" and scheme["name"] == "Authorization"
    assert schema["paths"]["/api/v1/workspace/actions/"]["post"]["security"] == [{"tokenAuth": []}]
    assert "401" in schema["paths"]["/api/v1/workspace/actions/{public_id}/"]["patch"]["responses"]
