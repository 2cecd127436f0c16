"""Certificates of recognition: who can get one, for what, in which language; the PDF and its stored file."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from localaction.campaigns.tests.factories import campaign as make_campaign
from localaction.declarations.tests.factories import EndorsementFactory
from localaction.reports import services
from localaction.reports.certificates import recognitions, verification_url
from localaction.reports.models import Certificate, GeneratedFile

from .helpers import action, page_text, reader, signatory

pytestmark = pytest.mark.django_db


@pytest.fixture
def endorsed(personas):
    """Government A's endorsement is verified."""
    return signatory(personas.government_a, date(2019, 3, 14), signatory_name="Amina Haddad")


@pytest.fixture
def imrf(personas):
    """A campaign with two of government A's published actions, one submitted to it and one announced at it."""
    campaign = make_campaign(name_en="IMRF 2026", name_fr="FEEM 2026")
    action(personas.government_a, "Welcome desk", date(2025, 3, 1), campaign=campaign, kind="pledge")
    announced = action(personas.government_a, "Legal clinic", date(2025, 4, 1))
    announced.announced_at.add(campaign)
    action(personas.government_b, "Someone else's action", date(2025, 4, 1), campaign=campaign)
    return campaign


def test_a_government_is_recognised_for_its_endorsement_and_its_campaigns(personas, endorsed, imrf):
    found = recognitions(personas.government_a)
    assert [item.key for item in found] == ["declaration", f"campaign:{imrf.slug}"]
    campaign_facts = found[1].facts
    assert campaign_facts["action_count"] == 2 and campaign_facts["pledge_count"] == 1
    assert {a["title_en"] for a in campaign_facts["actions"]} == {"Welcome desk", "Legal clinic"}
    assert "Amina Haddad" not in str(found[0].facts)


def test_nothing_to_recognise_without_a_verified_endorsement_or_a_published_campaign_action(personas):
    EndorsementFactory(government=personas.government_b, rejected=True)
    EndorsementFactory(government=personas.government_b)  # waiting for verification
    assert recognitions(personas.government_b) == []
    with pytest.raises(services.ReportError):
        services.issue_certificate(personas.government_b, personas.member_b, basis="declaration", language="en")


@pytest.mark.usefixtures("needs_weasyprint")
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_focal_point_gets_a_text_pdf_in_the_language_chosen(personas, endorsed, language):
    certificate = services.issue_certificate(personas.government_a, personas.member_a, basis="declaration", language=language)
    generated = certificate.file
    assert generated.kind == GeneratedFile.Kind.CERTIFICATE and generated.status == GeneratedFile.Status.READY
    assert generated.government == personas.government_a and generated.language == language and not generated.is_public
    document = reader(generated.file)
    assert len(document.pages) == 1
    text = page_text(document)
    with translation.override(language):
        assert gettext("Certificate of recognition") in text
    assert personas.government_a.name in text and certificate.code in text
    assert verification_url(certificate) in text.replace(" ", "")
    assert f"/{language}/reports/verify/{certificate.code}/" in verification_url(certificate)
    assert "Amina Haddad" not in text


@pytest.mark.usefixtures("needs_weasyprint")
def test_a_campaign_certificate_names_the_campaign_and_its_actions(personas, imrf):
    certificate = services.issue_certificate(personas.government_a, personas.member_a, basis="campaign", campaign=imrf,
                                             language="fr")
    text = page_text(reader(certificate.file.file))
    assert "FEEM 2026" in text and "Welcome desk" in text and "Legal clinic" in text
    assert "Someone else" not in text


@pytest.mark.usefixtures("needs_weasyprint")
def test_asking_again_for_the_same_facts_gives_the_same_certificate(personas, endorsed):
    first = services.issue_certificate(personas.government_a, personas.member_a, basis="declaration", language="en")
    again = services.issue_certificate(personas.government_a, personas.member_a, basis="declaration", language="en")
    other_language = services.issue_certificate(personas.government_a, personas.member_a, basis="declaration", language="es")
    assert again.pk == first.pk and other_language.pk != first.pk
    assert Certificate.objects.count() == GeneratedFile.objects.count() == 2


def test_only_the_governments_focal_points_may_get_one(personas, endorsed):
    for person in (personas.editor_a, personas.member_b, personas.reviewer):
        with pytest.raises(PermissionDenied):
            services.issue_certificate(personas.government_a, person, basis="declaration", language="en")
    assert not Certificate.objects.exists()


@pytest.mark.usefixtures("needs_weasyprint")
def test_the_workspace_page_issues_and_lists_certificates(client_for, personas, endorsed):
    client = client_for("member_a")
    url = reverse("reports_workspace:certificates", args=[personas.government_a.slug])
    page = client.get(url).content.decode()
    assert 'name="recognition" value="declaration"' in page
    assert '<option value="en" selected>' in page  # the focal point's own language, changeable
    response = client.post(url, {"recognition": "declaration", "language": "es"})
    certificate = Certificate.objects.get()
    assert response.status_code == 302 and certificate.language == "es"
    page = client.get(url).content.decode()
    download = reverse("reports_workspace:certificate_download", args=[personas.government_a.slug, certificate.code])
    assert certificate.code in page and download in page
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_recognition_the_government_does_not_have_is_refused(client_for, personas):
    client = client_for("member_a")
    url = reverse("reports_workspace:certificates", args=[personas.government_a.slug])
    response = client.post(url, {"recognition": "declaration", "language": "en"}, follow=True)
    assert "Your government cannot receive this certificate." in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.usefixtures("needs_weasyprint")
def test_another_governments_members_cannot_download_it(client_for, personas, endorsed):
    certificate = services.issue_certificate(personas.government_a, personas.member_a, basis="declaration", language="en")
    other = reverse("reports_workspace:certificate_download", args=[personas.government_b.slug, certificate.code])
    mine = reverse("reports_workspace:certificate_download", args=[personas.government_a.slug, certificate.code])
    assert client_for("member_b").get(other).status_code == 404  # their own government: no such certificate
    assert client_for("member_b").get(mine).status_code == 404
    assert client_for("editor_a").get(mine).status_code == 403
