"""The API's documentation page: rendered on the server from the OpenAPI document, in each language, without
JavaScript or anything from another host."""
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_page_is_served_in_each_language(client, read_data, language):
    with translation.override(language):
        url = reverse("api_docs:index")
    response = client.get(url)

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_it_documents_every_operation_of_the_openapi_document(client, read_data):
    document = json.loads(client.get(reverse("api:schema"), {"format": "json"}).content)
    page = client.get(reverse("api_docs:index")).content.decode()

    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert f'id="{operation["operationId"]}"' in page
            assert f"<code>{method.upper()} {path}</code>" in page


def test_it_explains_tokens_pagination_languages_limits_and_licence(client, read_data):
    page = client.get(reverse("api_docs:index")).content.decode()

    for section in ("start", "filters", "pagination", "languages", "caching", "rate-limits", "tokens", "errors", "licence"):
        assert f'id="{section}"' in page
    assert "Authorization: Token" in page
    assert "120 requests per 60 seconds" in page or "no limit" in page
    assert 'rel="license"' in page
    assert reverse("api_tokens:list") in page


def test_the_examples_are_runnable_curl_commands(client, read_data):
    page = client.get(reverse("api_docs:index")).content.decode()

    assert f"curl &quot;http://testserver/api/v1/actions/{read_data.newest.public_id}/&quot;" in page
    assert "curl &quot;http://testserver/api/v1/actions/?q=housing&amp;kind=pledge&amp;lang=fr&quot;" in page


def test_parameters_show_their_accepted_values(client, read_data):
    page = client.get(reverse("api_docs:index")).content.decode()

    assert "imrf-2026" in page  # campaign slugs, read from the data
    assert "practice" in page and "pledge" in page


def test_it_needs_no_script_and_no_other_host(client, read_data):
    page = client.get(reverse("api_docs:index")).content.decode()

    assert "<script" not in page
    hosts = set(re.findall(r'(?:src|href)="(?:https?:)?//([^/"]+)', page))
    assert hosts <= {"testserver", "creativecommons.org"}
