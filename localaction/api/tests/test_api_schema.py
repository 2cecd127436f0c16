"""The OpenAPI document at /api/v1/schema/: JSON and YAML, valid, with the licence, the languages and every read
endpoint documented with the catalog's parameters."""
import json

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client, read_data):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_served_document_is_valid_openapi_3(document):
    validate_schema(document)
    assert document["openapi"].startswith("3.")


def test_the_generator_reports_no_warning(db, tmp_path):
    # The command fails on any warning or error of drf-spectacular, then validates the result.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))


def test_yaml_is_served_too(client, read_data, document):
    response = client.get(reverse("api:schema"), {"format": "yaml"})

    assert response.status_code == 200
    assert yaml.safe_load(response.content)["paths"].keys() == document["paths"].keys()


def test_the_licence_and_the_guide_are_in_the_document(document):
    assert document["info"]["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert "lang=all" in document["info"]["description"]
    assert "If-None-Match" in document["info"]["description"]


def test_every_read_endpoint_is_documented(document):
    paths = document["paths"]
    for name in ("api:action-list", "api:progress-update-list", "api:government-list", "api:endorsement-list",
                 "api:campaign-list", "api:gcm-objective-list", "api:country-list", "api:vocabulary-list",
                 "api:statistics", "api:root"):
        assert reverse(name) in paths, name
    assert "/api/v1/actions/{public_id}/" in paths


def test_the_actions_list_documents_exactly_the_catalogs_parameters(document):
    from localaction.actions.filters import ActionFilter

    parameters = {p["name"]: p for p in document["paths"]["/api/v1/actions/"]["get"]["parameters"]}

    assert set(parameters) == {*ActionFilter.base_filters, "lang", "cursor", "page_size"}
    assert parameters["gcm"]["schema"]["type"] == "integer"
    assert len(parameters["gcm"]["schema"]["enum"]) == 23
    assert "FR" in parameters["country"]["schema"]["enum"]
    assert parameters["q"]["schema"]["maxLength"] == 200
    assert parameters["lang"]["schema"]["enum"] == ["all", "en", "es", "fr"]
    assert all(parameter["allowEmptyValue"] for parameter in parameters.values())


def test_lists_are_documented_as_cursor_pages(document):
    page = document["components"]["schemas"]["PaginatedActionSummaryList"]

    assert set(page["required"]) == {"next", "previous", "results"}


def test_the_document_speaks_the_requested_language(client, read_data):
    french = client.get(reverse("api:schema"), {"format": "json", "lang": "fr"})

    assert french.status_code == 200
    assert french["Content-Language"] == "fr"
