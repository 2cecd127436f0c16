"""State changes of actions: creating drafts, the review workflow, revisions of published actions, joint
pledges. Each function checks that the transition and the person are allowed, writes the change, records it in
the activity log and notifies who it concerns, in one transaction. Views and the API call these; nothing else
changes an action's status.

    draft ──submit──▶ submitted ──approve──▶ published
      ▲                  │   │
      │      request_changes   reject──▶ rejected
      │                  ▼
      └── changes_requested ──submit──▶ submitted
    withdraw: draft, submitted, changes requested (any member) or published (focal point) ──▶ withdrawn

A published action is edited through a working copy (start_revision): the copy runs the same workflow, and
approving it merges it into the published action (same public id and slug) and adds an ActionRevision.
"""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localaction.accounts.permissions import require_reviewer
from localaction.activity.services import record
from localaction.campaigns.windows import submission_window_error
from localaction.governments.access import membership_of, require_membership
from localaction.governments.models import Membership
from localaction.notifications.services import notify_government

from .models import Action, ActionRevision, CoPledger

Status = Action.Status

# Content a reviewer approves; copied from a working copy to the public action on approval.
CONTENT_FIELDS = [
    "kind", "stage", "campaign_id", "matches_id", "inspired_by_id", "original_language", "translation_status",
    "title_en", "title_fr", "title_es", "summary_en", "summary_fr", "summary_es",
    "description_en", "description_fr", "description_es", "goals_en", "goals_fr", "goals_es",
    "start_date", "end_date", "budget", "currency", "funding_sources", "unmet_funding_need", "partnership_sought",
]
M2M_FIELDS = ["terms", "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs"]
CHILD_RELATIONS = ["partners", "indicators", "links", "documents"]


class TransitionError(Exception):
    """The action is not in a state that allows this step (the message says why, translated)."""


# ---------------------------------------------------------------- who may do what



def can_edit(user, action):
    """Members of the lead government (any role) edit drafts and answers to requested changes."""
    return membership_of(user, action.government) is not None




def _require_status(action, *allowed):
    if action.status not in allowed:
        raise TransitionError(
            _("This step is not possible while the action is “%(status)s”.") % {"status": action.get_status_display()}
        )


def _lock_status(action):
    """Re-read the status under a row lock, so two reviewers deciding at once cannot both apply a decision."""
    current = Action.objects.select_for_update().filter(pk=action.pk).values_list("status", flat=True).first()
    if current is None:
        raise TransitionError(_("This submission no longer exists."))
    action.status = current


def _public_action(action):
    """The action whose public page a working copy will change (itself when it is not a working copy)."""
    return action.revision_of or action


def _notify_owner(action, verb, **context):
    target = _public_action(action)
    url = reverse("actions_workspace:detail", args=[action.public_id])
    notify_government(action.government, verb, url=url, title=str(target.t.title), **context)


# ---------------------------------------------------------------- drafts


@transaction.atomic
def create_draft(government, by, **fields):
    """A new draft of `government`, written by a member."""
    if membership_of(by, government) is None:
        raise PermissionDenied
    action = Action.objects.create(government=government, created_by=by, status=Status.DRAFT, **fields)
    record(by, "action.created", action, kind=action.kind)
    return action


@transaction.atomic
def save_step(action, by, step, changed_fields=()):
    """Record that the editor saved a step of a draft (the form has written the fields)."""
    require_membership(by, action.government)
    _require_status(action, Status.DRAFT, Status.CHANGES_REQUESTED)
    action.editor_step = step
    action.save(update_fields=["editor_step", "updated_at", "slug"])
    record(by, "action.edited", action, step=step, fields=sorted(changed_fields))
    return action


CHECKLIST = [
    ("title", gettext_lazy("A title in the original language")),
    ("summary", gettext_lazy("A summary in the original language")),
    ("mapping", gettext_lazy("Mapped to at least one GCM objective, GCR objective or GCR area of focus")),
    ("target_groups", gettext_lazy("At least one target group")),
    ("time_bound", gettext_lazy("Pledges: a start and an end date (time-bound)")),
    ("measurable", gettext_lazy("Pledges: at least one indicator with a target (measurable)")),
]
# The published review checklist: the items above plus what only a reviewer's judgement can check. The items a
# reviewer ticks are kept in the activity log payload of the decision.
REVIEW_CHECKLIST = CHECKLIST + [
    ("needs_driven", gettext_lazy("Needs-driven")),
    ("co_designed", gettext_lazy("Co-designed with migrants or refugees")),
    ("mapping_correct", gettext_lazy("Mapping correct")),
]


