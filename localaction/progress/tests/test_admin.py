"""The admin of progress updates: readable and correctable, but the workflow's fields are read-only there (the
workspace moves them, so each step is logged and notified) and files are served by the permission-checked view."""
import pytest
from django.urls import reverse

from .factories import ProgressUpdateFactory, pdf_upload, published_pledge

pytestmark = pytest.mark.django_db


def test_staff_read_an_update_with_its_status_read_only(client_for, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    update = ProgressUpdateFactory(action=published_pledge(personas.government_a), submitted=True)
    evidence = update.evidence.create(title="Report", file=pdf_upload())
    client = client_for("admin")

    page = client.get(reverse("admin:progress_progressupdate_change", args=[update.pk])).content.decode()

    assert 'name="narrative_en"' in page
    assert 'name="status"' not in page and 'name="published_at"' not in page
    assert reverse("progress:evidence", args=[evidence.pk]) in page
    assert settings.MEDIA_URL not in page
    assert client.get(reverse("admin:progress_progressupdate_changelist")).status_code == 200
    assert client.get(reverse("admin:progress_progressupdate_add")).status_code == 403
