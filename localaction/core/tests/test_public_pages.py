"""Every public page answers in English, French and Spanish, in the right language."""
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es"]


@pytest.fixture
def published_action():
    action = ActionFactory(published=True, kind=Action.Kind.PLEDGE, gcm_objectives=[7, 16])
    action.gcr_areas.add("education")
    action.sdgs.add(10)
    return action


def public_urls(action):
    return [
        reverse("core:home"),
        reverse("core:about"),
        reverse("actions:list"),
        reverse("actions:list") + "?kind=pledge&gcm=16",
        action.get_absolute_url(),
        reverse("governments:list"),
        action.government.get_absolute_url(),
        reverse("taxonomy:gcm_index"),
        reverse("taxonomy:gcm_objective", args=[16]),
        reverse("taxonomy:gcr_index"),
        reverse("taxonomy:gcr_objective", args=[1]),
        reverse("taxonomy:gcr_area", args=["education"]),
        reverse("taxonomy:sdg_index"),
        reverse("taxonomy:sdg", args=[10]),
        reverse("accounts:login"),
        reverse("accounts:password_reset"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_in_the_requested_language(client, published_action, language):
    with translation.override(language):
        urls = public_urls(published_action)
        nav_label = gettext("Actions and pledges")
    if language != "en":
        assert nav_label != "Actions and pledges", "the catalog has no translation for the main navigation"
    for url in urls:
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'<html lang="{language}">' in page, url
        assert nav_label in page, url


def test_pages_offer_the_other_languages_as_alternates(client, published_action):
    page = client.get(published_action.get_absolute_url()).content.decode()
    with translation.override("fr"):
        french = published_action.get_absolute_url()
    assert f'hreflang="fr" href="http://testserver{french}"' in page
    assert 'hreflang="x-default"' in page
    assert f'href="{french}" lang="fr" hreflang="fr"' in page


def test_the_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_the_home_page_counts_only_what_is_public(client):
    ActionFactory.create_batch(3, published=True)
    ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=GovernmentFactory(country_id="SN"))
    ActionFactory(status=Action.Status.DRAFT)
    GovernmentFactory(verified=False)
    response = client.get(reverse("core:home"))
    counts = response.context["counts"]
    assert counts == {"actions": 4, "pledges": 1, "countries": 2, "governments": 5}


def test_a_banner_marks_demo_data(client):
    from django.core.cache import cache

    cache.clear()
    GovernmentFactory(is_demo=False)
    assert "demo-banner" not in client.get(reverse("core:home")).content.decode()
    GovernmentFactory(is_demo=True)
    cache.clear()
    assert "demo-banner" in client.get(reverse("core:home")).content.decode()


def test_unknown_pages_are_404_in_every_language(client):
    for language in LANGUAGES:
        response = client.get(f"/{language}/no-such-page/")
        assert response.status_code == 404
        assert re.search(rf'<html lang="{language}">', response.content.decode())
