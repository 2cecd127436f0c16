"""The anonymous rate limit: past it, a 429 that says the limit and when to come back."""
import pytest
from django.core.cache import cache
from django.urls import reverse

from localaction.api import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    cache.clear()

    def set_rates(anon=None, user=None):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user}}

    yield set_rates
    cache.clear()


def test_past_the_limit_an_anonymous_client_gets_a_clear_429(client, rates):
    rates(anon="3/min")
    url = reverse("api:sdg-list")
    statuses = [client.get(url).status_code for _ in range(3)]

    response = client.get(url)

    assert statuses == [200, 200, 200]
    assert response.status_code == 429
    body = response.json()
    assert body["limit"] == {"requests": 3, "period_seconds": 60}
    assert 1 <= body["retry_after"] <= 60
    assert response["Retry-After"] == str(body["retry_after"])
    assert "3 requests per 60 seconds" in body["detail"]


def test_the_limit_counts_every_endpoint_of_the_api(client, rates):
    rates(anon="2/hour")
    client.get(reverse("api:sdg-list"))
    client.get(reverse("api:action-list"))

    response = client.get(reverse("api:root"))

    assert response.status_code == 429
    assert response.json()["limit"] == {"requests": 2, "period_seconds": 3600}


def test_the_429_speaks_the_language_of_the_request(client, rates):
    rates(anon="1/min")
    client.get(reverse("api:sdg-list"))

    response = client.get(reverse("api:sdg-list"), HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"


def test_a_token_holder_is_counted_under_their_own_limit(client, rates, personas):
    rates(anon="1/min", user="5/min")
    _token, secret = services.create_token(personas.member_a, "Limits")
    client.get(reverse("api:sdg-list"))
    assert client.get(reverse("api:sdg-list")).status_code == 429

    headers = {"HTTP_AUTHORIZATION": f"Token {secret}"}
    assert [client.get(reverse("api:sdg-list"), **headers).status_code for _ in range(5)] == [200] * 5
    assert client.get(reverse("api:sdg-list"), **headers).status_code == 429


def test_the_web_pages_are_not_limited(client, rates):
    rates(anon="1/min")
    client.get(reverse("api:sdg-list"))

    assert client.get(reverse("api_docs:index")).status_code == 200
