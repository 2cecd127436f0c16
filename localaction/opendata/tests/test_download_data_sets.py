"""Whole data sets (governments, endorsements, progress updates, campaigns): only what the public pages show, and
never an e-mail address, phone number or name of a member in any download."""
import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action
from localaction.declarations.models import Endorsement
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.opendata.exporters import EXPORTERS
from localaction.progress.models import Evidence, ProgressUpdate
from localaction.taxonomy.models import Term

from .downloads import FORMATS, body, rows

pytestmark = pytest.mark.django_db

EMAIL = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(rb"\+\d[\d ]{7,}")


def url(name, extension):
    if name == "actions":
        return reverse("opendata:actions_download", kwargs={"format": extension})
    return reverse("opendata:download", kwargs={"resource": name, "format": extension})


@pytest.fixture
def public_and_private(personas):
    """Public content written by members with names, next to things the public never sees."""
    for user, name in ((personas.member_a, "Amina Diallo"), (personas.editor_a, "Bruno Keller"), (personas.member_b, "Carla Ruiz")):
        user.full_name = name
        user.save()
    government_a, government_b = personas.government_a, personas.government_b
    unverified = GovernmentFactory(name="Not yet verified", verified=False)
    pledge = ActionFactory(
        published=True, kind=Action.Kind.PLEDGE, stage=Action.Stage.IN_PROGRESS, government=government_a,
        created_by=personas.member_a, review_note="Reviewer's private note", campaign=CampaignFactory(slug="grf-2023"),
    )
    indicator = pledge.indicators.create(name="People taking part", unit="people", target=500)
    draft = ActionFactory(government=government_b, title_en="A draft nobody sees", created_by=personas.member_b)
    now = timezone.now()
    update = ProgressUpdate.objects.create(
        action=pledge, status=ProgressUpdate.Status.PUBLISHED, stage=Action.Stage.IN_PROGRESS,
        reported_on=datetime.date(2025, 6, 30), narrative_en="Two cafés opened.", narrative_fr="Deux cafés ouverts.",
        money_committed=5000, money_spent=-20, currency="EUR", created_by=personas.editor_a, published_at=now,
        review_note="Returned once",
    )
    update.people_reached.create(target_group=Term.objects.get(vocabulary_id="target_groups", key="refugees"), count=120)
    update.indicator_values.create(indicator=indicator, value=40)
    Evidence.objects.create(update=update, title="Press article", url="https://news.example.org/cafes")
    ProgressUpdate.objects.create(
        action=pledge, status=ProgressUpdate.Status.SUBMITTED, stage=Action.Stage.FULFILLED,
        reported_on=datetime.date(2025, 12, 31), narrative_en="Not reviewed yet", created_by=personas.member_a,
    )
    Endorsement.objects.create(
        government=government_a, signatory_name="Mayor Hélène Martin", signatory_title="Mayor of Government A",
        signed_on=datetime.date(2024, 5, 1), letter="declarations/a.pdf", status=Endorsement.Status.VERIFIED,
        submitted_by=personas.member_a, decided_at=now,
    )
    Endorsement.objects.create(
        government=government_b, signatory_name="Waiting Signatory", signatory_title="Mayor", signed_on=datetime.date(2024, 6, 1),
        letter="declarations/b.pdf", submitted_by=personas.member_b,
    )
    return {"pledge": pledge, "draft": draft, "update": update, "unverified": unverified}


def test_governments_are_the_verified_ones_with_their_published_actions(client, public_and_private):
    downloaded = {row["slug"]: row for row in rows(client.get(url("governments", "csv")), "csv")}
    assert set(downloaded) == {"government-a", "government-b"}
    assert (downloaded["government-a"]["published_actions"], downloaded["government-b"]["published_actions"]) == ("1", "0")
    assert downloaded["government-a"]["country"] == "FR"


def test_endorsements_are_the_verified_ones_with_the_signatorys_office_not_name(client, public_and_private):
    [row] = rows(client.get(url("endorsements", "json")), "json", sheet="endorsements")
    assert row["government"] == "government-a"
    assert (row["signatory_title"], row["signed_on"]) == ("Mayor of Government A", "2024-05-01")
    assert "signatory_name" not in row  # a person's name stays on the page, out of bulk files


def test_progress_updates_are_the_published_ones_with_their_figures(client, public_and_private):
    pledge, update = public_and_private["pledge"], public_and_private["update"]
    [row] = rows(client.get(url("progress-updates", "json")), "json")
    assert (row["id"], row["action"], row["stage"], row["reported_on"]) == (update.pk, pledge.public_id, "in_progress", "2025-06-30")
    assert (row["narrative_en"], row["narrative_fr"], row["narrative_es"]) == ("Two cafés opened.", "Deux cafés ouverts.", None)
    assert row["people_reached"] == [{"target_group": "refugees", "count": 120}]
    assert row["indicator_values"] == [{"indicator": "People taking part", "unit": "people", "value": 40, "target": 500}]
    assert row["evidence"] == [{"title": "Press article", "url": "https://news.example.org/cafes"}]
    assert row["money_spent"] == -20

    [cells] = rows(client.get(url("progress-updates", "xlsx")), "xlsx", sheet="progress-updates")
    assert cells["money_spent"] == -20 and cells["narrative_fr"] == "Deux cafés ouverts."


def test_progress_updates_of_a_withdrawn_pledge_leave_the_download(client, public_and_private):
    Action.objects.filter(pk=public_and_private["pledge"].pk).update(status=Action.Status.WITHDRAWN)
    assert rows(client.get(url("progress-updates", "csv")), "csv") == []


def test_campaigns_list_their_names_per_language_and_published_actions(client, public_and_private):
    [row] = rows(client.get(url("campaigns", "csv")), "csv")
    assert (row["slug"], row["published_actions"], row["forum"]) == ("grf-2023", "1", "imrf")
    assert {"name_en", "name_fr", "name_es", "description_en", "description_fr", "description_es"} <= row.keys()


@pytest.mark.parametrize("name", EXPORTERS)
@pytest.mark.parametrize("extension", FORMATS)
def test_no_download_holds_a_members_email_phone_or_name(client, public_and_private, personas, name, extension):
    content = body(client.get(url(name, extension)))
    if extension == "xlsx":
        from io import BytesIO

        from openpyxl import load_workbook

        workbook = load_workbook(BytesIO(content))
        content = "\n".join(
            str(cell) for sheet in workbook for row in sheet.values for cell in row if cell is not None
        ).encode()
    assert not EMAIL.findall(content), name
    assert not PHONE.findall(content), name
    for secret in ("Mayor Hélène Martin", "Amina Diallo", "Bruno Keller", "Carla Ruiz", "A draft nobody sees", "Not reviewed yet",
                   "Reviewer's private note", "Returned once", "Waiting Signatory", "Not yet verified"):
        assert secret.encode() not in content, (name, secret)
