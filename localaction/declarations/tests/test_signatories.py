"""The public list of signatories of the Marrakech Mayors Declaration, and the badge on government profiles."""
import datetime
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from localaction.factories import GovernmentFactory, UserFactory
from localaction.taxonomy.models import Country

from .factories import EndorsementFactory

pytestmark = pytest.mark.django_db

URL = "declarations:signatories"


def government(name, country, verified=True):
    return GovernmentFactory(name=name, country=Country.objects.get(code=country), verified=verified)


def signatory(name, country, **extra):
    return EndorsementFactory(government=government(name, country), verified=True, **extra)


def region_counts(page):
    """{region: count} read from the counts table, as a reader sees it."""
    table = page[page.index("<caption>"):page.index("</table>", page.index("<caption>"))]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="num">(\d+)</td></tr>', table)
    return {region: int(count) for region, count in rows}


def test_it_lists_only_verified_endorsements_of_verified_governments(client):
    signatory("Rabat", "MA")
    EndorsementFactory(government=government("Waiting Town", "FR"))
    EndorsementFactory(government=government("Rejected Town", "FR"), rejected=True)
    EndorsementFactory(government=government("Unverified Town", "FR", verified=False), verified=True)

    page = client.get(reverse(URL)).content.decode()

    assert "Rabat" in page
    for hidden in ("Waiting Town", "Rejected Town", "Unverified Town"):
        assert hidden not in page
    assert "1 government has endorsed the Declaration." in page


def test_it_counts_signatories_by_region_with_a_total(client):
    for name, country in [("Dakar", "SN"), ("Rabat", "MA"), ("Lyon", "FR"), ("Berlin", "DE"), ("Bristol", "GB"), ("Tokyo", "JP")]:
        signatory(name, country)
    EndorsementFactory(government=government("Paris", "FR"))  # waiting: not counted

    page = client.get(reverse(URL)).content.decode()

    assert region_counts(page) == {"Africa": 2, "Asia": 1, "Europe": 3, "Total": 6}
    assert "<caption>Number of signatories in each region (UN M49)</caption>" in page
    assert "6 governments have endorsed the Declaration." in page


def test_it_sorts_by_region_then_name(client):
    for name, country in [("Zürich", "CH"), ("Évora", "PT"), ("Amsterdam", "NL"), ("Tokyo", "JP"), ("Rabat", "MA"), ("Dakar", "SN")]:
        signatory(name, country)

    page = client.get(reverse(URL)).content.decode()
    listing = page[page.index('id="signatories-title"'):]

    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', listing)
    assert names == ["Dakar", "Rabat", "Tokyo", "Amsterdam", "Évora", "Zürich"]
    headings = re.findall(r'<h3 id="region-\d+">([^<]+)</h3>', listing)
    assert headings == ["Africa", "Asia", "Europe"]


def test_each_signatory_shows_its_profile_link_country_signatory_and_date(client):
    endorsement = signatory("Rabat", "MA", signatory_name="Asmaa Rhlalou", signatory_title="Mayor of Rabat",
                            signed_on=datetime.date(2019, 3, 14))

    page = client.get(reverse(URL)).content.decode()

    assert f'<a href="{endorsement.government.get_absolute_url()}">Rabat</a>' in page
    assert "Morocco" in page
    assert "Asmaa Rhlalou, Mayor of Rabat" in page
    assert '<time datetime="2019-03-14">March 14, 2019</time>' in page


def test_it_shows_no_personal_data_of_the_people_who_sent_or_verified_endorsements(client):
    sender = UserFactory(email="focal.point@rabat.example", full_name="Youssef Sender")
    reviewer = UserFactory(email="secretariat@example.org", full_name="Rita Reviewer")
    signatory("Rabat", "MA", submitted_by=sender, decided_by=reviewer)

    page = client.get(reverse(URL)).content.decode()

    for private in ("focal.point@rabat.example", "Youssef Sender", "secretariat@example.org", "Rita Reviewer", "@"):
        assert private not in page
    assert "/media/" not in page
    assert reverse("declarations_workspace:letter", args=[1]).rsplit("/", 2)[0] not in page


def test_it_explains_the_declaration(client):
    page = client.get(reverse(URL)).content.decode()
    assert "<h1>Marrakech Mayors Declaration</h1>" in page
    assert "8 December 2018" in page
    assert "5th Mayoral Forum on Human Mobility, Migration and Development" in page
    assert "No endorsement has been verified yet." in page


def test_a_focal_point_finds_the_way_to_endorse_from_it(client_for, personas):
    page = client_for("member_a").get(reverse(URL)).content.decode()
    assert reverse("declarations_workspace:endorse", args=[personas.government_a.slug]) in page
    assert reverse("declarations_workspace:endorse", args=[personas.government_b.slug]) not in page
    assert "sign in to endorse" in client_for("anonymous").get(reverse(URL)).content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_it_answers_in_each_language_with_region_and_country_names_in_it(client, language):
    signatory("Rabat", "MA")
    with translation.override(language):
        url = reverse(URL)
    assert url.startswith(f"/{language}/")

    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    region, country = {"en": ("Africa", "Morocco"), "fr": ("Afrique", "Maroc"), "es": ("África", "Marruecos")}[language]
    assert region_counts(page)[region] == 1
    assert country in page


def test_the_number_of_queries_does_not_grow_with_the_list(client):
    signatory("Rabat", "MA")
    client.get(reverse(URL))  # warm the demo-mode cache and the content types
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(URL))
    for number, country in enumerate(["FR", "JP", "BR", "SN", "DE", "NL", "PT", "CH"]):
        signatory(f"Town {number}", country)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse(URL)).content.decode()

    assert "9 governments have endorsed the Declaration." in page
    assert len(many) == len(few) == 1


def test_the_profile_badge_shows_the_date_of_a_verified_endorsement_only():
    verified = signatory("Rabat", "MA", signed_on=datetime.date(2019, 3, 14)).government
    waiting = EndorsementFactory(government=government("Lyon", "FR")).government
    hidden = EndorsementFactory(government=government("Hidden", "FR", verified=False), verified=True).government

    badge = render_to_string("declarations/_government_badge.html", {"government": verified})
    assert "Signed the Marrakech Mayors Declaration on March 14, 2019" in badge
    assert reverse(URL) in badge
    for government_without in (waiting, hidden, GovernmentFactory()):
        assert render_to_string("declarations/_government_badge.html", {"government": government_without}).strip() == ""
