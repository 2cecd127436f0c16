"""The content check of a resource's file: what a file is comes from its bytes, never from its name."""
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.resources.uploads import detect_resource_kind, validate_resource_file

from .factories import MINIMAL_PDF, PNG_BYTES


def zipped(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "kind"), [
    (MINIMAL_PDF, "pdf"),
    (zipped("[Content_Types].xml", "word/document.xml"), "docx"),
    (zipped("[Content_Types].xml", "xl/workbook.xml"), "xlsx"),
    (zipped("[Content_Types].xml", "ppt/presentation.xml"), "pptx"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 20, "mp3"),
    (b"\xff\xfb\x90\x64" + b"\x00" * 20, "mp3"),
    (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "mp4"),
])
def test_accepted_kinds_are_recognised_by_their_content(content, kind):
    assert detect_resource_kind(SimpleUploadedFile("no-extension", content)) == kind


@pytest.mark.parametrize("content", [
    PNG_BYTES,  # an image: a document of an action, not a resource
    b"\xff\xd8\xff\xe0" + b"\x00" * 20,  # a JPEG
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00",  # a HEIC photo shares MP4's container
    zipped("something/else.txt"),  # a ZIP that is no office document
    b"PK\x03\x04 not really a zip",
    b"<html><script>alert(1)</script></html>",
    b"MZ\x90\x00",  # a Windows program
])
def test_other_content_is_refused_whatever_the_name(content):
    with pytest.raises(ValidationError) as refused:
        validate_resource_file(SimpleUploadedFile("report.pdf", content))
    assert refused.value.code == "bad_type"


def test_a_png_renamed_pdf_is_refused():
    with pytest.raises(ValidationError, match="not one of the accepted kinds"):
        validate_resource_file(SimpleUploadedFile("report.pdf", PNG_BYTES, content_type="application/pdf"))


def test_a_file_over_the_limit_is_refused_with_the_limit_stated(settings):
    settings.LOCALACTION_RESOURCE_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as refused:
        validate_resource_file(SimpleUploadedFile("big.pdf", MINIMAL_PDF + b"0" * 2000))
    assert refused.value.code == "too_large"
    assert "1.0\xa0KB" in refused.value.messages[0]


def test_a_real_minimal_pdf_is_accepted(settings):
    settings.LOCALACTION_RESOURCE_MAX_UPLOAD_BYTES = len(MINIMAL_PDF)
    assert validate_resource_file(SimpleUploadedFile("report", MINIMAL_PDF)) == "pdf"
