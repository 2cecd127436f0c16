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
