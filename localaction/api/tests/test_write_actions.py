"""The workspace API for actions: a member's token lists their governments' actions, creates and changes drafts,
submits, withdraws and proposes changes — with the web editor's access rules and workflow."""
import pytest

from localaction.actions import services
from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory, CampaignFactory
from localaction.taxonomy.models import Term

from .write_helpers import api_for, api_url  # noqa: F401

pytestmark = pytest.mark.django_db

Status = Action.Status

NEW_PLEDGE = {
    "government": "government-a", "kind": "pledge", "stage": "planning", "original_language": "en",
    "title": "Language cafés for newcomers", "summary": "Weekly conversation tables.",
}


@pytest.fixture
def draft(personas):
    return services.create_draft(personas.government_a, personas.editor_a, kind=Action.Kind.PLEDGE,
                                 stage=Action.Stage.PLANNING, title_en="Language cafés", summary_en="Weekly tables.")


def complete(action):
    """What the submission checklist asks for, written directly."""
    action.start_date, action.end_date = "2025-01-01", "2026-12-31"
    action.save()
    action.gcm_objectives.add(16)
    action.terms.add(Term.objects.get(vocabulary_id="target_groups", key="refugees"))
    action.indicators.create(name="People reached", target=500)
    return action


def detail(action):
    return api_url("workspace-action-detail", action.public_id)


# ---------------------------------------------------------------- listing and reading


def test_the_list_has_the_users_governments_actions_drafts_included(api_for, personas, draft):
    published = ActionFactory(government=personas.government_a, published=True)
    ActionFactory(government=personas.government_b, title_en="Government B's draft")

    response = api_for("member_a").get(api_url("workspace-action-list"))

    assert response.status_code == 200
    body = response.json()
    assert {row["id"] for row in body["results"]} == {draft.public_id, published.public_id}
    assert body["next"] is None and body["previous"] is None
    row = next(row for row in body["results"] if row["id"] == draft.public_id)
    assert row["status"] == "draft" and row["government"] == "government-a" and row["title"] == "Language cafés"


def test_the_list_filters_by_status_and_government(api_for, personas, draft):
    ActionFactory(government=personas.government_a, published=True)
    api = api_for("member_a")

    drafts = api.get(api_url("workspace-action-list"), {"status": "draft"}).json()["results"]
    assert [row["id"] for row in drafts] == [draft.public_id]
    assert api.get(api_url("workspace-action-list"), {"government": "government-b"}).json()["results"] == []
    assert api.get(api_url("workspace-action-list"), {"status": "nonsense"}).status_code == 400
    assert len(api.get(api_url("workspace-action-list"), {"government": "", "status": ""}).json()["results"]) == 2


def test_a_user_without_memberships_lists_nothing(api_for, draft):
    assert api_for("reviewer").get(api_url("workspace-action-list")).json()["results"] == []


def test_a_member_reads_a_draft_as_the_editor_holds_it(api_for, draft):
    complete(draft)
    body = api_for("editor_a").get(detail(draft)).json()

    assert body["id"] == draft.public_id and body["status"] == "draft" and body["editable"] is True
    assert body["title"] == "Language cafés" and body["gcm_objectives"] == [16]
    assert body["terms"] == {"target_groups": ["refugees"]}
    assert body["indicators"][0]["name"] == "People reached" and body["indicators"][0]["target"] == "500.00"
    assert body["missing"] == []
    assert set(body["translations"]) == {"fr", "es"}


# ---------------------------------------------------------------- another government: 404, nothing changes


@pytest.mark.parametrize("persona", ["member_b", "reviewer", "admin"])
def test_outside_the_lead_government_a_draft_is_not_found_and_nothing_changes(api_for, draft, persona):
    api = api_for(persona)

    assert api.get(detail(draft)).status_code == 404
    assert api.patch(detail(draft), {"title": "Taken over"}).status_code == 404
    assert api.post(api_url("workspace-action-submit", draft.public_id)).status_code == 404
    assert api.post(api_url("workspace-action-withdraw", draft.public_id)).status_code == 404
    draft.refresh_from_db()
    assert draft.title_en == "Language cafés" and draft.status == Status.DRAFT
    assert not ActivityLog.objects.filter(verb__in=["action.edited", "action.submitted", "action.withdrawn"]).exists()


def test_a_malformed_or_unknown_public_id_is_not_found(api_for):
    api = api_for("member_a")
    assert api.get(api_url("workspace-action-detail", "nothere1")).status_code == 404
    assert api.get(api_url("workspace-action-detail", "no.such.id")).status_code == 404


