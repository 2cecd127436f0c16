"""Factories of the declarations tests."""
import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.declarations.models import Endorsement
from localaction.factories import GovernmentFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="signed-letter.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class EndorsementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Endorsement

    government = factory.SubFactory(GovernmentFactory)
    signatory_name = "Amina Haddad"
    signatory_title = "Mayor"
    signed_on = datetime.date(2019, 3, 14)
    letter = factory.LazyFunction(pdf_upload)

    class Params:
        verified = factory.Trait(status=Endorsement.Status.VERIFIED)
        rejected = factory.Trait(status=Endorsement.Status.REJECTED, reason="The letter is not signed.")
