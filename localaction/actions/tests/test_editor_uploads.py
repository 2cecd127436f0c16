"""Documents in the editor: checked by what they contain and by size, stored under random names, served only to
members, and removable."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action

from .editor_helpers import documents, edit_url, office_file

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def draft(personas):
    return services.create_draft(personas.government_a, personas.editor_a, title_en="Welcome desk")


def upload(client, action, name, content, title="Annual report", **extra):
    data = documents(**{"upload-title": title, "upload-file": SimpleUploadedFile(name, content)}, **extra)
    return client.post(edit_url(action, "documents"), data)


@pytest.mark.parametrize("name, content, extension", [
    ("report.pdf", b"%PDF-1.7\n%binary", "pdf"),
    ("photo.png", PNG, "png"),
    ("photo.jpeg", JPEG, "jpg"),
    ("plan.docx", office_file("docx"), "docx"),
    ("budget.xlsx", office_file("xlsx"), "xlsx"),
    ("notes.odt", office_file("odt"), "odt"),
])
def test_accepted_kinds_are_stored_under_a_random_name(client_for, draft, name, content, extension):
    response = upload(client_for("editor_a"), draft, name, content)
    assert response.status_code == 302
    document = draft.documents.get()
    assert document.title == "Annual report" and document.is_public
    stored = document.file.name.rsplit("/", 1)[-1]
    assert stored.endswith(f".{extension}") and name.rsplit(".", 1)[0] not in stored
    assert document.file.read() == content


def test_the_stored_extension_follows_the_content_not_the_name(client_for, draft):
    upload(client_for("editor_a"), draft, "photo.pdf", PNG)
    assert draft.documents.get().file.name.endswith(".png")


@pytest.mark.parametrize("name, content", [
    ("report.pdf", b"<html><script>alert(1)</script></html>"),
    ("plan.docx", office_file("zip")),
    ("plan.docx", b"PK\x03\x04 not really a zip"),
    ("run.exe", b"MZ\x90\x00"),
])
def test_other_content_is_refused_whatever_its_name(client_for, draft, name, content):
    response = upload(client_for("editor_a"), draft, name, content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This file is not one of the accepted kinds" in page and 'href="#id_upload-file"' in page
    assert 'value="Annual report"' in page
    assert not draft.documents.exists()


def test_a_file_over_the_size_limit_is_refused(client_for, draft, settings):
    settings.LOCALACTION_MAX_UPLOAD_BYTES = 1024
    response = upload(client_for("editor_a"), draft, "big.pdf", b"%PDF-1.7" + b"0" * 2048)
    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    assert not draft.documents.exists()


def test_an_upload_needs_a_title_and_a_title_needs_a_file(client_for, draft):
    client = client_for("editor_a")
    response = upload(client, draft, "report.pdf", b"%PDF-1.7", title="")
    assert "Give the document a title." in response.content.decode()
    response = client.post(edit_url(draft, "documents"), documents(**{"upload-title": "Report"}))
    assert "Choose a file to upload, or clear the title." in response.content.decode()
    assert not draft.documents.exists()


def test_an_error_elsewhere_on_the_page_asks_for_the_file_again(client_for, draft):
    response = upload(client_for("editor_a"), draft, "report.pdf", b"%PDF-1.7",
                      links=[{"url": "not an address", "title": "Broken"}])
    page = response.content.decode()
    assert "Enter a valid URL." in page and "choose the file again" in page
    assert not draft.documents.exists() and not draft.links.exists()


def test_a_private_document_is_kept_off_the_public_page_but_members_can_download_it(client, client_for, draft):
    member = client_for("editor_a")
    upload(member, draft, "report.pdf", b"%PDF-1.7 private", **{"upload-is_public": ""})
    document = draft.documents.get()
    assert not document.is_public
    url = reverse("actions_workspace:document", args=[draft.public_id, document.pk])
    response = member.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7 private"
    assert 'filename="annual-report.pdf"' in response["Content-Disposition"]
    assert client_for("member_b").get(url).status_code == 404
    Action.objects.filter(pk=draft.pk).update(status=Action.Status.PUBLISHED)
    client.logout()
    assert client.get(reverse("actions:document", args=[draft.public_id, document.pk])).status_code == 404


def test_documents_can_be_renamed_and_deleted(client_for, draft):
    client = client_for("editor_a")
    upload(client, draft, "report.pdf", b"%PDF-1.7 one", title="First")
    upload(client, draft, "plan.pdf", b"%PDF-1.7 two", title="Second")
    first, second = draft.documents.all()
    page = client.get(edit_url(draft, "documents")).content.decode()
    assert reverse("actions_workspace:document", args=[draft.public_id, first.pk]) in page
    client.post(edit_url(draft, "documents"), documents(documents_existing=[
        {"id": first.pk, "title": "First, renamed", "is_public": "on"},
        {"id": second.pk, "title": "Second", "is_public": "on", "DELETE": "on"},
    ]))
    assert list(draft.documents.values_list("title", flat=True)) == ["First, renamed"]
