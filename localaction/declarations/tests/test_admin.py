"""The admin lists endorsements; it never links letters through MEDIA_URL and does not decide."""
import pytest
from django.urls import reverse

from localaction.factories import GovernmentFactory
from localaction.taxonomy.models import Country

from .factories import EndorsementFactory

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_status_and_region_and_searches_by_government(client_for):
    EndorsementFactory(government=GovernmentFactory(name="Rabat", country=Country.objects.get(code="MA")), verified=True)
    EndorsementFactory(government=GovernmentFactory(name="Lyon"))
    client = client_for("admin")
    changelist = reverse("admin:declarations_endorsement_changelist")

    assert "Rabat" in client.get(changelist, {"q": "rab"}).content.decode()
    assert "Lyon" not in client.get(changelist, {"q": "rab"}).content.decode()
    by_status = client.get(changelist, {"status__exact": "submitted"}).content.decode()
    assert "Lyon" in by_status and "Rabat" not in by_status
    by_region = client.get(changelist, {"government__country__region__code__exact": "002"}).content.decode()
    assert "Rabat" in by_region and "Lyon" not in by_region


def test_the_change_page_links_the_letter_through_the_permission_check(client_for):
    endorsement = EndorsementFactory()
    page = client_for("admin").get(reverse("admin:declarations_endorsement_change", args=[endorsement.pk])).content.decode()
    assert reverse("declarations_workspace:letter", args=[endorsement.pk]) in page
    assert "/media/" not in page


def test_endorsements_are_not_added_by_hand(client_for):
    assert client_for("admin").get(reverse("admin:declarations_endorsement_add")).status_code == 403
