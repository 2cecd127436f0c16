"""The reviewers' library pages: add, edit, publish, unpublish and delete resources, with upload checks and
errors next to the fields that keep what was typed."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localaction.activity.models import ActivityLog
from localaction.resources.models import Resource

from .factories import MINIMAL_PDF, PNG_BYTES, ResourceFactory, pdf_upload

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title_en": "Guide to welcoming", "title_fr": "", "title_es": "", "summary_en": "How to welcome newcomers.",
        "summary_fr": "", "summary_es": "", "type": "guide", "language": "en", "year": "2024",
        "publisher": "Demo network", "gcm_objectives": ["16"], "gcr_objectives": ["2"], "sdgs": ["10"],
        "url": "", "is_published": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_reviewer_adds_a_resource_with_a_file_stored_under_a_random_name(client_for, personas, media):
    client = client_for("reviewer")
    response = client.post(reverse("resources_workspace:create"), form_data(file=pdf_upload("My Report.pdf")))

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("resources_workspace:edit", args=[resource.pk])
    assert resource.file_kind == "pdf" and resource.file_size == len(MINIMAL_PDF)
    assert "My Report" not in resource.file.name and resource.file.name.startswith("resources/")
    assert (media / resource.file.name).read_bytes() == MINIMAL_PDF
    assert resource.created_by == personas.reviewer
    assert [o.number for o in resource.gcm_objectives.all()] == [16]
    assert ActivityLog.objects.get(verb="resource.created").actor == personas.reviewer
    assert client.get(reverse("resources:file", args=[resource.pk])).status_code == 200


def test_a_reviewer_adds_a_resource_with_a_link(client_for):
    client = client_for("reviewer")
    response = client.post(reverse("resources_workspace:create"), form_data(url="https://example.org/guide"))
    assert response.status_code == 302
    assert Resource.objects.get().url == "https://example.org/guide"


def post_and_expect_error(client, data, field, message):
    response = client.post(reverse("resources_workspace:create"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert not Resource.objects.exists()
    assert f'id="id_{field}_error"' in page
    assert message in page
    # What was typed comes back.
    assert 'value="Guide to welcoming"' in page
    assert "How to welcome newcomers." in page
    assert 'value="Demo network"' in page
    assert re.search(r'<input type="checkbox" name="gcm_objectives" value="16"[^>]* checked', page)
    return page


def test_a_png_renamed_pdf_is_refused_next_to_the_file_field_and_the_typing_is_kept(client_for):
    page = post_and_expect_error(
        client_for("reviewer"), form_data(file=SimpleUploadedFile("report.pdf", PNG_BYTES, "application/pdf")),
        "file", "not one of the accepted kinds",
    )
    assert "Choose another file." in page


def test_an_oversized_file_is_refused(client_for, settings):
    settings.LOCALACTION_RESOURCE_MAX_UPLOAD_BYTES = 100
    post_and_expect_error(client_for("reviewer"), form_data(file=pdf_upload()), "file", "The file is too large")


def test_neither_file_nor_link_is_refused(client_for):
    post_and_expect_error(client_for("reviewer"), form_data(), "url", "Upload a file or give a link.")


def test_both_file_and_link_are_refused_and_the_file_must_be_chosen_again(client_for):
    page = post_and_expect_error(
        client_for("reviewer"), form_data(file=pdf_upload(), url="https://example.org/x"), "url",
        "Give either a file or a link, not both.",
    )
    assert 'id="id_file_error"' in page and "choose the file again" in page
    assert 'value="https://example.org/x"' in page


def test_a_plain_http_link_is_refused(client_for):
    post_and_expect_error(client_for("reviewer"), form_data(url="http://example.org/x"), "url", "Enter a valid URL.")


def test_a_resource_needs_a_title_in_some_language(client_for):
    client = client_for("reviewer")
    response = client.post(reverse("resources_workspace:create"), form_data(title_en="", url="https://example.org/x"))
    assert response.status_code == 400
    assert "Give a title in at least one language." in response.content.decode()
    response = client.post(
        reverse("resources_workspace:create"), form_data(title_en="", title_es="Guía", url="https://example.org/x")
    )
    assert response.status_code == 302


def test_a_file_is_replaced_by_a_link_only_when_the_reviewer_removes_it(
    client_for, media, django_capture_on_commit_callbacks
):
    client = client_for("reviewer")
    resource = ResourceFactory(file=pdf_upload(), url="")
    stored = media / resource.file.name
    url = reverse("resources_workspace:edit", args=[resource.pk])

    refused = client.post(url, form_data(url="https://example.org/new"))
    assert refused.status_code == 400
    assert "Remove the current file" in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        accepted = client.post(url, form_data(url="https://example.org/new", remove_file="on"))
    assert accepted.status_code == 302
    resource.refresh_from_db()
    assert not resource.file and resource.file_kind == "" and resource.url == "https://example.org/new"
    assert not stored.exists()
    assert ActivityLog.objects.filter(verb="resource.updated").exists()


def test_an_edit_that_changes_nothing_about_the_file_keeps_it(client_for, media):
    client = client_for("reviewer")
    resource = ResourceFactory(file=pdf_upload(), url="", title_en="Old title")
    response = client.post(reverse("resources_workspace:edit", args=[resource.pk]), form_data(title_en="New title"))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title_en == "New title" and resource.file_kind == "pdf"
    assert (media / resource.file.name).exists()


def test_unpublish_then_publish_from_the_list(client_for, personas):
    client = client_for("reviewer")
    resource = ResourceFactory(title_en="Switchable")
    url = reverse("resources_workspace:publish", args=[resource.pk])

    client.post(url, {"published": "0"})
    resource.refresh_from_db()
    assert not resource.is_published
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert "Switchable" in client.get(reverse("resources_workspace:list")).content.decode()

    client.post(url, {"published": "1"})
    resource.refresh_from_db()
    assert resource.is_published
    assert list(ActivityLog.objects.order_by("id").values_list("verb", flat=True)) == [
        "resource.unpublished", "resource.published",
    ]


def test_delete_asks_first_then_removes_the_resource_and_its_file(
    client_for, media, django_capture_on_commit_callbacks
):
    client = client_for("reviewer")
    resource = ResourceFactory(file=pdf_upload(), url="")
    stored = media / resource.file.name
    url = reverse("resources_workspace:delete", args=[resource.pk])

    assert client.get(url).status_code == 200
    assert Resource.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not Resource.objects.exists()
    assert not stored.exists()
    assert ActivityLog.objects.filter(verb="resource.deleted").exists()


@pytest.mark.parametrize("persona", ["member_a", "fund_manager", "evaluator"])
def test_other_signed_in_people_cannot_change_the_library(client_for, persona):
    client = client_for(persona)
    resource = ResourceFactory()
    create, publish = reverse("resources_workspace:create"), reverse("resources_workspace:publish", args=[resource.pk])
    assert client.post(create, form_data(url="https://example.org/x")).status_code == 403
    assert client.post(publish, {"published": "0"}).status_code == 403
    assert client.post(reverse("resources_workspace:delete", args=[resource.pk])).status_code == 403
    resource.refresh_from_db()
    assert resource.is_published and Resource.objects.count() == 1
