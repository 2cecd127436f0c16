"""A resource's public page and its stored file: published only; facts and objectives; content in the reader's
language with a `lang` attribute on text shown in another one."""
import pytest
from django.urls import reverse
from django.utils import translation

from .factories import MINIMAL_PDF, ResourceFactory, pdf_upload

pytestmark = pytest.mark.django_db


def test_the_page_shows_facts_objectives_linking_to_the_catalog_and_the_link(client):
    resource = ResourceFactory(
        title_en="Housing guide", type="guide", language="ar", year=2021, publisher="Network of towns",
        url="https://example.org/housing", gcm_objectives=[16], gcr_objectives=[2], sdgs=[11],
    )
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "<h1" in page and "Housing guide" in page
    assert "Arabic" in page and "2021" in page and "Network of towns" in page
    catalog = reverse("actions:list")
    for parameter in ("gcm=16", "gcr=2", "sdg=11"):
        assert f'href="{catalog}?{parameter}"' in page
    assert 'href="https://example.org/housing" rel="noopener noreferrer external"' in page
    assert "example.org" in page


def test_a_stored_file_is_downloaded_under_its_title_with_the_type_of_its_content(client):
    resource = ResourceFactory(title_en="Annual report", file=pdf_upload("whatever.exe"), url="")
    page = client.get(resource.get_absolute_url()).content.decode()
    file_url = reverse("resources:file", args=[resource.pk])
    assert f'href="{file_url}"' in page
    response = client.get(file_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="annual-report.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == MINIMAL_PDF


def test_an_unpublished_resource_its_page_and_its_file_are_not_found(client):
    resource = ResourceFactory(file=pdf_upload(), url="", is_published=False)
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert client.get(reverse("resources:file", args=[resource.pk])).status_code == 404


def test_a_link_resource_has_no_file_to_download(client):
    resource = ResourceFactory()
    assert client.get(reverse("resources:file", args=[resource.pk])).status_code == 404


def test_a_file_lost_by_storage_is_not_found_rather_than_an_error(client, media):
    resource = ResourceFactory(file=pdf_upload(), url="")
    (media / resource.file.name).unlink()
    assert client.get(reverse("resources:file", args=[resource.pk])).status_code == 404


@pytest.mark.parametrize(("language", "shown", "lang_attribute"), [
    ("en", "Guide to welcoming", None),
    ("fr", "Guide d’accueil", None),
    ("es", "Guide to welcoming", "en"),  # no Spanish title: the English one, labelled
])
def test_each_language_gets_its_title_or_a_labelled_fallback(client, language, shown, lang_attribute):
    resource = ResourceFactory(title_en="Guide to welcoming", title_fr="Guide d’accueil", summary_en="How to welcome.")
    with translation.override(language):
        detail_url, list_url = resource.get_absolute_url(), reverse("resources:list")
    detail = client.get(detail_url).content.decode()
    listing = client.get(list_url).content.decode()
    assert f'<html lang="{language}"' in detail
    if lang_attribute:
        assert f'<h1 id="resource-title" lang="{lang_attribute}">{shown}</h1>' in detail
        assert f'lang="{lang_attribute}">{shown}</a>' in listing
    else:
        assert f'<h1 id="resource-title">{shown}</h1>' in detail
        assert f'">{shown}</a>' in listing and f'lang="en">{shown}' not in listing
    # The summary exists only in English: French and Spanish readers get it marked as English.
    if language == "en":
        assert '<div class="prose">' in detail
    else:
        assert '<div class="prose" lang="en">' in detail


def test_the_detail_page_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    resource = ResourceFactory(gcm_objectives=[1, 2, 3], gcr_objectives=[1], sdgs=[1, 2])
    with django_assert_max_num_queries(8):
        assert client.get(resource.get_absolute_url()).status_code == 200
