"""The public verification of certificates: what a code certifies, in the reader's language, without personal data."""
from datetime import date

import pytest
from django.urls import reverse

from localaction.reports import services
from localaction.reports.models import GeneratedFile

from .helpers import signatory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]


@pytest.fixture
def certificate(personas):
    endorsement = signatory(personas.government_a, date(2019, 3, 14), signatory_name="Amina Haddad")
    issued = services.issue_certificate(personas.government_a, personas.member_a, basis="declaration", language="fr")
    issued.endorsement = endorsement
    return issued


def test_the_page_shows_what_the_certificate_certifies_and_no_personal_data(client, certificate, personas):
    response = client.get(reverse("reports:verify", args=[certificate.code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert certificate.code in page and personas.government_a.name in page
    assert "Marrakech Mayors Declaration" in page and "March 14, 2019" in page
    for private in ("Amina Haddad", personas.member_a.email, personas.member_a.full_name):
        assert private not in page


def test_it_reads_in_the_readers_language_whatever_the_certificates(client, certificate):
    with_language = reverse("reports:verify", args=[certificate.code]).replace("/en/", "/es/")
    page = client.get(with_language).content.decode()
    assert 'lang="es"' in page and "14 de marzo de 2019" in page


def test_a_code_typed_loosely_finds_the_certificate(client, certificate):
    loose = certificate.code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    response = client.get(reverse("reports:verify_lookup"), {"code": loose})
    assert response.status_code == 302 and response.url == reverse("reports:verify", args=[certificate.code])
    assert client.get(reverse("reports:verify", args=[certificate.code.lower()])).status_code == 302


def test_an_unknown_code_is_not_found(client, certificate):
    assert client.get(reverse("reports:verify", args=["ZZZZ-ZZZZ-ZZZZ"])).status_code == 404
    response = client.get(reverse("reports:verify_lookup"), {"code": "ZZZZ-ZZZZ-ZZZZ"})
    assert response.status_code == 200 and "No certificate has this code." in response.content.decode()


def test_a_certificate_whose_pdf_failed_was_never_issued(client, certificate):
    services.fail(certificate.file, "disk full")
    assert certificate.file.status == GeneratedFile.Status.FAILED and not certificate.file.file
    assert client.get(reverse("reports:verify", args=[certificate.code])).status_code == 404


def test_the_page_says_when_the_records_no_longer_show_it(client, certificate):
    certificate.endorsement.status = "rejected"
    certificate.endorsement.save()
    page = client.get(reverse("reports:verify", args=[certificate.code])).content.decode()
    assert "no longer show this today" in page
