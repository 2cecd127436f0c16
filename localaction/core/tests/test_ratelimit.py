"""Per-address limits: the catalog's text searches, and the client's address behind the reverse proxy."""
import pytest
from django.core.cache import cache
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def test_past_the_search_limit_a_reader_gets_a_clear_429_in_their_language(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 3
    url = reverse("actions:list")
    searches = [client.get(url, {"q": word}).status_code for word in ("school", "housing", "language")]
    browsing = client.get(url, {"kind": "pledge"})  # filters without a text query are not searches

    refused = client.get(url, {"q": "jobs"})
    french = client.get("/fr" + url[3:], {"q": "emploi"})

    assert searches == [200, 200, 200] and browsing.status_code == 200
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    html = refused.content.decode()
    assert "Too many searches from your address in the last minute." in html and "<main" in html
    assert french.status_code == 429 and 'lang="fr"' in french.content.decode()
    assert "Too many searches" not in french.content.decode()


def test_each_address_has_its_own_count(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 1
    url = reverse("actions:list")

    first = client.get(url, {"q": "school"}, REMOTE_ADDR="192.0.2.1")
    other = client.get(url, {"q": "school"}, REMOTE_ADDR="192.0.2.2")
    again = client.get(url, {"q": "school"}, REMOTE_ADDR="192.0.2.1")

    assert (first.status_code, other.status_code, again.status_code) == (200, 200, 429)


@pytest.mark.parametrize("proxies, forwarded, seen", [
    (0, "203.0.113.9", "127.0.0.1"),                   # no proxy configured: the header is anyone's claim
    (1, "203.0.113.9", "203.0.113.9"),                 # nginx's view of the client
    (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),   # the client's own claim (left) is ignored
    (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),  # two proxies: the outer one's view
    (1, "not-an-address", "127.0.0.1"),
])
def test_the_address_behind_the_proxy(client, settings, proxies, forwarded, seen):
    settings.TRUSTED_PROXIES = proxies
    response = client.get(reverse("core:home"), HTTP_X_FORWARDED_FOR=forwarded)

    assert response.wsgi_request.META["REMOTE_ADDR"] == seen


def test_behind_the_proxy_each_client_gets_its_own_search_count(client, settings):
    settings.TRUSTED_PROXIES = 1
    settings.SEARCH_RATE_PER_MINUTE = 1
    url = reverse("actions:list")

    statuses = [client.get(url, {"q": "school"}, HTTP_X_FORWARDED_FOR=address).status_code
                for address in ("203.0.113.1", "203.0.113.2", "203.0.113.1")]

    assert statuses == [200, 200, 429]
