"""The workspace API for progress updates: the lead government's members write, change, submit, withdraw and
delete updates on their published pledges, as on the web; nobody else reaches them."""
import pytest

from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory
from localaction.progress.models import ProgressUpdate
from localaction.progress.tests.factories import ProgressUpdateFactory, published_pledge

from .write_helpers import api_for, api_url  # noqa: F401

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status
UPDATE = {"stage": "in_progress", "reported_on": "2025-06-30", "narrative": {"en": "Two language cafés opened."}}


@pytest.fixture
def pledge(personas):
    return published_pledge(personas.government_a, title_en="Language cafés")


def new_url(pledge):
    return api_url("workspace-progress-list", pledge.public_id)


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
def test_a_member_writes_a_draft_update_on_a_published_pledge(api_for, pledge, personas, persona):
    indicator = pledge.indicators.get()
    response = api_for(persona).post(new_url(pledge), {
        **UPDATE, "indicator_values": [{"indicator": indicator.pk, "value": 250}],
        "people_reached": {"refugees": 120}, "money_spent": "20000",
        "links": [{"title": "Press release", "url": "https://example.org/news"}],
    })

    assert response.status_code == 201, response.json()
    update = ProgressUpdate.objects.get(pk=response.json()["id"])
    assert response["Location"] == api_url("workspace-progress-detail", update.pk)
    assert update.status == Status.DRAFT and update.created_by == personas.get(persona)
    assert update.indicator_values.get().value == 250 and update.people_reached.get().count == 120
    assert update.evidence.get().url == "https://example.org/news"
    # Left out, the figures the web form pre-fills: the pledge's budget and currency before any update.
    assert update.money_committed == 100000 and update.currency == "EUR"
    entry = ActivityLog.objects.get(verb="progress.created")
    assert entry.actor == personas.get(persona) and entry.government == personas.government_a


def test_a_second_update_is_refused_while_one_is_in_progress(api_for, pledge):
    api = api_for("member_a")
    first = api.post(new_url(pledge), UPDATE).json()["id"]

    response = api.post(new_url(pledge), UPDATE)
    assert response.status_code == 409 and response.json()["id"] == first


@pytest.mark.parametrize("kind, status", [("practice", "published"), ("pledge", "draft")])
def test_progress_is_only_for_published_pledges(api_for, personas, kind, status):
    action = ActionFactory(government=personas.government_a, kind=kind, status=status)
    response = api_for("member_a").post(new_url(action), UPDATE)
    assert response.status_code == 409 and "published pledges only" in response.json()["detail"]


def test_another_governments_members_cannot_report_on_a_pledge(api_for, pledge):
    update = ProgressUpdateFactory(action=pledge)
    api = api_for("member_b")

    assert api.get(new_url(pledge)).status_code == 404
    assert api.post(new_url(pledge), UPDATE).status_code == 404
    assert api.get(api_url("workspace-progress-detail", update.pk)).status_code == 404
    assert api.patch(api_url("workspace-progress-detail", update.pk), {"narrative": {"en": "Taken"}}).status_code == 404
    assert api.post(api_url("workspace-progress-submit", update.pk)).status_code == 404
    assert api.delete(api_url("workspace-progress-detail", update.pk)).status_code == 404
    update.refresh_from_db()
    assert update.status == Status.DRAFT and update.narrative_en != "Taken"
    assert not ActivityLog.objects.filter(verb__startswith="progress.").exists()


def test_a_patch_changes_only_what_is_sent(api_for, pledge):
    update = ProgressUpdateFactory(action=pledge, money_spent=1000)

    url = api_url("workspace-progress-detail", update.pk)
    response = api_for("editor_a").patch(url, {"people_reached": {"migrants": 5}})

    assert response.status_code == 200
    update.refresh_from_db()
    assert update.money_spent == 1000 and update.narrative_en.startswith("Two language cafés")
    assert dict(update.people_reached.values_list("target_group__key", "count")) == {"migrants": 5}
    assert ActivityLog.objects.get(verb="progress.edited").payload["fields"] == ["people_reached"]


def test_unknown_indicators_and_target_groups_are_named(api_for, pledge):
    response = api_for("member_a").post(new_url(pledge), {
        **UPDATE, "indicator_values": [{"indicator": 999999, "value": 1}], "people_reached": {"nobody": 3},
    })
    assert response.status_code == 400
    assert set(response.json()) == {"indicator_values", "people_reached"}
    assert not ProgressUpdate.objects.exists()


def test_submit_withdraw_and_delete_follow_the_web_flow(api_for, pledge):
    api = api_for("member_a")
    pk = api.post(new_url(pledge), UPDATE).json()["id"]

    assert api.post(api_url("workspace-progress-submit", pk)).json()["status"] == "submitted"
    refused = api.patch(api_url("workspace-progress-detail", pk), {"narrative": {"en": "Later"}})
    assert refused.status_code == 409
    assert api.delete(api_url("workspace-progress-detail", pk)).status_code == 409
    assert api.post(api_url("workspace-progress-withdraw", pk)).json()["status"] == "draft"
    assert api.delete(api_url("workspace-progress-detail", pk)).status_code == 204

    assert not ProgressUpdate.objects.exists()
    verbs = list(ActivityLog.objects.filter(verb__startswith="progress.").order_by("id").values_list("verb", flat=True))
    assert verbs == ["progress.created", "progress.submitted", "progress.withdrawn", "progress.discarded"]


def test_a_published_update_cannot_be_changed(api_for, pledge):
    update = ProgressUpdateFactory(action=pledge, published=True)
    api = api_for("member_a")
    url = api_url("workspace-progress-detail", update.pk)
    assert api.patch(url, {"narrative": {"en": "Rewritten"}}).status_code == 409
    assert api.post(api_url("workspace-progress-submit", update.pk)).status_code == 409


def test_the_list_has_the_pledges_updates_in_every_state(api_for, pledge):
    published = ProgressUpdateFactory(action=pledge, published=True, reported_on="2024-06-30")
    draft = ProgressUpdateFactory(action=pledge)

    body = api_for("editor_a").get(new_url(pledge)).json()
    assert [row["id"] for row in body] == [draft.pk, published.pk]
    assert body[1]["status"] == "published" and body[0]["editable"] is True
