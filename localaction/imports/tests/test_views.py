"""The import pages through HTTP: the reviewers' upload → mapping → dry-run report → confirm, and the members'
template download, upload and export."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from localaction.actions.models import Action
from localaction.core.tests.matrix import PERSONAS
from localaction.imports.models import ColumnMapping, ImportBatch

from . import permissions
from .conftest import SAMPLES
from .test_template import fill

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_status_on_the_import_pages(client_for, personas, persona):
    objects = permissions.make_objects(personas)
    client = client_for(persona)
    failures = []
    for name, (make_args, expected) in permissions.ENTRIES.items():
        url = reverse(name, args=make_args(objects) if make_args else None)
        status = client.get(url).status_code
        if status != expected[persona]:
            failures.append(f"{name}: {status}, expected {expected[persona]}")
    assert not failures


def upload(client, name, source="sample"):
    content = (SAMPLES / name).read_bytes()
    return client.post(reverse("imports:upload"), {
        "file": SimpleUploadedFile(name, content), "source": source, "default_language": "en",
    })


def test_upload_guesses_the_mapping_from_french_headers(client_for, known_governments):
    client = client_for("reviewer")
    response = upload(client, "collectivites_fr.csv")
    batch = ImportBatch.objects.get()
    assert response.url == reverse("imports:mapping", args=[batch.pk])
    assert batch.mapping["government"] == "Ville" and batch.mapping["gcm_objectives"] == "Objectifs PMM"
    page = client.get(response.url)
    assert 'value="Objectifs PMM" selected' in page.content.decode()


def test_an_unreadable_file_is_refused_next_to_the_field(client_for, personas):
    client = client_for("reviewer")
    response = client.post(reverse("imports:upload"), {
        "file": SimpleUploadedFile("x.csv", b"PK\x03\x04garbage"), "source": "x", "default_language": "en",
    })
    assert response.status_code == 200 and "neither an Excel workbook" in response.content.decode()
    assert not ImportBatch.objects.exists()


def post_mapping(client, batch, **extra):
    data = {f"field_{key}": header for key, header in batch.mapping.items()}
    return client.post(reverse("imports:mapping", args=[batch.pk]), {**data, "check": "1", **extra})


def test_the_dry_run_report_lists_the_bad_rows_and_confirming_refuses_the_file(client_for, known_governments):
    client = client_for("reviewer")
    upload(client, "collectivites_fr.csv")
    batch = ImportBatch.objects.get()
    response = post_mapping(client, batch, save_as="Collectivités")
    assert response.url == reverse("imports:batch", args=[batch.pk])
    assert ColumnMapping.objects.get(name="Collectivités").mapping["country"] == "Pays"
    page = client.get(response.url).content.decode()
    assert "“Atlantide” is not a country" in page and "Not recognised as GCM objectives" in page
    assert 'id="count-error">2<' in page
    response = client.post(reverse("imports:confirm", args=[batch.pk]), {}, follow=True)
    assert "nothing was imported" in response.content.decode()
    assert not Action.objects.exists()
    client.post(reverse("imports:confirm", args=[batch.pk]), {"exclude_errors": "on"})
    batch.refresh_from_db()
    assert (batch.status, batch.created, batch.errors) == ("imported", 4, 2)
    assert Action.objects.filter(status=Action.Status.SUBMITTED).count() == 4


def test_a_saved_mapping_fills_in_the_choices(client_for, known_governments):
    client = client_for("reviewer")
    saved = ColumnMapping.objects.create(name="fr", mapping={"external_id": "Référence", "title": "Titre", "budget": "Absent"})
    upload(client, "collectivites_fr.csv")
    batch = ImportBatch.objects.get()
    page = client.post(reverse("imports:mapping", args=[batch.pk]), {"saved": saved.pk, "load": "1"}).content.decode()
    assert 'value="Référence" selected' in page and 'value="Ville" selected' not in page


def test_a_member_downloads_the_template_and_uploads_it_into_a_new_draft(client_for, personas):
    client = client_for("member_a")
    response = client.get(reverse("imports:template_download", args=[personas.government_a.slug]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    filled = fill(response.content, {"kind": "Practice", "title": "Night school", "summary": "Evening classes."})
    response = client.post(reverse("imports:template", args=[personas.government_a.slug]),
                           {"file": SimpleUploadedFile("filled.xlsx", filled.read())})
    action = Action.objects.get(title_en="Night school")
    assert response.url == reverse("actions_workspace:edit", args=[action.public_id, "review"])
    assert action.status == Action.Status.DRAFT and action.government == personas.government_a


def test_template_errors_are_shown_and_nothing_is_created(client_for, personas):
    client = client_for("member_a")
    content = client.get(reverse("imports:template_download", args=[personas.government_a.slug])).content
    filled = fill(content, {"kind": "Practice", "title": "Night school", "links:1:url": "nowhere"})
    response = client.post(reverse("imports:template", args=[personas.government_a.slug]),
                           {"file": SimpleUploadedFile("filled.xlsx", filled.read())})
    assert response.status_code == 200 and "Link 1" in response.content.decode()
    assert not Action.objects.filter(title_en="Night school").exists()


def test_a_member_exports_an_action_into_the_template(client_for, personas):
    action = Action.objects.create(government=personas.government_a, title_en="Welcome desk", summary_en="One door.")
    response = client_for("editor_a").get(reverse("imports:template_export", args=[action.public_id]))
    sheet = load_workbook(io.BytesIO(response.content))["Action"]
    answers = {row[0].value: row[3].value for row in sheet.iter_rows(min_row=2) if row[0].value}
    assert answers["title"] == "Welcome desk" and answers["summary"] == "One door."
