"""The review workflow of actions: who may take each step, from which status, and what each step leaves behind
(status, activity log, notifications)."""
import pytest
from django.core.exceptions import PermissionDenied

from localaction.actions import services
from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.activity.services import history
from localaction.notifications.models import Notification

from .factories_review import complete_action, published_action, submitted_action

pytestmark = pytest.mark.django_db

Status = Action.Status
NOT_MEMBERS = ("member_b", "reviewer", "fund_manager", "evaluator", "admin")
NOT_REVIEWERS = ("member_a", "editor_a", "member_b", "fund_manager", "evaluator")


def last_entry(action):
    return history(action).first()


def notified(verb):
    return set(Notification.objects.filter(verb=verb).values_list("user__email", flat=True))


# ---------------------------------------------------------------- submit


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.CHANGES_REQUESTED])
def test_members_of_the_owner_submit_drafts_and_answers_to_requested_changes(personas, persona, status):
    action = complete_action(personas.government_a, status=status)

    services.submit(action, personas.get(persona))

    action.refresh_from_db()
    assert action.status == Status.SUBMITTED
    assert action.submitted_at is not None
    entry = last_entry(action)
    assert (entry.verb, entry.actor) == ("action.submitted", personas.get(persona))


@pytest.mark.parametrize("persona", NOT_MEMBERS)
def test_nobody_outside_the_owner_can_submit(personas, persona):
    action = complete_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.submit(action, personas.get(persona))

    action.refresh_from_db()
    assert action.status == Status.DRAFT
    assert not history(action).filter(verb="action.submitted").exists()


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED, Status.REJECTED, Status.WITHDRAWN])
def test_submitting_is_refused_from_any_other_status(personas, status):
    action = complete_action(personas.government_a, status=status)

    with pytest.raises(services.TransitionError):
        services.submit(action, personas.member_a)

    action.refresh_from_db()
    assert action.status == status


def test_an_incomplete_draft_cannot_be_submitted_and_the_message_says_what_is_missing(personas):
    action = complete_action(personas.government_a, kind=Action.Kind.PLEDGE, summary_en="")
    action.indicators.all().delete()

    with pytest.raises(services.TransitionError) as refused:
        services.submit(action, personas.member_a)

    message = str(refused.value)
    assert "A summary in the original language" in message
    assert "a start and an end date" in message
    assert "at least one indicator with a target" in message
    action.refresh_from_db()
    assert action.status == Status.DRAFT


# ---------------------------------------------------------------- request changes


@pytest.mark.parametrize("persona", ["reviewer", "admin"])
def test_reviewers_request_changes_with_a_note_the_owners_members_are_told_about(personas, persona):
    action = submitted_action(personas.government_a)

    services.request_changes(action, personas.get(persona), "Please add the target groups.", checklist=["title", "needs_driven"])

    action.refresh_from_db()
    assert action.status == Status.CHANGES_REQUESTED
    assert action.review_note == "Please add the target groups."
    entry = last_entry(action)
    assert (entry.verb, entry.actor) == ("action.changes_requested", personas.get(persona))
    assert entry.payload["note"] == "Please add the target groups."
    assert entry.payload["checklist"] == ["title", "needs_driven"]
    assert notified("action.changes_requested") == {"a@example.org", "editor-a@example.org"}
    notice = Notification.objects.filter(verb="action.changes_requested").first()
    assert notice.context["note"] == "Please add the target groups."
    assert notice.context["title"] == action.title_en


@pytest.mark.parametrize("persona", NOT_REVIEWERS)
def test_only_reviewers_request_changes(personas, persona):
    action = submitted_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.request_changes(action, personas.get(persona), "Change it.")

    action.refresh_from_db()
    assert action.status == Status.SUBMITTED
    assert not Notification.objects.exists()


