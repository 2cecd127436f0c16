"""Factories and sample files for the library's tests."""
import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.resources.models import Resource

# A minimal but well-formed one-page PDF.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def pdf_upload(name="report.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published link resource in English; `file=pdf_upload()` (and url="") for a stored file."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Resource {n}")
    type = Resource.Type.GUIDE
    language = Resource.Language.EN
    year = 2024
    url = factory.Sequence(lambda n: f"https://example.org/resources/{n}")
    is_published = True

    @factory.post_generation
    def gcm_objectives(self, create, numbers):
        if numbers:
            self.gcm_objectives.set(numbers)

    @factory.post_generation
    def gcr_objectives(self, create, numbers):
        if numbers:
            self.gcr_objectives.set(numbers)

    @factory.post_generation
    def sdgs(self, create, numbers):
        if numbers:
            self.sdgs.set(numbers)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("file"):
            kwargs.setdefault("file_kind", "pdf")
            kwargs.setdefault("file_size", kwargs["file"].size)
        return super()._create(model_class, *args, **kwargs)
