"""The data dictionary page: every download and every column with its key, type and description, in the reader's
language (the keys stay the same in every language)."""
import pytest
from django.urls import reverse
from django.utils import translation

from localaction.opendata.exporters import EXPORTERS

pytestmark = pytest.mark.django_db


def page(client, language):
    with translation.override(language):
        url = reverse("opendata:dictionary")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_every_column_of_every_download(client):
    html = page(client, "en")
    for name, exporter in EXPORTERS.items():
        assert f'id="{name}"' in html
        assert str(exporter.title) in html
        for column in exporter.columns:
            assert f"<code>{column.key}</code>" in html, column.key
    assert "whole number" in html and "list, separated by ;" in html
    assert reverse("opendata:datapackage") in html


@pytest.mark.parametrize(("language", "labels"), [
    ("fr", ["Date de début", "Titre (français)", "Titre (espagnol)", "Objectifs du PMM", "Gouvernement chef de file"]),
    ("es", ["Fecha de inicio", "Título (francés)", "Título (español)", "Objetivos del PMM", "Gobierno principal"]),
])
def test_labels_are_translated_and_keys_are_not(client, language, labels):
    html = page(client, language)
    assert f'<html lang="{language}">' in html
    for label in labels:
        assert label in html, label
    for key in ("start_date", "title_fr", "title_es", "gcm_objectives", "government"):
        assert f"<code>{key}</code>" in html
