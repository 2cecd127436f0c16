"""State changes of progress updates on pledges, and of a fulfilled pledge's listing as a practice.

    (new) ──save_update──▶ draft ──submit_update──▶ submitted ──publish_update──▶ published
                             ▲   ◀──withdraw_update──   │
                             │                    return_update
          returned ◀─────────┴────────────────────────────┘   (save_update keeps it "returned" until submitted)
    discard_update: draft or returned ──▶ deleted

Only members of a published pledge's lead government report on it (a joint pledge's lead reports for all
co-pledgers); reviewers publish or return. A pledge has at most one update in play (draft, returned or
submitted) at a time. The pledge's stage is the stage of its latest published update (by the date it reports
on), and `last_progress_on` is that date. Each function checks the person and the transition, writes, records
the change in the activity log and notifies who it concerns, in one transaction.
"""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from localaction.accounts.permissions import require_reviewer
from localaction.actions.models import Action, Indicator
from localaction.actions.uploads import validate_document
from localaction.activity.services import record
from localaction.core.translation import LANGUAGE_CODES
from localaction.governments.access import membership_of, require_membership
from localaction.governments.models import Membership
from localaction.notifications.services import notify_government
from localaction.taxonomy.models import Term, Vocabulary

from .models import Evidence, IndicatorValue, PeopleReached, ProgressUpdate

Status = ProgressUpdate.Status
EDITABLE = (Status.DRAFT, Status.RETURNED)
IN_PLAY = (Status.DRAFT, Status.RETURNED, Status.SUBMITTED)
# The update's own fields that save_update writes (children are passed separately).
UPDATE_FIELDS = [
    "stage", "discontinued_reason", "reported_on", "original_language",
    *(f"narrative_{code}" for code in LANGUAGE_CODES), "money_committed", "money_spent", "currency",
]


class TransitionError(Exception):
    """The update (or the pledge) is not in a state that allows this step; the message says why, translated."""


# ---------------------------------------------------------------- who may do what



def can_report(user, action):
    """Members (any role) of the lead government report on its pledges; co-pledgers do not."""
    return membership_of(user, action.government) is not None




def _require_published_pledge(action):
    if action.kind != Action.Kind.PLEDGE or action.status != Action.Status.PUBLISHED or action.revision_of_id:
        raise TransitionError(_("Progress is reported on published pledges only."))


def _require_status(update, *allowed):
    if update.status not in allowed:
        raise TransitionError(
            _("This step is not possible while the update is “%(status)s”.") % {"status": update.get_status_display()}
        )


def _lock(update):
    """Re-read the update under a row lock, so two reviewers (or a reviewer and the owner) cannot both act on it."""
    current = ProgressUpdate.objects.select_for_update().filter(pk=update.pk).values_list("status", flat=True).first()
    if current is None:
        raise TransitionError(_("This progress update no longer exists."))
    update.status = current


# ---------------------------------------------------------------- reading


def update_in_play(action):
    """The pledge's update that is a draft, returned or with the reviewers, or None."""
    return action.progress_updates.filter(status__in=IN_PLAY).order_by("-id").first()


def published_updates(action):
    """The pledge's published updates, the latest first (the first one sets the pledge's stage)."""
    return action.progress_updates.filter(status=Status.PUBLISHED).order_by("-reported_on", "-published_at", "-id")


def previous_published(update):
    """The latest published update of the same pledge other than `update` (what a reviewer compares it with)."""
    return published_updates(update.action).exclude(pk=update.pk).first()


def target_groups(extra_pks=()):
    """The target-group terms offered on the form: the active ones, plus retired ones already reported on."""
    return Term.objects.filter(vocabulary_id=Vocabulary.TARGET_GROUPS).filter(
        Q(is_active=True) | Q(pk__in=list(extra_pks))
    ).order_by("position", "key")


# ---------------------------------------------------------------- the owner's steps


def start_update(action, by):
    """The update a member works on next: the one in draft or returned, or a new unsaved one pre-filled from the
    latest published update (else from the pledge). A new one carries `prefill_indicator_values` ({indicator
    pk: value}) and `prefill_people_reached` ({term pk: count}); nothing is written until save_update."""
    require_membership(by, action.government)
    _require_published_pledge(action)
    current = update_in_play(action)
    if current is not None and current.status == Status.SUBMITTED:
        raise TransitionError(_("An update of this pledge is with the reviewers; wait for their answer before writing the next one."))
    if current is not None:
        return current
    previous = published_updates(action).first()
    update = ProgressUpdate(action=action, reported_on=timezone.localdate(), original_language=action.original_language)
    if previous is not None:
        for field in ("stage", "discontinued_reason", "money_committed", "money_spent", "currency", "original_language"):
            setattr(update, field, getattr(previous, field))
        update.prefill_indicator_values = dict(previous.indicator_values.values_list("indicator_id", "value"))
        update.prefill_people_reached = dict(previous.people_reached.values_list("target_group_id", "count"))
    else:
        update.stage = action.stage or Action.Stage.PLANNING
        update.money_committed = action.budget
        update.currency = action.currency or "USD"
        # Before any update the indicators stand at their baselines.
        update.prefill_indicator_values = {
            pk: baseline for pk, baseline in action.indicators.values_list("pk", "baseline") if baseline is not None
        }
        update.prefill_people_reached = {}
    return update


