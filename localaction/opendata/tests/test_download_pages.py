"""Where people find the downloads: the open data page lists every data set in each format with the licence, and
the catalog offers "Download this view" with its current parameters."""
import pytest
from django.urls import reverse
from django.utils import translation

from localaction.factories import ActionFactory
from localaction.opendata.exporters import EXPORTERS

pytestmark = pytest.mark.django_db


def test_the_open_data_page_lists_every_download_the_dictionary_and_the_licence(client):
    html = client.get(reverse("opendata:index")).content.decode()
    for name, exporter in EXPORTERS.items():
        assert str(exporter.title) in html
        for extension in ("csv", "xlsx", "json"):
            if name == "actions":
                url = reverse("opendata:actions_download", kwargs={"format": extension})
            else:
                url = reverse("opendata:download", kwargs={"resource": name, "format": extension})
            assert f'href="{url}"' in html
    assert f'href="{reverse("opendata:dictionary")}"' in html
    assert f'href="{reverse("opendata:datapackage")}"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html


def test_every_page_links_to_the_open_data_page(client):
    html = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("opendata:index")}"' in html


def test_the_catalog_offers_its_current_view_as_downloads(client):
    ActionFactory(published=True, gcm_objectives=[16])
    html = client.get(reverse("actions:list") + "?q=welcome&gcm=16").content.decode()
    for extension in ("csv", "xlsx", "json"):
        url = reverse("opendata:actions_download", kwargs={"format": extension})
        assert f'href="{url}?q=welcome&amp;gcm=16"' in html


def test_the_links_follow_the_readers_language(client):
    with translation.override("es"):
        catalog = reverse("actions:list")
        url = reverse("opendata:actions_download", kwargs={"format": "csv"})
    assert url.startswith("/es/")
    assert f'href="{url}?kind=pledge"' in client.get(catalog + "?kind=pledge").content.decode()
