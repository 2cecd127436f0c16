"""?lang= and Accept-Language: translated fields in the reader's language, the original language (named in
`fallbacks`) when there is no translation, or every language at once with ?lang=all."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def housing(client, read_data, **kwargs):
    return client.get(reverse("api:action-detail", args=[read_data.housing.public_id]), **kwargs)


def test_the_requested_language_is_used_when_translated(client, read_data):
    response = housing(client, read_data, data={"lang": "es"})

    assert response.json()["title"] == "Vivienda primero"
    assert response.json()["fallbacks"] == {"summary": "fr"}  # description and goals are empty in every language
    assert response["Content-Language"] == "es"


def test_an_untranslated_field_comes_in_its_original_language_and_says_so(client, read_data):
    data = housing(client, read_data, data={"lang": "en"}).json()

    assert data["title"] == "Logement d'abord"
    assert data["fallbacks"]["title"] == "fr"
    assert data["original_language"] == "fr"


def test_the_accept_language_header_picks_the_language_without_lang(client, read_data):
    response = housing(client, read_data, HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")

    assert response.json()["title"] == "Vivienda primero"
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]


def test_lang_wins_over_the_header(client, read_data):
    data = housing(client, read_data, data={"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="es").json()

    assert data["title"] == "Logement d'abord"
    assert data["fallbacks"] == {}
    assert data["web_url"].startswith("http://testserver/fr/actions/")


def test_lang_all_gives_every_language_at_once(client, read_data):
    response = housing(client, read_data, data={"lang": "all"})

    data = response.json()
    assert data["title"] == {"en": "", "fr": "Logement d'abord", "es": "Vivienda primero"}
    assert data["fallbacks"] == {}
    assert response["Content-Language"] == "en, fr, es"


def test_lang_all_applies_to_lists_and_reference_data(client, read_data):
    objective = client.get(reverse("api:gcm-objective-list"), {"lang": "all", "page_size": 1}).json()["results"][0]

    assert set(objective["short_label"]) == {"en", "fr", "es"}
    assert all(objective["short_label"].values())


def test_reference_names_follow_the_language(client, read_data):
    countries = client.get(reverse("api:country-list"), {"lang": "fr", "page_size": 100}).json()["results"]

    assert {"code": "DE", "name": "Allemagne"}.items() <= next(c for c in countries if c["code"] == "DE").items()


def test_an_unknown_language_is_refused(client, read_data):
    response = housing(client, read_data, data={"lang": "de"})

    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


def test_error_messages_follow_the_language(client, read_data):
    response = client.get(reverse("api:action-list"), {"gcm": "99", "lang": "fr"})

    assert response.status_code == 400
    assert response.json()["gcm"] == ["Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."]
