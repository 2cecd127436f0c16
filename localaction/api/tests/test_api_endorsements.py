"""Endorsements of the Marrakech Mayors Declaration: the public list of signatories, without the signatory's name."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_only_verified_endorsements_of_verified_governments_are_listed(client, read_data):
    results = client.get(reverse("api:endorsement-list")).json()["results"]

    assert results == [{
        "government": {"id": "lyon", "name": "Lyon", "country": "FR",
                       "url": f"http://testserver{reverse('api:government-detail', args=['lyon'])}"},
        "region": "150", "signatory_title": "Mayor of Lyon", "signed_on": "2019-03-14",
    }]


def test_the_list_agrees_with_the_public_page(client, read_data):
    page = client.get(reverse("declarations:signatories")).content.decode()
    results = client.get(reverse("api:endorsement-list")).json()["results"]

    for endorsement in results:
        assert endorsement["government"]["name"] in page
    assert "Dakar" not in page and "Unverified Town" not in page
