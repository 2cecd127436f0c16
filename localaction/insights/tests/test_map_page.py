"""The map page (/<lang>/insights/map/?<catalog parameters>): the catalog's filters, the map, its tables."""
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions():
    dakar = GovernmentFactory(
        name="Dakar", slug="dakar", country_id="SN", latitude=Decimal("14.6937"), longitude=Decimal("-17.44406")
    )
    lyon = GovernmentFactory(name="Lyon", slug="lyon", country_id="FR")
    for _n in range(3):
        ActionFactory(published=True, government=dakar, kind="pledge", gcm_objectives=[16])
    ActionFactory(published=True, government=lyon, kind="practice", gcm_objectives=[2])


def test_the_map_page_shows_the_filters_the_map_and_the_tables(client, actions):
    response = client.get(reverse("insights:map"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Map of actions and pledges</h1>" in html
    assert 'name="gcm"' in html and 'name="country"' in html and 'name="q"' in html
    assert "<svg" in html and "Senegal: 3 actions" in html and "France: 1 action" in html
    assert "<summary>Table: actions per country</summary>" in html
    assert "4 actions found" in html


def test_the_map_follows_the_filters_and_the_form_shows_them(client, actions):
    html = client.get(reverse("insights:map"), {"gcm": "16"}).content.decode()

    assert "Senegal: 3 actions" in html and "France: no action" in html
    assert "3 actions found" in html
    assert '<option value="16" selected>' in html
    assert f'href="{reverse("actions:list")}?gcm=16"' in html  # "Show as a list"
    assert f'href="{reverse("insights:map")}"' in html  # "Clear all filters" stays on the map


def test_an_invalid_filter_is_reported_and_ignored_as_in_the_catalog(client, actions):
    response = client.get(reverse("insights:map"), {"gcm": "99", "kind": "pledge"})
    html = response.content.decode()

    assert response.status_code == 200
    assert 'id="id_gcm_error"' in html
    assert "Senegal: 3 actions" in html and "France: no action" in html
    assert response.context["catalog"].count == 3


def test_the_catalog_links_to_the_map_with_the_same_filters(client, actions):
    html = client.get(reverse("actions:list"), {"gcm": "16", "page": "1"}).content.decode()

    assert f'href="{reverse("insights:map")}?gcm=16"' in html
    assert "Show on a map" in html


def test_the_page_works_in_french(client, actions):
    with translation.override("fr"):
        url = reverse("insights:map")
        catalog = reverse("actions:list")
    html = client.get(url, {"kind": "pledge"}).content.decode()

    assert 'lang="fr"' in html
    assert "Sénégal" in html
    assert f'href="{catalog}?kind=pledge&amp;country=SN"' in html


def test_anonymous_readers_get_a_cached_page_that_follows_publishing(client, actions):
    url = reverse("insights:map")
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304

    ActionFactory(published=True, government=GovernmentFactory(country_id="KE"))

    html = client.get(url).content.decode()
    assert "Kenya: 1 action" in html


def test_the_page_makes_few_queries(client, actions, django_assert_max_num_queries):
    client.get(reverse("insights:map"))  # loads the index and the process-wide lookups
    with django_assert_max_num_queries(8):
        client.get(reverse("insights:map"), {"kind": "practice"})