def _checked(checklist):
    """The ticked checklist keys, in checklist order; unknown keys are dropped."""
    ticked = set(checklist or ())
    return [key for key, _label in REVIEW_CHECKLIST if key in ticked]


def missing_items(action):
    """The checklist items an action does not meet yet: [(key, label)]. Reviewers use the same list."""
    missing = []
    original = action.original_language
    if not getattr(action, f"title_{original}", ""):
        missing.append("title")
    if not getattr(action, f"summary_{original}", ""):
        missing.append("summary")
    if not (action.gcm_objectives.exists() or action.gcr_objectives.exists() or action.gcr_areas.exists()):
        missing.append("mapping")
    if not action.terms.filter(vocabulary_id="target_groups").exists():
        missing.append("target_groups")
    if action.kind == Action.Kind.PLEDGE:
        if not (action.start_date and action.end_date):
            missing.append("time_bound")
        if not action.indicators.filter(target__isnull=False).exists():
            missing.append("measurable")
    labels = dict(CHECKLIST)
    return [(key, labels[key]) for key in missing]


# ---------------------------------------------------------------- review workflow


@transaction.atomic
def submit(action, by):
    """Owner sends a draft (or an answer to requested changes) to the reviewers."""
    require_membership(by, action.government)
    _require_status(action, Status.DRAFT, Status.CHANGES_REQUESTED)
    missing = missing_items(action)
    if missing:
        raise TransitionError(_("Before submitting, complete: %(items)s.") % {"items": "; ".join(str(label) for _k, label in missing)})
    closed = submission_window_error(action.campaign, action)
    if closed:
        raise TransitionError(closed)
    action.status = Status.SUBMITTED
    action.submitted_at = timezone.now()
    action.save(update_fields=["status", "submitted_at", "updated_at"])
    record(by, "action.submitted", action, revision_of=action.revision_of.public_id if action.revision_of_id else None)
    return action


@transaction.atomic
def request_changes(action, by, note, checklist=None):
    """Reviewer sends a submission back to its owner with what to change (`checklist`: the ticked review items)."""
    require_reviewer(by)
    _lock_status(action)
    _require_status(action, Status.SUBMITTED)
    if not note.strip():
        raise TransitionError(_("Say what needs to change."))
    action.status = Status.CHANGES_REQUESTED
    action.review_note = note
    action.save(update_fields=["status", "review_note", "updated_at"])
    record(by, "action.changes_requested", action, note=note, checklist=_checked(checklist))
    _notify_owner(action, "action.changes_requested", note=note)
    return action


@transaction.atomic
def reject(action, by, reason, checklist=None):
    """Reviewer turns a submission down; the reason is required and shown to the owner."""
    require_reviewer(by)
    _lock_status(action)
    _require_status(action, Status.SUBMITTED)
    if not reason.strip():
        raise TransitionError(_("Give the reason for rejecting."))
    action.status = Status.REJECTED
    action.review_note = reason
    action.save(update_fields=["status", "review_note", "updated_at"])
    record(by, "action.rejected", action, reason=reason, checklist=_checked(checklist))
    _notify_owner(action, "action.rejected", note=reason)
    return action


