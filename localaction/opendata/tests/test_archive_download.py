"""The public page of the latest archive: the zip itself with its checksum and date, or a clear 404."""
import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from localaction.factories import ActionFactory
from localaction.opendata import archive

pytestmark = pytest.mark.django_db


def test_without_an_archive_the_page_says_so_with_a_404(client):
    response = client.get(reverse("opendata:archive"))

    assert response.status_code == 404
    assert "No archive has been built yet" in response.content.decode()
    assert reverse("opendata:index") in response.content.decode()
    assert client.get(reverse("opendata:archive_checksum")).status_code == 404


def test_it_streams_the_latest_archive_with_its_checksum_and_date(client):
    ActionFactory(published=True)
    start = datetime.now(UTC)
    archive.build(now=start - timedelta(days=1))
    ActionFactory(published=True)
    latest, _created = archive.build(now=start)

    response = client.get(reverse("opendata:archive"))

    assert response.status_code == 200 and response.streaming
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == latest.sha256
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="{latest.name}"'
    assert response["Repr-Digest"] == f"sha-256=:{base64.b64encode(hashlib.sha256(content).digest()).decode()}:"
    assert response["Last-Modified"] == start.strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert "creativecommons.org/licenses/by/4.0" in response["Link"]


def test_the_checksum_line_can_be_checked_with_sha256sum(client):
    ActionFactory(published=True)
    latest, _created = archive.build()

    response = client.get(reverse("opendata:archive_checksum"))

    assert response.content.decode() == f"{latest.sha256}  {latest.name}\n"


def test_a_client_that_has_the_latest_gets_a_304(client):
    ActionFactory(published=True)
    archive.build()
    first = client.get(reverse("opendata:archive"))

    assert client.get(reverse("opendata:archive"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