@pytest.mark.parametrize("note", ["", "   \n"])
def test_requesting_changes_needs_a_note(personas, note):
    action = submitted_action(personas.government_a)

    with pytest.raises(services.TransitionError):
        services.request_changes(action, personas.reviewer, note)

    action.refresh_from_db()
    assert action.status == Status.SUBMITTED


@pytest.mark.parametrize("status", [s for s in Status.values if s != Status.SUBMITTED])
def test_reviewers_decide_only_on_submitted_actions(personas, status):
    action = complete_action(personas.government_a, status=status)

    for decide in (
        lambda: services.request_changes(action, personas.reviewer, "Change it."),
        lambda: services.reject(action, personas.reviewer, "Out of scope."),
        lambda: services.approve(action, personas.reviewer),
    ):
        with pytest.raises(services.TransitionError):
            decide()

    action.refresh_from_db()
    assert action.status == status
    assert not ActivityLog.objects.exists()


def test_a_decision_reads_the_status_stored_now_not_the_one_the_caller_loaded(personas):
    action = submitted_action(personas.government_a)
    stale = Action.objects.get(pk=action.pk)
    services.approve(action, personas.reviewer)

    with pytest.raises(services.TransitionError):
        services.reject(stale, personas.reviewer, "Too late.")

    assert Action.objects.get(pk=action.pk).status == Status.PUBLISHED


# ---------------------------------------------------------------- reject


def test_reviewers_reject_with_a_reason_shown_to_the_owner(personas):
    action = submitted_action(personas.government_a)

    services.reject(action, personas.reviewer, "Not a local government action.", checklist=["mapping", "nonsense"])

    action.refresh_from_db()
    assert action.status == Status.REJECTED
    assert action.review_note == "Not a local government action."
    entry = last_entry(action)
    assert (entry.verb, entry.actor) == ("action.rejected", personas.reviewer)
    assert entry.payload == {"reason": "Not a local government action.", "checklist": ["mapping"]}
    assert notified("action.rejected") == {"a@example.org", "editor-a@example.org"}


@pytest.mark.parametrize("persona", NOT_REVIEWERS)
def test_only_reviewers_reject(personas, persona):
    action = submitted_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.reject(action, personas.get(persona), "No.")

    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED


def test_rejecting_needs_a_reason(personas):
    action = submitted_action(personas.government_a)

    with pytest.raises(services.TransitionError):
        services.reject(action, personas.reviewer, " ")

    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED


# ---------------------------------------------------------------- approve


@pytest.mark.parametrize("persona", ["reviewer", "admin"])
def test_approving_publishes_the_action_and_keeps_its_first_revision(personas, persona):
    action = submitted_action(personas.government_a, title_en="Language cafés")
    reviewer = personas.get(persona)

    result = services.approve(action, reviewer, checklist=["title", "co_designed"])

    action.refresh_from_db()
    assert result == action
    assert action.status == Status.PUBLISHED
    assert action.published_at is not None and action.reviewed_at == action.published_at
    assert action.slug == "language-cafes"
    assert Action.objects.published().filter(pk=action.pk).exists()
    revision = action.revisions.get()
    assert (revision.number, revision.approved_by, revision.approved_at) == (1, reviewer, action.published_at)
    assert revision.data == services.snapshot_data(action)
    entry = last_entry(action)
    assert (entry.verb, entry.actor) == ("action.published", reviewer)
    assert entry.payload == {"revision": 1, "checklist": ["title", "co_designed"]}
    assert notified("action.published") == {"a@example.org", "editor-a@example.org"}


@pytest.mark.parametrize("persona", NOT_REVIEWERS)
def test_only_reviewers_approve(personas, persona):
    action = submitted_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.approve(action, personas.get(persona))

    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED
    assert not action.revisions.exists()


def test_approving_is_refused_while_the_government_is_unverified(personas):
    personas.government_a.verified = False
    personas.government_a.save()
    action = submitted_action(personas.government_a)

    with pytest.raises(services.TransitionError) as refused:
        services.approve(action, personas.reviewer)

    assert "not verified" in str(refused.value)
    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED
    assert not Notification.objects.exists()