@transaction.atomic
def approve(action, by, checklist=None):
    """Reviewer publishes a submission, or applies a submitted change to the published action.

    Returns the public action (the working copy of a change is merged into it and deleted)."""
    require_reviewer(by)
    _lock_status(action)
    _require_status(action, Status.SUBMITTED)
    if not action.government.verified:
        raise TransitionError(_("The government is not verified yet; verify it before publishing its actions."))
    if action.revision_of_id and action.revision_of.status != Status.PUBLISHED:
        # Merging into a withdrawn action would change content nobody can see and tell the owner it is public.
        raise TransitionError(_("The action this change applies to is no longer published."))
    now = timezone.now()
    if action.revision_of_id:
        working_copy, submitted_by = action.public_id, action.created_by
        public = _merge_working_copy(action)
        public.reviewed_at = now
        public.review_note = ""
        public.save(update_fields=["reviewed_at", "review_note", "updated_at"])
        revision = _snapshot(public, by, submitted_by=submitted_by, when=now)
        record(by, "action.revision_approved", public, revision=revision.number, working_copy=working_copy,
               checklist=_checked(checklist))
        _notify_owner(public, "action.revision_approved")
        return public
    action.status = Status.PUBLISHED
    action.published_at = now
    action.reviewed_at = now
    action.review_note = ""
    action.save(update_fields=["status", "published_at", "reviewed_at", "review_note", "updated_at"])
    revision = _snapshot(action, by, submitted_by=action.created_by, when=now)
    record(by, "action.published", action, revision=revision.number, checklist=_checked(checklist))
    _notify_owner(action, "action.published")
    return action


@transaction.atomic
def withdraw(action, by):
    """The owner takes an action back. Published actions leave the public catalog (focal point only)."""
    roles = (Membership.Role.FOCAL_POINT,) if action.status == Status.PUBLISHED else (Membership.Role.FOCAL_POINT, Membership.Role.EDITOR)
    require_membership(by, action.government, roles)
    if action.revision_of_id:
        # Withdrawing a proposed change simply discards it; the public action stays as it is. A rejected proposal
        # can be discarded too, so it does not linger.
        _require_status(action, Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED)
        public = action.revision_of
        record(by, "action.revision_discarded", public, working_copy=action.public_id)
        action.delete()
        return public
    _require_status(action, Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED)
    was_published = action.status == Status.PUBLISHED
    # Proposed changes to an action that leaves the catalog have nothing left to change: discard them, or a
    # reviewer could still "approve" them into a withdrawn action.
    discarded = sorted(action.pending_revisions.values_list("public_id", flat=True))
    action.pending_revisions.all().delete()
    action.status = Status.WITHDRAWN
    action.save(update_fields=["status", "updated_at"])
    record(by, "action.withdrawn", action, was_published=was_published, discarded_working_copies=discarded)
    return action


@transaction.atomic
def fix_mapping(action, by, **mapping):
    """A reviewer corrects an action's mapping (GCM/GCR/SDG/terms) while reviewing it."""
    require_reviewer(by)
    _require_status(action, Status.SUBMITTED, Status.PUBLISHED)
    changes = {}
    for field, values in mapping.items():
        if field not in M2M_FIELDS:
            raise ValueError(field)
        before = sorted(str(pk) for pk in getattr(action, field).values_list("pk", flat=True))
        getattr(action, field).set(values)
        # Read back what was stored: values may be instances, pks or pk strings, with duplicates.
        after = sorted(str(pk) for pk in getattr(action, field).values_list("pk", flat=True))
        if before != after:
            changes[field] = {"before": before, "after": after}
    if changes:
        record(by, "action.mapping_fixed", action, changes=changes)
    return changes


# ---------------------------------------------------------------- revisions of published actions


@transaction.atomic
def start_revision(action, by):
    """The working copy in which a member edits a published action (created on first use)."""
    require_membership(by, action.government)
    _require_status(action, Status.PUBLISHED)
    existing = action.pending_revisions.exclude(status=Status.REJECTED).first()
    if existing is not None:
        return existing
    # A rejected proposal must not block the next one; its reason stays in the activity log.
    action.pending_revisions.filter(status=Status.REJECTED).delete()
    copy = Action(government=action.government, created_by=by, status=Status.DRAFT, revision_of=action, slug=action.slug)
    for field in CONTENT_FIELDS:
        setattr(copy, field, getattr(action, field))
    copy.save()
    for field in M2M_FIELDS:
        getattr(copy, field).set(getattr(action, field).all())
    for relation in CHILD_RELATIONS:
        for child in getattr(action, relation).all():
            child.pk = None
            child.action = copy
            child.save()
    # The copy's pk lets the history find the copy's own log entries after the copy is merged or discarded.
    record(by, "action.revision_started", action, working_copy=copy.public_id, working_copy_pk=copy.pk)
    return copy


