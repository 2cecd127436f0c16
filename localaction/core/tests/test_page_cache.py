"""The anonymous page cache (core/page_cache.py): readers get the stored page until anything changes, and nobody
gets a page that was not made for them."""
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from localaction.api import services as api_services
from localaction.factories import ActionFactory

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def action():
    return ActionFactory(published=True, title_en="Language cafés")


def test_a_second_anonymous_reader_gets_the_stored_page(client, action):
    first = client.get(action.get_absolute_url())
    second = client.get(action.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(action.get_absolute_url())

    assert first.status_code == second.status_code == 200
    assert HIT not in first and second[HIT] == "hit"
    assert second["Content-Encoding"] == "gzip" and "Accept-Encoding" in second["Vary"]
    assert plain.content == first.content
    # The stored page keeps its type and the site's policy headers, added on every answer.
    assert plain["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in plain and "Permissions-Policy" in plain


def test_a_saved_change_shows_at_once(client, action, personas):
    client.get(action.get_absolute_url())
    client.get(reverse("governments:detail", args=[action.government.slug]))

    action.title_en = "Language cafés for everyone"
    action.save()
    government = action.government
    government.name = "Renamed town"
    government.save()

    page = client.get(action.get_absolute_url())
    assert HIT not in page and "Language cafés for everyone" in page.content.decode()
    government_page = client.get(reverse("governments:detail", args=[government.slug]))
    assert HIT not in government_page and "Renamed town" in government_page.content.decode()


def test_each_language_and_address_has_its_own_page(client, action):
    client.get("/en/")

    french = client.get("/fr/")
    filtered = client.get(reverse("insights:index") + "?kind=pledge")
    filtered_again = client.get(reverse("insights:index") + "?kind=pledge")
    other_filter = client.get(reverse("insights:index") + "?kind=practice")

    assert HIT not in french and 'lang="fr"' in french.content.decode()
    assert HIT not in filtered and filtered_again[HIT] == "hit" and HIT not in other_filter


def test_signed_in_people_never_get_a_stored_page_nor_leave_theirs(client, action, personas):
    client.get(action.get_absolute_url())  # stored for anonymous readers
    client.force_login(personas.member_a)

    signed_in = client.get(action.get_absolute_url())
    client.logout()
    anonymous = client.get(action.get_absolute_url())

    assert HIT not in signed_in and "Sign out" in signed_in.content.decode()
    assert anonymous[HIT] == "hit" and "Sign out" not in anonymous.content.decode()


def test_a_page_with_a_message_waiting_is_not_served_from_the_cache(client, action):
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest

    client.get(action.get_absolute_url())
    storage = CookieStorage(HttpRequest())
    client.cookies[storage.cookie_name] = storage._encode([Message(20, "Thank you, your message was sent.")])

    page = client.get(action.get_absolute_url())

    assert HIT not in page
    assert "Thank you, your message was sent." in page.content.decode()


def test_turned_off_with_zero_seconds(client, action, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(action.get_absolute_url())

    assert HIT not in client.get(action.get_absolute_url())


def test_the_api_keeps_throttling_and_language_for_stored_answers(client, action, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": None}}
    url = reverse("api:action-detail", args=[action.public_id])

    english = client.get(url)
    french = client.get(url, {"lang": "fr"})
    english_again = client.get(url)
    refused = client.get(url)

    assert english.json() == english_again.json()
    assert english["Content-Language"] == english_again["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert refused.status_code == 429


def test_an_api_token_is_never_answered_from_the_cache(action, personas):
    _token, secret = api_services.create_token(personas.member_a, name="script")
    url = reverse("api:action-detail", args=[action.public_id])
    Client().get(url)
    # No signal for update(): the anonymous answer stays stored (for PAGE_CACHE_SECONDS at most).
    type(action).objects.filter(pk=action.pk).update(title_en="Changed without a signal")

    with_token = Client(HTTP_AUTHORIZATION=f"Token {secret}").get(url)
    anonymous = Client().get(url)

    assert with_token.json()["title"] == "Changed without a signal"
    assert anonymous.json()["title"] == "Language cafés"


def test_a_save_still_commits_when_the_cache_cannot_be_reached(action, caplog):
    from django.test import override_settings

    # A port where nothing listens: what a restarting Redis looks like to the platform.
    unreachable = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                               "LOCATION": "redis://127.0.0.1:9/0"}}
    with override_settings(CACHES=unreachable):
        action.title_en = "Saved while Redis restarts"
        action.save()

    action.refresh_from_db()
    assert action.title_en == "Saved while Redis restarts"
    assert "could not move the content version" in caplog.text