def test_the_slug_is_fixed_once_published(personas):
    action = submitted_action(personas.government_a, title_en="First title")
    services.approve(action, personas.reviewer)

    action.title_en = "A new title"
    action.save()

    assert action.slug == "first-title"


# ---------------------------------------------------------------- withdraw


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED])
def test_any_member_of_the_owner_withdraws_what_is_not_published(personas, persona, status):
    action = complete_action(personas.government_a, status=status)

    services.withdraw(action, personas.get(persona))

    assert Action.objects.get(pk=action.pk).status == Status.WITHDRAWN
    entry = last_entry(action)
    assert (entry.verb, entry.actor, entry.payload["was_published"]) == ("action.withdrawn", personas.get(persona), False)


def test_only_the_focal_point_withdraws_a_published_action(personas):
    action = published_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.withdraw(action, personas.editor_a)
    assert Action.objects.published().filter(pk=action.pk).exists()

    services.withdraw(action, personas.member_a)

    assert not Action.objects.published().filter(pk=action.pk).exists()
    assert last_entry(action).payload["was_published"] is True


@pytest.mark.parametrize("persona", NOT_MEMBERS)
def test_nobody_outside_the_owner_withdraws(personas, persona):
    action = submitted_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.withdraw(action, personas.get(persona))

    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED


@pytest.mark.parametrize("status", [Status.REJECTED, Status.WITHDRAWN])
def test_rejected_and_withdrawn_actions_cannot_be_withdrawn_again(personas, status):
    action = complete_action(personas.government_a, status=status)

    with pytest.raises(services.TransitionError):
        services.withdraw(action, personas.member_a)


# ---------------------------------------------------------------- fix mapping


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED])
def test_reviewers_fix_the_mapping_and_the_log_keeps_before_and_after(personas, status):
    action = complete_action(personas.government_a, status=status, gcm_objectives=[16, 2])
    action.sdgs.add(10)

    changes = services.fix_mapping(action, personas.reviewer, gcm_objectives=["16", "5", "5"], sdgs=[10], gcr_areas=["education"])

    assert sorted(action.gcm_objectives.values_list("number", flat=True)) == [5, 16]
    assert list(action.gcr_areas.values_list("key", flat=True)) == ["education"]
    assert changes == {
        "gcm_objectives": {"before": ["16", "2"], "after": ["16", "5"]},
        "gcr_areas": {"before": [], "after": ["education"]},
    }
    entry = last_entry(action)
    assert (entry.verb, entry.actor, entry.payload) == ("action.mapping_fixed", personas.reviewer, {"changes": changes})


def test_a_mapping_fix_that_changes_nothing_leaves_no_entry(personas):
    action = submitted_action(personas.government_a)

    assert services.fix_mapping(action, personas.reviewer, gcm_objectives=[16]) == {}

    assert not history(action).filter(verb="action.mapping_fixed").exists()


@pytest.mark.parametrize("persona", NOT_REVIEWERS)
def test_only_reviewers_fix_the_mapping(personas, persona):
    action = submitted_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.fix_mapping(action, personas.get(persona), gcm_objectives=[1])

    assert list(action.gcm_objectives.values_list("number", flat=True)) == [16]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.CHANGES_REQUESTED, Status.REJECTED, Status.WITHDRAWN])
def test_the_mapping_is_fixed_only_on_submitted_or_published_actions(personas, status):
    action = complete_action(personas.government_a, status=status)

    with pytest.raises(services.TransitionError):
        services.fix_mapping(action, personas.reviewer, gcm_objectives=[1])


def test_only_mapping_fields_can_be_fixed(personas):
    action = submitted_action(personas.government_a)

    with pytest.raises(ValueError):
        services.fix_mapping(action, personas.reviewer, gcm_objectives=[1], partners=[])

    assert list(action.gcm_objectives.values_list("number", flat=True)) == [16]
