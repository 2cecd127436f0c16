"""GET /api/v1/: links to everything, and the licence."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_entry_point_links_to_every_list_and_states_the_licence(client, db):
    response = client.get(reverse("api:root"))
    data = response.json()

    assert data["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert data["documentation"]["fr"] == "http://testserver/fr/data/api/"
    for name, url in data.items():
        if isinstance(url, str):
            assert client.get(url).status_code == 200, name


def test_only_reading_is_allowed(client, db):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(reverse("api:action-list"))
        assert response.status_code == 405
        assert "GET" in response["Allow"]