def _check_values(action, data):
    """What the form checks, checked again so no other caller (API, import) can store it."""
    if data.get("stage") == Action.Stage.DISCONTINUED and not (data.get("discontinued_reason") or "").strip():
        raise TransitionError(_("Say why the pledge was discontinued."))
    reported_on = data.get("reported_on")
    if reported_on is None or reported_on > timezone.localdate():
        raise TransitionError(_("The date of the situation cannot be in the future."))
    if action.start_date and reported_on < action.start_date:
        raise TransitionError(_("The date of the situation cannot be before the pledge starts."))
    if not (data.get(f"narrative_{data.get('original_language')}") or "").strip():
        raise TransitionError(_("Say what was done, in the language you chose."))


def _save_children(update, data):
    """Indicator values, people reached and evidence as given; returns the names of the parts that changed."""
    changed = []
    if "indicator_values" in data:
        own = set(Indicator.objects.filter(action=update.action).values_list("pk", flat=True))
        wanted = {int(pk): value for pk, value in data["indicator_values"].items() if value is not None and int(pk) in own}
        if wanted != dict(update.indicator_values.values_list("indicator_id", "value")):
            update.indicator_values.all().delete()
            IndicatorValue.objects.bulk_create(IndicatorValue(update=update, indicator_id=pk, value=v) for pk, v in wanted.items())
            changed.append("indicator_values")
    if "people_reached" in data:
        groups = set(Term.objects.filter(vocabulary_id=Vocabulary.TARGET_GROUPS).values_list("pk", flat=True))
        wanted = {int(pk): count for pk, count in data["people_reached"].items() if count is not None and int(pk) in groups}
        if wanted != dict(update.people_reached.values_list("target_group_id", "count")):
            update.people_reached.all().delete()
            PeopleReached.objects.bulk_create(PeopleReached(update=update, target_group_id=pk, count=c) for pk, c in wanted.items())
            changed.append("people_reached")
    if "links" in data:
        wanted = [(link["title"], link["url"]) for link in data["links"]]
        links = update.evidence.exclude(url="")
        if wanted != list(links.values_list("title", "url")):
            links.delete()
            Evidence.objects.bulk_create(Evidence(update=update, title=title, url=url) for title, url in wanted)
            changed.append("links")
    removed, _count = update.evidence.filter(url="", pk__in=data.get("remove_files") or ()).delete()
    if removed:
        changed.append("files")
    if data.get("new_file"):
        title, upload = data["new_file"]
        validate_document(upload)
        Evidence.objects.create(update=update, title=title, file=upload)
        changed.append("files")
    return changed


@transaction.atomic
def save_update(action, by, data, update=None):
    """Write a member's update of a published pledge: a new draft (`update` None or unsaved) or changes to one in
    draft or returned. `data` holds UPDATE_FIELDS and, optionally, "indicator_values" ({indicator pk: value or
    None}), "people_reached" ({term pk: count or None}), "links" ([{"title", "url"}], replacing the links),
    "remove_files" ([evidence pks]) and "new_file" ((title, upload))."""
    require_membership(by, action.government)
    _require_published_pledge(action)
    _check_values(action, data)
    # Serialise with other writers of this pledge's updates, so two "new" posts cannot make two drafts.
    Action.objects.select_for_update().filter(pk=action.pk).first()
    creating = update is None or update.pk is None
    if creating:
        if update_in_play(action) is not None:
            raise TransitionError(_("This pledge already has an update in progress; continue that one."))
        update = ProgressUpdate(action=action, created_by=by, status=Status.DRAFT)
    else:
        if update.action_id != action.pk:
            raise PermissionDenied
        _lock(update)
        _require_status(update, *EDITABLE)
    values = {field: data[field] for field in UPDATE_FIELDS if field in data}
    if values.get("stage") != Action.Stage.DISCONTINUED and "stage" in values:
        values["discontinued_reason"] = ""
    changed = [field for field, value in values.items() if getattr(update, field) != value]
    for field, value in values.items():
        setattr(update, field, value)
    update.save()
    changed += _save_children(update, data)
    record(by, "progress.created" if creating else "progress.edited", update, government=action.government,
           action=action.public_id, fields=sorted(set(changed)))
    return update


