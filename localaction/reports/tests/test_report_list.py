"""The public reports page: published editions only, each with the languages its PDF is ready in."""
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from localaction.reports.models import AnnualReport, GeneratedFile

pytestmark = pytest.mark.django_db


def ready_pdf(edition, language):
    generated = GeneratedFile(kind=GeneratedFile.Kind.ANNUAL_REPORT, title="Report", language=language,
                              status=GeneratedFile.Status.READY, parameters={"edition": edition.pk})
    generated.file.save(f"report-{language}.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return generated


def test_it_lists_published_editions_with_their_ready_languages(client):
    published = AnnualReport.objects.create(period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), is_published=True)
    hidden = AnnualReport.objects.create(period_start=date(2024, 1, 1), period_end=date(2024, 6, 30))
    ready_pdf(published, "fr")
    ready_pdf(hidden, "en")
    page = client.get(reverse("reports:list")).content.decode()
    assert "2025" in page and reverse("reports:download", args=[published.pk, "fr"]) in page
    assert reverse("reports:download", args=[published.pk, "en"]) not in page
    assert reverse("reports:download", args=[hidden.pk, "en"]) not in page
    assert client.get(reverse("reports:download", args=[hidden.pk, "en"])).status_code == 404


def test_it_offers_to_check_a_certificate(client):
    page = client.get(reverse("reports:list")).content.decode()
    assert f'action="{reverse("reports:verify_lookup")}"' in page and 'name="code"' in page