def test_a_token_cannot_create_for_a_government_its_owner_is_not_a_member_of(api_for):
    response = api_for("member_b").post(api_url("workspace-action-list"), NEW_PLEDGE)

    assert response.status_code == 400 and "government" in response.json()
    assert not Action.objects.exists()


# ---------------------------------------------------------------- creating


def test_creating_a_draft_works_like_the_editors_first_step(api_for, personas):
    response = api_for("editor_a").post(api_url("workspace-action-list"), NEW_PLEDGE)

    assert response.status_code == 201
    action = Action.objects.get(public_id=response.json()["id"])
    assert response["Location"] == detail(action)
    assert action.government == personas.government_a and action.created_by == personas.editor_a
    assert action.status == Status.DRAFT and action.kind == "pledge"
    assert action.title_en == "Language cafés for newcomers"
    entry = ActivityLog.objects.get(verb="action.created")
    assert entry.actor == personas.editor_a and entry.target == action


def test_a_whole_pledge_can_be_sent_at_once_and_each_step_is_logged(api_for, personas):
    campaign = CampaignFactory(slug="grf-2027")
    response = api_for("member_a").post(api_url("workspace-action-list"), {
        **NEW_PLEDGE, "campaign": "grf-2027",
        "gcm_objectives": [16, 7], "sdgs": [10], "gcr_areas": ["education"],
        "terms": {"target_groups": ["refugees", "migrants"]},
        "partners": [{"name": "Refugee Welcome Network", "kind": "migrant_led"}],
        "partnership_sought": "Universities",
        "start_date": "2025-03-01", "end_date": "2027-02-28", "budget": 12000, "currency": "eur",
        "indicators": [{"name": "People taking part", "unit": "people", "baseline": "0", "target": "500"}],
        "links": [{"url": "https://example.org/cafes", "title": "Announcement"}],
        "translations": {"fr": {"title": "Cafés de langue", "complete": True}},
    })

    assert response.status_code == 201, response.json()
    action = Action.objects.get(public_id=response.json()["id"])
    assert action.campaign == campaign and action.currency == "EUR" and str(action.budget) == "12000.00"
    assert sorted(action.gcm_objectives.values_list("pk", flat=True)) == [7, 16]
    assert action.partners.get().name == "Refugee Welcome Network"
    assert action.indicators.get().target == 500 and action.links.get().title == "Announcement"
    assert action.title_fr == "Cafés de langue" and action.translation_status == {"fr": "submitted"}
    steps = ActivityLog.objects.filter(verb="action.edited").values_list("payload__step", flat=True)
    assert sorted(steps) == sorted(["mapping", "people", "money", "documents", "translations"])
    assert services.missing_items(action) == []


def test_an_error_in_a_later_step_creates_nothing(api_for):
    response = api_for("member_a").post(api_url("workspace-action-list"), {
        **NEW_PLEDGE, "start_date": "2026-01-01", "end_date": "2025-01-01",
    })

    assert response.status_code == 400
    assert response.json() == {"end_date": ["The end date cannot be before the start date."]}
    assert not Action.objects.exists() and not ActivityLog.objects.filter(verb__startswith="action.").exists()


def test_wrong_json_types_are_refused_before_the_forms(api_for):
    response = api_for("member_a").post(api_url("workspace-action-list"), {
        **NEW_PLEDGE, "title": 42, "gcm_objectives": "16", "partners": {"name": "x"},
    })
    assert response.status_code == 400
    assert set(response.json()) == {"title", "gcm_objectives", "partners"}


# ---------------------------------------------------------------- changing a draft


def test_a_patch_changes_only_the_fields_sent_and_is_logged_per_step(api_for, draft, personas):
    response = api_for("member_a").patch(detail(draft), {"summary": "Twice a week.", "budget": "5000"})

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.summary_en == "Twice a week." and draft.title_en == "Language cafés" and draft.budget == 5000
    assert draft.kind == "pledge" and draft.stage == "planning"
    entries = ActivityLog.objects.filter(verb="action.edited")
    logged = {entry.payload["step"]: entry.payload["fields"] for entry in entries}
    assert logged == {"basics": ["summary_en"], "money": ["budget"]}
    assert all(e.actor == personas.member_a for e in ActivityLog.objects.filter(verb="action.edited"))


