"""Every upload field (found on the pages of the permission matrix) with files that lie about themselves: a PNG, an
SVG with a script and an HTML page each named .pdf, a file over the size limit, a ZIP bomb, a name climbing out
of the folder. Refused files get a message next to the field and leave nothing in storage; accepted files are
stored under a name of our own, with the extension of what they contain."""
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.imports.reading import MAX_BYTES as IMPORT_MAX_BYTES

from .corpus import HTML_PAGE, PDF, PNG, SVG_WITH_SCRIPT, zip_bomb
from .formfill import fill
from .test_hostile_forms import objects, pages_with_forms  # noqa: F401

pytestmark = pytest.mark.django_db

LIMIT = 64 * 1024
# Files that are never a PDF, an image, an office document or a spreadsheet, whatever their name.
NEVER_ACCEPTED = {
    "svg-with-script": ("letter.pdf", SVG_WITH_SCRIPT),
    "html-page": ("letter.pdf", HTML_PAGE),
}
# Text-based importers read any text as CSV: they may keep these, under a name of their own.
CSV_READERS = {"imports:upload"}


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.LOCALACTION_MAX_UPLOAD_BYTES = LIMIT
    settings.LOCALACTION_RESOURCE_MAX_UPLOAD_BYTES = LIMIT


def stored_files(media):
    return {path for path in Path(media).rglob("*") if path.is_file()} if Path(media).exists() else set()


def upload_forms(client, persona, objects):
    """(page name, target, form, file field name) of every form with a file input the persona can post."""
    for name, target, form in pages_with_forms(client, persona, objects, file_fields=True):
        for kind, field, _value, attrs in form.fields:
            if kind == "file":
                yield name, target, form, field, attrs.get("id", "")


def post_file(client, target, form, field, filename, content):
    data = fill(form, text="harmless-text", keep_values=True)  # valid as text and as a slug
    data[field] = SimpleUploadedFile(filename, content, content_type="application/pdf")
    started = time.monotonic()
    response = client.post(target, data)
    return response, time.monotonic() - started


def check_refused_or_renamed(name, response, field_id, before, after, filename, failures, refuse=True,
                             message=True):
    new = after - before
    if response.status_code >= 500:
        failures.append(f"{name}: {response.status_code}")
    elif response.status_code in (200, 400):  # the form again, with its errors
        if new:
            failures.append(f"{name}: refused, yet stored {sorted(map(str, new))}")
        if message and field_id and f'id="{field_id}_error"' not in response.content.decode():
            failures.append(f"{name}: refused without a message next to the field")
    elif refuse:
        failures.append(f"{name}: {filename} accepted ({response.status_code})")
    else:
        for path in new:
            if Path(filename).stem in path.name or path.suffix.lower() in (".svg", ".html", ".htm"):
                failures.append(f"{name}: stored under the sender's name or kind: {path.name}")


@pytest.mark.parametrize("persona", ["member_a", "reviewer"])
def test_files_that_lie_about_their_kind_are_refused_with_a_message(client_for, objects, media_root, persona):
    client = client_for(persona)
    failures, seen = [], 0
    for name, target, form, field, field_id in list(upload_forms(client, persona, objects)):
        seen += 1
        for label, (filename, content) in NEVER_ACCEPTED.items():
            before = stored_files(media_root)
            response, _seconds = post_file(client, target, form, field, filename, content)
            check_refused_or_renamed(f"{name} {label}", response, field_id, before, stored_files(media_root),
                                     filename, failures, refuse=name not in CSV_READERS)
        before = stored_files(media_root)
        response, _seconds = post_file(client, target, form, field, "photo.pdf", PNG)
        # Where images are accepted a PNG is kept as a .png; elsewhere it is refused.
        check_refused_or_renamed(f"{name} png-as-pdf", response, field_id, before, stored_files(media_root),
                                 "photo.pdf", failures, refuse=False, message=False)
        for path in stored_files(media_root) - before:
            if path.suffix.lower() == ".pdf":
                failures.append(f"{name}: a PNG stored as {path.name}")
    assert seen, "no upload form found: the test proves nothing"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("persona", ["member_a", "reviewer"])
def test_oversized_files_and_zip_bombs_are_refused_quickly(client_for, objects, media_root, persona):
    client = client_for(persona)
    failures = []
    for name, target, form, field, field_id in list(upload_forms(client, persona, objects)):
        limit = IMPORT_MAX_BYTES if name.startswith("imports") else LIMIT
        before = stored_files(media_root)
        response, _seconds = post_file(client, target, form, field, "big.pdf", PDF + b"0" * limit)
        check_refused_or_renamed(f"{name} oversize", response, field_id, before, stored_files(media_root),
                                 "big.pdf", failures)
        before = stored_files(media_root)
        response, seconds = post_file(client, target, form, field, "bomb.xlsx", zip_bomb(200 * 1024 * 1024))
        if seconds > 5:
            failures.append(f"{name}: a ZIP bomb took {seconds:.1f} s (it was inflated)")
        # An office document's parts are never inflated by us: keeping it, renamed, is harmless.
        check_refused_or_renamed(f"{name} zip bomb", response, field_id, before, stored_files(media_root),
                                 "bomb.xlsx", failures, refuse=False)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("persona", ["member_a", "reviewer"])
def test_accepted_files_get_a_name_of_our_own_inside_the_media_folder(client_for, objects, media_root, persona):
    client = client_for(persona)
    failures, accepted = [], 0
    for name, target, form, field, _field_id in list(upload_forms(client, persona, objects)):
        before = stored_files(media_root)
        response, _seconds = post_file(client, target, form, field, "../../../etc/evil<script>.pdf", PDF)
        assert response.status_code < 500, name
        for path in stored_files(media_root) - before:
            accepted += 1
            resolved = path.resolve()
            if Path(media_root).resolve() not in resolved.parents or "evil" in path.name or "script" in path.name:
                failures.append(f"{name}: stored as {path}")
    assert not failures, "\n".join(failures)
    if persona == "member_a":
        assert accepted, "no PDF was accepted anywhere: the test proves nothing"
