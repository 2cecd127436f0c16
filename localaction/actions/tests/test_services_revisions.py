"""Changing a published action: the working copy, its review, and the revisions kept of what the public saw."""
import pytest
from django.core.exceptions import PermissionDenied

from localaction.actions import services
from localaction.actions.models import Action, ActionRevision
from localaction.activity.models import ActivityLog
from localaction.activity.services import history
from localaction.notifications.models import Notification

from .factories_review import complete_action, proposed_change, published_action

pytestmark = pytest.mark.django_db

Status = Action.Status


# ---------------------------------------------------------------- the working copy


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
def test_a_member_starts_a_working_copy_with_all_the_published_content(personas, persona):
    public = published_action(personas.government_a, title_en="Language cafés", gcm_objectives=[16, 5])
    public.sdgs.add(4)
    public.partners.create(name="Refugee Welcome Network", kind="migrant_led")
    public.links.create(url="https://example.org/cafes", title="Programme")

    copy = services.start_revision(public, personas.get(persona))

    assert copy.pk != public.pk and copy.public_id != public.public_id
    assert (copy.revision_of, copy.status, copy.government) == (public, Status.DRAFT, personas.government_a)
    assert services.diff(services.snapshot_data(public), services.snapshot_data(copy)) == []
    assert list(copy.partners.values_list("name", flat=True)) == ["Refugee Welcome Network"]
    assert list(public.partners.values_list("name", flat=True)) == ["Refugee Welcome Network"]
    entry = history(public).first()
    assert (entry.verb, entry.actor) == ("action.revision_started", personas.get(persona))
    assert entry.payload == {"working_copy": copy.public_id, "working_copy_pk": copy.pk}


def test_starting_again_returns_the_same_working_copy(personas):
    public = published_action(personas.government_a)
    copy = services.start_revision(public, personas.member_a)

    assert services.start_revision(public, personas.editor_a) == copy
    assert public.pending_revisions.count() == 1


@pytest.mark.parametrize("persona", ["member_b", "reviewer", "fund_manager", "evaluator", "admin"])
def test_only_members_of_the_owner_start_a_working_copy(personas, persona):
    public = published_action(personas.government_a)

    with pytest.raises(PermissionDenied):
        services.start_revision(public, personas.get(persona))

    assert not public.pending_revisions.exists()


@pytest.mark.parametrize("status", [s for s in Status.values if s != Status.PUBLISHED])
def test_only_published_actions_get_a_working_copy(personas, status):
    action = complete_action(personas.government_a, status=status)

    with pytest.raises(services.TransitionError):
        services.start_revision(action, personas.member_a)


def test_the_public_page_shows_the_published_content_until_the_change_is_approved(client, personas):
    public = published_action(personas.government_a, title_en="Language cafés", summary_en="Weekly cafés.")
    copy = proposed_change(public, personas.editor_a, summary_en="Daily cafés in every library.")

    page = client.get(public.get_absolute_url()).content.decode()
    assert "Weekly cafés." in page and "Daily cafés" not in page
    assert client.get(copy.get_absolute_url()).status_code == 404

    services.approve(copy, personas.reviewer)

    page = client.get(public.get_absolute_url()).content.decode()
    assert "Daily cafés in every library." in page and "Weekly cafés." not in page


# ---------------------------------------------------------------- approving a change


def test_approving_a_change_updates_the_published_action_in_place(personas):
    public = published_action(personas.government_a, title_en="Language cafés", gcm_objectives=[16])
    public.partners.create(name="Old partner")
    public_id, slug, published_at = public.public_id, public.slug, public.published_at
    copy = services.start_revision(public, personas.editor_a)
    copy.title_en, copy.kind, copy.start_date, copy.end_date = "Language cafés and libraries", Action.Kind.PLEDGE, "2026-01-01", "2027-12-31"
    copy.save()
    copy.indicators.create(name="Visitors", target=1000)
    copy.gcm_objectives.set([16, 15])
    copy.partners.all().delete()
    copy.partners.create(name="City library")
    services.submit(copy, personas.editor_a)

    result = services.approve(copy, personas.reviewer, checklist=["measurable"])

    public.refresh_from_db()
    assert result == public
    assert (public.public_id, public.slug, public.published_at) == (public_id, slug, published_at)
    assert public.status == Status.PUBLISHED
    assert public.title_en == "Language cafés and libraries"
    assert public.kind == Action.Kind.PLEDGE
    assert sorted(public.gcm_objectives.values_list("number", flat=True)) == [15, 16]
    assert list(public.partners.values_list("name", flat=True)) == ["City library"]
    assert list(public.indicators.values_list("name", flat=True)) == ["Visitors"]
    assert public.reviewed_at is not None and public.reviewed_at > published_at
    assert not Action.objects.filter(pk=copy.pk).exists()
    assert not public.pending_revisions.exists()


def test_approving_a_change_keeps_the_next_revision_with_who_proposed_and_who_approved(personas):
    public = published_action(personas.government_a, title_en="Language cafés")
    copy = proposed_change(public, personas.editor_a, title_en="Language cafés for all")
    working_copy = copy.public_id

    services.approve(copy, personas.reviewer)

    assert list(public.revisions.values_list("number", flat=True)) == [2, 1]
    revision = public.revisions.get(number=2)
    assert (revision.submitted_by, revision.approved_by) == (personas.editor_a, personas.reviewer)
    assert revision.data["title_en"] == "Language cafés for all"
    assert public.revisions.get(number=1).data["title_en"] == "Language cafés"
    entry = history(public).first()
    assert (entry.verb, entry.actor) == ("action.revision_approved", personas.reviewer)
    assert entry.payload == {"revision": 2, "working_copy": working_copy, "checklist": []}
    assert set(Notification.objects.filter(verb="action.revision_approved").values_list("user__email", flat=True)) == {
        "a@example.org", "editor-a@example.org",
    }


