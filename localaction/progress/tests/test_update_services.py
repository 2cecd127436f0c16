"""The progress-update services: who may take each step, from which status, what each step stores, records and
notifies, and how the pledge's stage follows its latest published update."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from localaction.actions.models import Action, CoPledger
from localaction.activity.models import ActivityLog
from localaction.activity.services import history
from localaction.factories import ActionFactory
from localaction.notifications.messages import render_message
from localaction.notifications.models import Notification
from localaction.progress import services
from localaction.progress.models import ProgressUpdate
from localaction.taxonomy.models import Term

from .factories import ProgressUpdateFactory, pdf_upload, published_pledge, update_data

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status
NOT_MEMBERS = ("member_b", "reviewer", "fund_manager", "evaluator", "admin")
NOT_REVIEWERS = ("member_a", "editor_a", "member_b", "fund_manager", "evaluator")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def pledge(personas):
    return published_pledge(personas.government_a)


def group(key):
    return Term.objects.get(vocabulary_id="target_groups", key=key)


def notified(verb):
    return set(Notification.objects.filter(verb=verb).values_list("user__email", flat=True))


# ---------------------------------------------------------------- start_update: pre-filling


def test_a_first_update_is_prefilled_from_the_pledge(personas, pledge):
    indicator = pledge.indicators.get()

    update = services.start_update(pledge, personas.member_a)

    assert update.pk is None
    assert (update.stage, update.money_committed, update.currency) == (Action.Stage.PLANNING, pledge.budget, "EUR")
    assert update.reported_on == timezone.localdate()
    assert update.prefill_indicator_values == {indicator.pk: indicator.baseline}
    assert update.prefill_people_reached == {}
    assert not ProgressUpdate.objects.exists()  # nothing is written before the member saves


def test_the_next_update_is_prefilled_from_the_latest_published_one(personas, pledge):
    indicator = pledge.indicators.get()
    latest = ProgressUpdateFactory(action=pledge, published=True, reported_on=datetime.date(2025, 6, 30),
                                   stage=Action.Stage.IN_PROGRESS, money_committed=60000, money_spent=25000, currency="XOF")
    latest.indicator_values.create(indicator=indicator, value=320)
    latest.people_reached.create(target_group=group("refugees"), count=140)
    # Published after the latest, but about an earlier date: it is not "the previous update".
    ProgressUpdateFactory(action=pledge, published=True, reported_on=datetime.date(2024, 12, 31), stage=Action.Stage.PLANNING,
                          money_committed=1)

    update = services.start_update(pledge, personas.editor_a)

    assert (update.stage, update.money_committed, update.money_spent, update.currency) == (
        Action.Stage.IN_PROGRESS, 60000, 25000, "XOF")
    assert update.prefill_indicator_values == {indicator.pk: 320}
    assert update.prefill_people_reached == {group("refugees").pk: 140}
    assert update.narrative_en == ""  # what was done is new each time


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED])
def test_starting_again_continues_the_update_in_play(personas, pledge, status):
    current = ProgressUpdateFactory(action=pledge, status=status)
    assert services.start_update(pledge, personas.member_a) == current


def test_no_new_update_while_one_is_with_the_reviewers(personas, pledge):
    ProgressUpdateFactory(action=pledge, submitted=True)
    with pytest.raises(services.TransitionError):
        services.start_update(pledge, personas.member_a)


@pytest.mark.parametrize("fields", [
    {"kind": Action.Kind.PRACTICE, "stage": ""},
    {"status": Action.Status.DRAFT, "published_at": None},
    {"status": Action.Status.WITHDRAWN},
])
def test_only_published_pledges_take_updates(personas, fields):
    action = published_pledge(personas.government_a, **fields)
    with pytest.raises(services.TransitionError):
        services.start_update(action, personas.member_a)
    with pytest.raises(services.TransitionError):
        services.save_update(action, personas.member_a, update_data())


@pytest.mark.parametrize("persona", NOT_MEMBERS)
def test_only_members_of_the_lead_government_report(personas, pledge, persona):
    with pytest.raises(PermissionDenied):
        services.start_update(pledge, personas.get(persona))
    with pytest.raises(PermissionDenied):
        services.save_update(pledge, personas.get(persona), update_data())
    assert not ProgressUpdate.objects.exists()


def test_a_confirmed_co_pledger_cannot_report_for_the_joint_pledge(personas, pledge):
    CoPledger.objects.create(action=pledge, government=personas.government_b, confirmed_at=timezone.now())
    update = ProgressUpdateFactory(action=pledge)

    for step in (lambda: services.start_update(pledge, personas.member_b),
                 lambda: services.save_update(pledge, personas.member_b, update_data()),
                 lambda: services.save_update(pledge, personas.member_b, update_data(), update=update),
                 lambda: services.submit_update(update, personas.member_b),
                 lambda: services.discard_update(update, personas.member_b)):
        with pytest.raises(PermissionDenied):
            step()
    update.refresh_from_db()
    assert update.status == Status.DRAFT


# ---------------------------------------------------------------- save_update


def test_saving_a_new_update_stores_a_draft_with_its_figures_and_evidence(personas, pledge):
    indicator = pledge.indicators.get()
    data = update_data(
        indicator_values={indicator.pk: 250}, people_reached={group("refugees").pk: 120, group("migrants").pk: None},
        links=[{"title": "Press release", "url": "https://example.org/news"}],
        new_file=("Annual report", pdf_upload()),
    )

    update = services.save_update(pledge, personas.editor_a, data)

    update.refresh_from_db()
    assert (update.status, update.stage, update.created_by) == (Status.DRAFT, Action.Stage.IN_PROGRESS, personas.editor_a)
    assert (update.money_committed, update.money_spent, update.currency) == (50000, 20000, "EUR")
    assert list(update.indicator_values.values_list("indicator", "value")) == [(indicator.pk, 250)]
    assert list(update.people_reached.values_list("target_group__key", "count")) == [("refugees", 120)]
    assert list(update.evidence.exclude(url="").values_list("title", "url")) == [("Press release", "https://example.org/news")]
    document = update.evidence.get(url="")
    assert document.title == "Annual report" and document.file.read().startswith(b"%PDF-")
    assert "Annual report" not in document.file.name  # stored under a random name
    entry = history(update).get()
    assert (entry.verb, entry.actor, entry.government) == ("progress.created", personas.editor_a, personas.government_a)
    assert {"indicator_values", "people_reached", "links", "files", "narrative_en"} <= set(entry.payload["fields"])
    pledge.refresh_from_db()
    assert pledge.stage == Action.Stage.PLANNING  # a draft changes nothing public


def test_saving_again_replaces_the_figures_and_links_and_removes_chosen_files(personas, pledge):
    indicator = pledge.indicators.get()
    update = services.save_update(pledge, personas.member_a, update_data(
        indicator_values={indicator.pk: 250}, people_reached={group("refugees").pk: 120},
        links=[{"title": "Old page", "url": "https://example.org/old"}], new_file=("Report", pdf_upload()),
    ))
    report = update.evidence.get(url="")

    services.save_update(pledge, personas.member_a, update_data(
        narrative_en="Three cafés now.", indicator_values={indicator.pk: None}, people_reached={group("refugees").pk: 150},
        links=[{"title": "New page", "url": "https://example.org/new"}], remove_files=[report.pk],
    ), update=update)

    update.refresh_from_db()
    assert update.narrative_en == "Three cafés now."
    assert not update.indicator_values.exists()
    assert list(update.people_reached.values_list("count", flat=True)) == [150]
    assert list(update.evidence.values_list("title", flat=True)) == ["New page"]
    assert history(update).first().verb == "progress.edited"


def test_figures_for_another_pledges_indicator_are_ignored(personas, pledge):
    other = published_pledge(personas.government_a).indicators.get()
    update = services.save_update(pledge, personas.member_a, update_data(indicator_values={other.pk: 9}))
    assert not update.indicator_values.exists()


def test_a_discontinued_update_needs_a_reason_and_others_drop_it(personas, pledge):
    with pytest.raises(services.TransitionError):
        services.save_update(pledge, personas.member_a, update_data(stage=Action.Stage.DISCONTINUED, discontinued_reason=" "))
    update = services.save_update(pledge, personas.member_a, update_data(stage=Action.Stage.IN_PROGRESS, discontinued_reason="Left over"))
    assert update.discontinued_reason == ""


@pytest.mark.parametrize("day", [timezone.localdate() + datetime.timedelta(days=1), datetime.date(2023, 12, 31)])
def test_the_date_can_be_neither_in_the_future_nor_before_the_pledge_starts(personas, pledge, day):
    with pytest.raises(services.TransitionError):
        services.save_update(pledge, personas.member_a, update_data(reported_on=day))


def test_the_narrative_is_needed_in_the_language_chosen(personas, pledge):
    with pytest.raises(services.TransitionError):
        services.save_update(pledge, personas.member_a, update_data(original_language="fr"))


def test_a_file_that_is_not_what_it_claims_is_refused(personas, pledge):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 an executable", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.save_update(pledge, personas.member_a, update_data(new_file=("Report", fake)))
    assert not ProgressUpdate.objects.exists()


def test_a_second_update_in_play_is_refused(personas, pledge):
    services.save_update(pledge, personas.member_a, update_data())
    with pytest.raises(services.TransitionError):
        services.save_update(pledge, personas.editor_a, update_data())
    assert ProgressUpdate.objects.count() == 1


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED])
def test_an_update_cannot_be_changed_once_submitted(personas, pledge, status):
    update = ProgressUpdateFactory(action=pledge, status=status)
    with pytest.raises(services.TransitionError):
        services.save_update(pledge, personas.member_a, update_data(narrative_en="Changed"), update=update)
    update.refresh_from_db()
    assert update.narrative_en != "Changed"


# ---------------------------------------------------------------- submit, withdraw, discard


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED])
def test_members_submit_a_draft_or_a_returned_update(personas, pledge, persona, status):
    update = ProgressUpdateFactory(action=pledge, status=status)

    services.submit_update(update, personas.get(persona))

    update.refresh_from_db()
    assert update.status == Status.SUBMITTED and update.submitted_at is not None
    assert history(update).first().verb == "progress.submitted"


@pytest.mark.parametrize("persona", NOT_MEMBERS)
def test_nobody_outside_the_lead_government_submits(personas, pledge, persona):
    update = ProgressUpdateFactory(action=pledge)
    with pytest.raises(PermissionDenied):
        services.submit_update(update, personas.get(persona))


def test_a_submitted_update_can_be_taken_back_to_draft(personas, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True)
    services.withdraw_update(update, personas.editor_a)
    update.refresh_from_db()
    assert update.status == Status.DRAFT
    with pytest.raises(services.TransitionError):
        services.withdraw_update(update, personas.editor_a)


def test_discarding_deletes_an_unpublished_update_with_its_files_and_records_it_on_the_pledge(
    personas, pledge, django_capture_on_commit_callbacks
):
    update = services.save_update(pledge, personas.member_a, update_data(new_file=("Report", pdf_upload())))
    stored = update.evidence.get().file

    with django_capture_on_commit_callbacks(execute=True):
        services.discard_update(update, personas.member_a)

    assert not ProgressUpdate.objects.exists()
    assert not stored.storage.exists(stored.name)
    assert history(pledge).first().verb == "progress.discarded"


def test_a_published_update_cannot_be_discarded(personas, pledge):
    published = ProgressUpdateFactory(action=pledge, published=True)
    with pytest.raises(services.TransitionError):
        services.discard_update(published, personas.member_a)
    assert ProgressUpdate.objects.filter(pk=published.pk).exists()


# ---------------------------------------------------------------- publish and return


def test_publishing_sets_the_stage_and_the_last_progress_date_and_tells_the_members(personas, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True, stage=Action.Stage.IN_PROGRESS, reported_on=datetime.date(2025, 6, 30))

    services.publish_update(update, personas.reviewer)

    update.refresh_from_db()
    pledge.refresh_from_db()
    assert update.status == Status.PUBLISHED and update.published_at is not None
    assert (pledge.stage, pledge.last_progress_on) == (Action.Stage.IN_PROGRESS, datetime.date(2025, 6, 30))
    entry = history(update).first()
    assert (entry.verb, entry.actor, entry.payload["previous_stage"]) == ("progress.published", personas.reviewer, "planning")
    assert notified("progress.published") == {"a@example.org", "editor-a@example.org"}
    notice = Notification.objects.filter(verb="progress.published").first()
    assert render_message(notice.verb, notice.context) == (
        f"The progress update of 2025-06-30 on “{pledge.t.title}” is now public."
    )


def test_the_stage_is_that_of_the_latest_update_by_the_date_it_reports_on(personas, pledge):
    services.publish_update(ProgressUpdateFactory(action=pledge, submitted=True, stage=Action.Stage.FULFILLED,
                                                  reported_on=datetime.date(2025, 12, 31)), personas.reviewer)
    # An older situation published afterwards joins the timeline but does not move the stage back.
    services.publish_update(ProgressUpdateFactory(action=pledge, submitted=True, stage=Action.Stage.IN_PROGRESS,
                                                  reported_on=datetime.date(2025, 6, 30)), personas.reviewer)

    pledge.refresh_from_db()
    assert (pledge.stage, pledge.last_progress_on) == (Action.Stage.FULFILLED, datetime.date(2025, 12, 31))


@pytest.mark.parametrize("persona", NOT_REVIEWERS)
def test_only_reviewers_publish_or_return(personas, pledge, persona):
    update = ProgressUpdateFactory(action=pledge, submitted=True)
    with pytest.raises(PermissionDenied):
        services.publish_update(update, personas.get(persona))
    with pytest.raises(PermissionDenied):
        services.return_update(update, personas.get(persona), "Add figures.")
    update.refresh_from_db()
    assert update.status == Status.SUBMITTED


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED, Status.PUBLISHED])
def test_only_submitted_updates_are_decided(personas, pledge, status):
    update = ProgressUpdateFactory(action=pledge, status=status)
    with pytest.raises(services.TransitionError):
        services.publish_update(update, personas.reviewer)
    with pytest.raises(services.TransitionError):
        services.return_update(update, personas.reviewer, "Add figures.")


def test_returning_needs_a_note_and_tells_the_members_what_to_change(personas, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True)
    with pytest.raises(services.TransitionError):
        services.return_update(update, personas.reviewer, "  ")

    services.return_update(update, personas.reviewer, "Add the number of people reached.")

    update.refresh_from_db()
    assert (update.status, update.review_note) == (Status.RETURNED, "Add the number of people reached.")
    assert history(update).first().payload["note"] == "Add the number of people reached."
    assert notified("progress.returned") == {"a@example.org", "editor-a@example.org"}
    pledge.refresh_from_db()
    assert pledge.stage == Action.Stage.PLANNING and pledge.last_progress_on is None


def test_a_pledge_no_longer_fulfilled_stops_being_shown_as_a_practice(personas, pledge):
    Action.objects.filter(pk=pledge.pk).update(stage=Action.Stage.FULFILLED, show_as_practice=True)
    ProgressUpdateFactory(action=pledge, published=True, stage=Action.Stage.FULFILLED, reported_on=datetime.date(2025, 1, 31))
    update = ProgressUpdateFactory(action=pledge, submitted=True, stage=Action.Stage.IN_PROGRESS, reported_on=datetime.date(2025, 6, 30))

    services.publish_update(update, personas.reviewer)

    pledge.refresh_from_db()
    assert (pledge.stage, pledge.show_as_practice) == (Action.Stage.IN_PROGRESS, False)
    assert history(pledge).first().verb == "action.shown_as_pledge"


# ---------------------------------------------------------------- shown as a practice


def test_a_focal_point_shows_a_fulfilled_pledge_as_a_practice_and_back(personas, pledge):
    Action.objects.filter(pk=pledge.pk).update(stage=Action.Stage.FULFILLED)
    pledge.refresh_from_db()

    services.set_show_as_practice(pledge, personas.member_a, True)
    pledge.refresh_from_db()
    assert pledge.show_as_practice and pledge.kind == Action.Kind.PLEDGE
    assert history(pledge).first().verb == "action.shown_as_practice"

    services.set_show_as_practice(pledge, personas.member_a, False)
    pledge.refresh_from_db()
    assert not pledge.show_as_practice
    assert history(pledge).first().verb == "action.shown_as_pledge"


def test_only_a_fulfilled_pledge_is_shown_as_a_practice(personas, pledge):
    with pytest.raises(services.TransitionError):
        services.set_show_as_practice(pledge, personas.member_a, True)
    practice = ActionFactory(government=personas.government_a, published=True)
    with pytest.raises(services.TransitionError):
        services.set_show_as_practice(practice, personas.member_a, True)


@pytest.mark.parametrize("persona", ["editor_a", "member_b", "reviewer"])
def test_only_a_focal_point_of_the_lead_changes_the_listing(personas, pledge, persona):
    Action.objects.filter(pk=pledge.pk).update(stage=Action.Stage.FULFILLED)
    pledge.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.set_show_as_practice(pledge, personas.get(persona), True)
    assert not ActivityLog.objects.filter(verb="action.shown_as_practice").exists()