def _merge_working_copy(copy):
    public = copy.revision_of
    for field in CONTENT_FIELDS:
        if field == "stage":
            continue  # a published pledge's stage is set by its progress updates (progress.services)
        setattr(public, field, getattr(copy, field))
    public.save()
    for field in M2M_FIELDS:
        getattr(public, field).set(getattr(copy, field).all())
    for relation in CHILD_RELATIONS:
        getattr(public, relation).all().delete()
        getattr(copy, relation).all().update(action=public)
    copy.delete()
    return public


def snapshot_data(action):
    """The approved content of an action as plain JSON (kept in ActionRevision, compared in diffs)."""
    data = {field: _plain(getattr(action, field)) for field in CONTENT_FIELDS}
    for field in M2M_FIELDS:
        data[field] = sorted(str(pk) for pk in getattr(action, field).values_list("pk", flat=True))
    data["partners"] = [[p.name, p.kind, p.website] for p in action.partners.all()]
    data["indicators"] = [[i.name, i.unit, _plain(i.baseline), _plain(i.target), _plain(i.target_date)] for i in action.indicators.all()]
    data["links"] = [[link.url, link.title] for link in action.links.all()]
    data["documents"] = [[d.title, d.file.name, d.is_public] for d in action.documents.all()]
    return data


def _plain(value):
    if value is None or isinstance(value, (str, int, bool, dict, list)):
        return value
    return str(value)


def _snapshot(action, by, submitted_by, when):
    number = (action.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return ActionRevision.objects.create(
        action=action, number=number, data=snapshot_data(action), submitted_by=submitted_by, approved_by=by, approved_at=when
    )


def diff(before, after):
    """Field-by-field differences between two snapshots: [(field, old, new)] for the fields that differ."""
    return [(field, before.get(field), after.get(field)) for field in after if before.get(field) != after.get(field)]


# ---------------------------------------------------------------- joint pledges


@transaction.atomic
def invite_copledger(action, government, by):
    """The lead invites another government to join its pledge; that government's focal points confirm."""
    require_membership(by, action.government)
    if action.kind != Action.Kind.PLEDGE:
        raise TransitionError(_("Only pledges can be joint."))
    if government.pk == action.government_id:
        raise TransitionError(_("The lead government is already part of its pledge."))
    link, created = CoPledger.objects.get_or_create(action=_public_action(action), government=government)
    if not created and link.declined_at:
        link.declined_at = None
        link.save(update_fields=["declined_at"])
    record(by, "copledge.invited", link.action, co_government=government.slug)
    notify_government(
        government, "copledge.invited", url=reverse("actions_workspace:copledge_invitations"), roles=[Membership.Role.FOCAL_POINT],
        lead=action.government.name, title=str(link.action.t.title),
    )
    return link


def _answer_copledge(link, by, verb):
    if membership_of(by, link.government) is None or membership_of(by, link.government).role != Membership.Role.FOCAL_POINT:
        raise PermissionDenied
    if link.confirmed_at or link.declined_at:
        raise TransitionError(_("This invitation has already been answered."))
    setattr(link, "confirmed_at" if verb == "copledge.confirmed" else "declined_at", timezone.now())
    link.save()
    record(by, verb, link.action, co_government=link.government.slug)
    notify_government(link.action.government, verb, url=reverse("actions_workspace:detail", args=[link.action.public_id]),
                      title=str(link.action.t.title), co_government=link.government.name)
    return link


@transaction.atomic
def confirm_copledge(link, by):
    """A focal point of the invited government confirms joining the pledge."""
    return _answer_copledge(link, by, "copledge.confirmed")


@transaction.atomic
def decline_copledge(link, by):
    """A focal point of the invited government declines."""
    return _answer_copledge(link, by, "copledge.declined")


@transaction.atomic
def remove_copledger(link, by):
    """The lead withdraws an invitation, or takes a government off its joint pledge; that government is told."""
    require_membership(by, link.action.government)
    was_confirmed = link.confirmed_at is not None
    government, action = link.government, link.action
    link.delete()
    record(by, "copledge.removed", action, co_government=government.slug, was_confirmed=was_confirmed)
    notify_government(
        government, "copledge.removed", url=reverse("actions_workspace:copledge_invitations"),
        roles=[Membership.Role.FOCAL_POINT], lead=action.government.name, title=str(action.t.title),
    )
