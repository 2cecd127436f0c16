"""ETag, Last-Modified and 304: the actions follow the catalog version (no work for an unchanged catalog), other
answers get an ETag of their body."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory

pytestmark = pytest.mark.django_db


def test_an_unchanged_list_of_actions_is_a_304_without_work(client, read_data):
    url = reverse("api:action-list")
    first = client.get(url, {"gcm": "16"})
    assert first["ETag"].startswith('W/"')
    assert first["Last-Modified"]
    assert "public" in first["Cache-Control"]

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, {"gcm": "16"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert len(queries) <= 1  # the catalog version


def test_a_publication_changes_the_etag(client, read_data):
    url = reverse("api:action-list")
    etag = client.get(url)["ETag"]

    ActionFactory(published=True, title_en="Just published")
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["results"][0]["title"] == "Just published"


def test_a_withdrawal_changes_the_etag_of_the_detail(client, read_data):
    url = reverse("api:action-detail", args=[read_data.newest.public_id])
    etag = client.get(url)["ETag"]

    read_data.newest.status = Action.Status.WITHDRAWN
    read_data.newest.save()

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_the_language_and_the_parameters_are_part_of_the_etag(client, read_data):
    url = reverse("api:action-list")
    english = client.get(url)["ETag"]

    assert client.get(url, {"lang": "fr"})["ETag"] != english
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="es")["ETag"] != english
    assert client.get(url, {"kind": "pledge"})["ETag"] != english


@pytest.mark.parametrize("name, args", [
    ("api:government-list", []), ("api:government-detail", ["lyon"]), ("api:endorsement-list", []),
    ("api:campaign-list", []), ("api:progress-update-list", []), ("api:sdg-list", []), ("api:statistics", []),
    ("api:action-detail", None), ("api:root", []),
])
def test_other_answers_get_a_304_when_unchanged(client, read_data, name, args):
    url = reverse(name, args=[read_data.housing.public_id] if args is None else args)
    etag = client.get(url)["ETag"]

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"something-else"').status_code == 200


def test_the_body_etag_changes_with_the_body(client, read_data):
    url = reverse("api:government-detail", args=["lyon"])
    etag = client.get(url)["ETag"]

    read_data.lyon.population = 522250
    read_data.lyon.save()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["population"] == 522250


def test_errors_carry_no_etag(client, read_data):
    response = client.get(reverse("api:action-list"), {"gcm": "99"})

    assert response.status_code == 400
    assert not response.has_header("ETag")