def test_rows_named_by_id_are_changed_the_others_removed_and_new_ones_added(api_for, draft):
    kept = draft.indicators.create(name="People reached", target=500)
    draft.indicators.create(name="To be removed")

    response = api_for("member_a").patch(detail(draft), {"indicators": [
        {"id": kept.pk, "target": "650"}, {"name": "Volunteers trained", "target": "40"},
    ]})

    assert response.status_code == 200
    rows = list(draft.indicators.values_list("pk", "name", "target"))
    assert rows[0] == (kept.pk, "People reached", 650) and rows[1][1:] == ("Volunteers trained", 40) and len(rows) == 2


def test_an_unknown_row_id_is_an_error(api_for, draft):
    response = api_for("member_a").patch(detail(draft), {"partners": [{"id": 999999, "name": "Ghost"}]})
    assert response.status_code == 400
    assert "id" in response.json()["partners"]["0"]


def test_vocabularies_merge_and_a_sent_list_replaces_its_terms(api_for, draft):
    api = api_for("member_a")
    api.patch(detail(draft), {"terms": {"target_groups": ["refugees"], "themes": ["education"]}})
    body = api.patch(detail(draft), {"terms": {"target_groups": ["migrants"]}}).json()
    assert body["terms"] == {"target_groups": ["migrants"], "themes": ["education"]}


def test_changing_the_original_language_moves_the_text_as_in_the_editor(api_for, draft):
    response = api_for("member_a").patch(detail(draft), {"original_language": "fr"})

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.original_language == "fr" and draft.title_fr == "Language cafés" and draft.title_en == ""
    assert set(response.json()["translations"]) == {"en", "es"}


@pytest.mark.parametrize("status, message", [
    (Status.SUBMITTED, "with the reviewers"),
    (Status.PUBLISHED, "propose a change"),
    (Status.WITHDRAWN, "no longer be edited"),
])
def test_an_action_that_is_not_a_draft_cannot_be_patched(api_for, draft, status, message):
    Action.objects.filter(pk=draft.pk).update(status=status)

    response = api_for("member_a").patch(detail(draft), {"title": "Changed"})

    assert response.status_code == 409 and message in response.json()["detail"]
    draft.refresh_from_db()
    assert draft.title_en == "Language cafés"


# ---------------------------------------------------------------- submitting, withdrawing, proposing changes


def test_submitting_an_incomplete_draft_is_refused_with_what_is_missing(api_for, draft):
    response = api_for("editor_a").post(api_url("workspace-action-submit", draft.public_id))

    assert response.status_code == 409 and "Before submitting, complete" in response.json()["detail"]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
def test_any_member_submits_a_complete_draft_as_in_the_web(api_for, draft, personas, persona):
    complete(draft)

    response = api_for(persona).post(api_url("workspace-action-submit", draft.public_id))

    assert response.status_code == 200 and response.json()["status"] == "submitted"
    assert ActivityLog.objects.get(verb="action.submitted").actor == personas.get(persona)


def test_an_editor_may_withdraw_a_draft(api_for, draft):
    response = api_for("editor_a").post(api_url("workspace-action-withdraw", draft.public_id))
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
    assert ActivityLog.objects.filter(verb="action.withdrawn").exists()


def test_only_a_focal_point_withdraws_a_published_action(api_for, personas):
    published = ActionFactory(government=personas.government_a, published=True)
    url = api_url("workspace-action-withdraw", published.public_id)

    assert api_for("editor_a").post(url).status_code == 403
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED

    assert api_for("member_a").post(url).status_code == 200
    published.refresh_from_db()
    assert published.status == Status.WITHDRAWN


def test_a_withdrawn_action_cannot_be_withdrawn_again(api_for, draft):
    Action.objects.filter(pk=draft.pk).update(status=Status.WITHDRAWN)
    assert api_for("member_a").post(api_url("workspace-action-withdraw", draft.public_id)).status_code == 409


def test_a_published_action_is_changed_through_a_working_copy(api_for, personas):
    pledge = ActionFactory(government=personas.government_a, published=True, kind="pledge", stage="planning")
    published = complete(pledge)
    api = api_for("editor_a")

    copy = api.post(api_url("workspace-action-revise", published.public_id)).json()
    assert copy["revision_of"] == published.public_id and copy["status"] == "draft"
    assert api.patch(api_url("workspace-action-detail", copy["id"]), {"title": "New title"}).status_code == 200
    assert api.post(api_url("workspace-action-submit", copy["id"])).json()["status"] == "submitted"

    published.refresh_from_db()
    assert published.title_en != "New title" and published.status == Status.PUBLISHED
    assert ActivityLog.objects.filter(verb="action.revision_started").exists()


def test_a_draft_cannot_be_revised(api_for, draft):
    assert api_for("member_a").post(api_url("workspace-action-revise", draft.public_id)).status_code == 409
