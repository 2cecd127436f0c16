"""Unknown addresses: JSON under /api/, the site's page elsewhere."""
import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_an_unknown_api_address_answers_in_json(client):
    response = client.get(reverse("api:action-list") + "not/a/path/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


@override_settings(DEBUG=False)
def test_an_unknown_page_answers_with_the_sites_page(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("language, heading", [("en", "The form could not be sent"), ("fr", "Le formulaire n’a pas pu être envoyé")])
def test_a_form_sent_without_its_token_gets_the_sites_page_in_the_readers_language(language, heading):
    from django.test import Client
    from django.utils import translation

    client = Client(enforce_csrf_checks=True)
    with translation.override(language):
        address = reverse("accounts:login")
    response = client.post(address, {"username": "someone@example.org", "password": "x" * 12})

    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html
    # The site's layout (its stylesheet, the skip link and the main landmark), not Django's page with inline CSS,
    # which the Content-Security-Policy would leave unstyled.
    assert "<style" not in html and "<main" in html and f'lang="{language}"' in html
    assert "Content-Security-Policy" in response.headers