def test_the_working_copy_log_entries_stay_findable_after_the_copy_is_merged(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")
    copy_pk = copy.pk

    services.approve(copy, personas.reviewer)

    started = history(public).get(verb="action.revision_started")
    assert started.payload["working_copy_pk"] == copy_pk
    assert ActivityLog.objects.filter(object_id=str(copy_pk), verb="action.submitted", actor=personas.editor_a).exists()


def test_a_change_to_an_action_that_is_no_longer_published_cannot_be_approved(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")
    Action.objects.filter(pk=public.pk).update(status=Status.WITHDRAWN)
    copy.refresh_from_db()

    with pytest.raises(services.TransitionError):
        services.approve(copy, personas.reviewer)

    assert Action.objects.filter(pk=copy.pk, status=Status.SUBMITTED).exists()
    assert not public.revisions.filter(number=2).exists()


def test_a_change_of_an_unverified_government_is_not_approved(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")
    personas.government_a.verified = False
    personas.government_a.save()

    with pytest.raises(services.TransitionError):
        services.approve(copy, personas.reviewer)

    public.refresh_from_db()
    assert public.title_en != "Changed"


# ---------------------------------------------------------------- other decisions on a change


def test_requested_changes_go_to_the_working_copy_and_leave_the_public_action_alone(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")

    services.request_changes(copy, personas.reviewer, "Keep the old title in French too.")

    copy.refresh_from_db()
    public.refresh_from_db()
    assert copy.status == Status.CHANGES_REQUESTED and copy.review_note == "Keep the old title in French too."
    assert public.status == Status.PUBLISHED and public.review_note == ""
    assert services.submit(copy, personas.editor_a).status == Status.SUBMITTED


def test_a_rejected_change_does_not_block_the_next_one(personas):
    public = published_action(personas.government_a)
    rejected = proposed_change(public, personas.editor_a, title_en="Changed")
    services.reject(rejected, personas.reviewer, "This is a different action; submit it as a new one.")

    copy = services.start_revision(public, personas.member_a)

    assert copy.pk != rejected.pk and copy.status == Status.DRAFT
    assert list(public.pending_revisions.all()) == [copy]
    assert ActivityLog.objects.filter(verb="action.rejected", object_id=str(rejected.pk)).exists()


# ---------------------------------------------------------------- withdrawing


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
def test_withdrawing_a_working_copy_discards_it_and_keeps_the_public_action(personas, persona):
    public = published_action(personas.government_a, title_en="Language cafés")
    copy = proposed_change(public, personas.editor_a, title_en="Changed")

    result = services.withdraw(copy, personas.get(persona))

    public.refresh_from_db()
    assert result == public
    assert not Action.objects.filter(pk=copy.pk).exists()
    assert (public.status, public.title_en) == (Status.PUBLISHED, "Language cafés")
    entry = history(public).first()
    assert (entry.verb, entry.actor, entry.payload) == (
        "action.revision_discarded", personas.get(persona), {"working_copy": copy.public_id},
    )


def test_a_rejected_working_copy_can_be_discarded(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")
    services.reject(copy, personas.reviewer, "No.")

    services.withdraw(copy, personas.editor_a)

    assert not public.pending_revisions.exists()


def test_withdrawing_a_published_action_discards_its_proposed_changes(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")

    services.withdraw(public, personas.member_a)

    assert not Action.objects.filter(pk=copy.pk).exists()
    assert history(public).first().payload == {"was_published": True, "discarded_working_copies": [copy.public_id]}


def test_strangers_cannot_discard_a_working_copy(personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")

    with pytest.raises(PermissionDenied):
        services.withdraw(copy, personas.member_b)

    assert Action.objects.filter(pk=copy.pk).exists()


# ---------------------------------------------------------------- snapshots and diffs


def test_a_snapshot_is_plain_json_of_the_content(personas):
    action = complete_action(personas.government_a, kind=Action.Kind.PLEDGE, start_date="2026-01-01", budget="1500.50")
    action.refresh_from_db()

    data = services.snapshot_data(action)

    assert data["start_date"] == "2026-01-01"
    assert data["budget"] == "1500.50"
    assert data["gcm_objectives"] == ["16"]
    assert data["indicators"] == [["People taking part", "people", "0.00", "500.00", None]]
    ActionRevision.objects.create(action=action, number=1, data=data, approved_at=action.created_at)


def test_a_diff_lists_only_the_fields_that_changed_with_old_and_new_values(personas):
    public = published_action(personas.government_a, title_en="Old", gcm_objectives=[16])
    copy = services.start_revision(public, personas.member_a)
    copy.title_en = "New"
    copy.save()
    copy.gcm_objectives.add(5)

    changes = services.diff(services.snapshot_data(public), services.snapshot_data(copy))

    assert changes == [("title_en", "Old", "New"), ("gcm_objectives", ["16"], ["16", "5"])]