@transaction.atomic
def submit_update(update, by):
    """The owner sends a draft (or a returned update) to the reviewers."""
    action = update.action
    require_membership(by, action.government)
    _lock(update)
    _require_status(update, *EDITABLE)
    _require_published_pledge(action)
    if not getattr(update, f"narrative_{update.original_language}").strip():
        raise TransitionError(_("Say what was done, in the language you chose."))
    update.status = Status.SUBMITTED
    update.submitted_at = timezone.now()
    update.save(update_fields=["status", "submitted_at"])
    record(by, "progress.submitted", update, government=action.government, action=action.public_id)
    return update


@transaction.atomic
def withdraw_update(update, by):
    """The owner takes a submitted update back to draft, to correct it before the reviewers decide."""
    require_membership(by, update.action.government)
    _lock(update)
    _require_status(update, Status.SUBMITTED)
    update.status = Status.DRAFT
    update.save(update_fields=["status"])
    record(by, "progress.withdrawn", update, government=update.action.government, action=update.action.public_id)
    return update


@transaction.atomic
def discard_update(update, by):
    """The owner deletes an update that was never published (draft or returned), with its evidence files."""
    action = update.action
    require_membership(by, action.government)
    _lock(update)
    _require_status(update, *EDITABLE)
    # The log keeps the discarded update's identity; it is recorded against the pledge since the update is gone.
    record(by, "progress.discarded", action, update=update.pk, reported_on=update.reported_on.isoformat())
    files = [evidence.file for evidence in update.evidence.exclude(file="")]
    update.delete()
    for stored in files:
        # After the commit: a rolled-back delete must not lose the files.
        transaction.on_commit(lambda stored=stored: stored.delete(save=False))
    return action


# ---------------------------------------------------------------- the reviewers' decisions


def _workspace_url(action):
    return reverse("progress_workspace:list", args=[action.public_id])


@transaction.atomic
def publish_update(update, by):
    """A reviewer publishes a submitted update: it joins the public timeline, and the pledge takes the stage of
    its latest published update (by the date it reports on). A pledge no longer fulfilled stops being shown as
    a practice."""
    require_reviewer(by)
    _lock(update)
    _require_status(update, Status.SUBMITTED)
    action = Action.objects.select_for_update().get(pk=update.action_id)
    _require_published_pledge(action)
    update.status = Status.PUBLISHED
    update.published_at = timezone.now()
    update.review_note = ""
    update.save(update_fields=["status", "published_at", "review_note"])
    latest = published_updates(action).first()
    previous_stage = action.stage
    action.stage = latest.stage
    action.last_progress_on = latest.reported_on
    shown_as_practice = action.show_as_practice
    if action.stage != Action.Stage.FULFILLED:
        action.show_as_practice = False
    action.save(update_fields=["stage", "last_progress_on", "show_as_practice", "updated_at"])
    record(by, "progress.published", update, government=action.government, action=action.public_id,
           stage=action.stage, previous_stage=previous_stage, is_latest=latest.pk == update.pk)
    if shown_as_practice and not action.show_as_practice:
        record(by, "action.shown_as_pledge", action, reason="progress.published", update=update.pk)
    update.action = action
    notify_government(action.government, "progress.published", url=_workspace_url(action),
                      title=str(action.t.title), date=update.reported_on.isoformat())
    return update


@transaction.atomic
def return_update(update, by, note):
    """A reviewer sends a submitted update back to its owners with what to change; the note is required."""
    require_reviewer(by)
    note = (note or "").strip()
    if not note:
        raise TransitionError(_("Say what needs to change."))
    _lock(update)
    _require_status(update, Status.SUBMITTED)
    update.status = Status.RETURNED
    update.review_note = note
    update.save(update_fields=["status", "review_note"])
    action = update.action
    record(by, "progress.returned", update, government=action.government, action=action.public_id, note=note)
    notify_government(action.government, "progress.returned", url=_workspace_url(action), title=str(action.t.title), note=note)
    return update


# ---------------------------------------------------------------- shown as a practice


@transaction.atomic
def set_show_as_practice(action, by, value):
    """A focal point lists a fulfilled pledge with the practices in the catalog (or stops doing so); its page
    keeps the pledge's history."""
    require_membership(by, action.government, roles=(Membership.Role.FOCAL_POINT,))
    value = bool(value)
    if value:
        _require_published_pledge(action)
        if action.stage != Action.Stage.FULFILLED:
            raise TransitionError(_("Only a fulfilled pledge can be shown as a practice."))
    if action.show_as_practice == value:
        return action
    action.show_as_practice = value
    action.save(update_fields=["show_as_practice", "updated_at"])
    record(by, "action.shown_as_practice" if value else "action.shown_as_pledge", action)
    return action
