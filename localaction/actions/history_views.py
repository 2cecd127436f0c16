"""The back-office page of one action for its owners and the reviewers: status, the reviewers' note, the history
timeline and the approved revisions (each readable, with what changed from the one before)."""
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from localaction.accounts.permissions import is_reviewer
from localaction.activity.models import ActivityLog
from localaction.activity.services import history
from localaction.governments.access import membership_of

from . import services
from .models import Action
from .snapshot_display import readable_diff, readable_snapshot

# What each activity-log verb means, as the timeline shows it.
VERBS = {
    "action.created": _("Draft created"),
    "action.edited": _("Edited"),
    "action.submitted": _("Submitted for review"),
    "action.changes_requested": _("Changes requested by the reviewers"),
    "action.rejected": _("Rejected by the reviewers"),
    "action.published": _("Approved and published"),
    "action.withdrawn": _("Withdrawn"),
    "action.mapping_fixed": _("Mapping corrected by the reviewers"),
    "action.revision_started": _("Change started"),
    "action.revision_approved": _("Change approved and published"),
    "action.revision_discarded": _("Change discarded"),
    "copledge.invited": _("Government invited to join the pledge"),
    "copledge.confirmed": _("Invitation to join the pledge accepted"),
    "copledge.declined": _("Invitation to join the pledge declined"),
    "action.shown_as_practice": _("Listed with the practices (fulfilled pledge)"),
    "action.shown_as_pledge": _("Listed as a pledge again"),
    "progress.discarded": _("Unpublished progress update deleted"),
}


def get_action_for_history(request, public_id):
    """The action for its lead government's members and for reviewers; anyone else gets a 404."""
    action = get_object_or_404(Action.objects.select_related("government", "revision_of"), public_id=public_id)
    if not (is_reviewer(request.user) or membership_of(request.user, action.government) is not None):
        raise Http404
    return action


def history_with_working_copies(action):
    """The log entries of an action and of every working copy it has had (even merged or discarded ones, found
    through the pk kept in "action.revision_started"), newest first."""
    object_ids = {str(action.pk)}
    for entry in history(action).filter(verb="action.revision_started"):
        if entry.payload.get("working_copy_pk"):
            object_ids.add(str(entry.payload["working_copy_pk"]))
    object_ids.update(str(pk) for pk in action.pending_revisions.values_list("pk", flat=True))
    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(Action), object_id__in=object_ids
    ).select_related("actor")


# Decisions taken by the secretariat: owners see them as the reviewers' (reviewers see who).
REVIEWER_VERBS = {"action.changes_requested", "action.rejected", "action.published", "action.revision_approved", "action.mapping_fixed"}


def timeline(action, show_reviewers=False):
    """The history entries with what the page shows of each: label, who, whether it concerned a proposed change,
    the note or reason, the ticked checklist and the mapping corrections."""
    checklist = dict(services.REVIEW_CHECKLIST)
    entries = list(history_with_working_copies(action))
    for entry in entries:
        entry.label = VERBS.get(entry.verb, entry.verb)
        if entry.verb in REVIEWER_VERBS and not show_reviewers:
            entry.who = _("The reviewers")
        else:
            entry.who = entry.actor.get_full_name() if entry.actor else _("The platform")
        entry.on_working_copy = entry.object_id != str(action.pk) or "working_copy" in entry.payload
        entry.message = entry.payload.get("note") or entry.payload.get("reason") or ""
        entry.checklist = [checklist[key] for key in entry.payload.get("checklist") or [] if key in checklist]
        changes = entry.payload.get("changes") if entry.verb == "action.mapping_fixed" else None
        entry.mapping_changes = readable_diff(
            {field: change["before"] for field, change in changes.items()},
            {field: change["after"] for field, change in changes.items()},
        ) if changes else []
    return entries


@login_required
def action_history(request, public_id):
    action = get_action_for_history(request, public_id)
    if action.revision_of_id:
        # A working copy's story is told on the page of the action it changes.
        return redirect("review:action", public_id=action.revision_of.public_id)
    reviewer = is_reviewer(request.user)
    return render(request, "actions/review/action.html", {
        "action": action,
        "working_copies": action.pending_revisions.all(),
        "entries": timeline(action, show_reviewers=reviewer),
        "revisions": action.revisions.all(),
        "is_reviewer": reviewer,
    })


@login_required
def revision_detail(request, public_id, number):
    action = get_action_for_history(request, public_id)
    revision = get_object_or_404(action.revisions.select_related("approved_by", "submitted_by"), number=number)
    previous = action.revisions.filter(number__lt=number).order_by("-number").first()
    return render(request, "actions/review/revision.html", {
        "action": action,
        "is_reviewer": is_reviewer(request.user),
        "revision": revision,
        "previous": previous,
        "rows": readable_snapshot(revision.data),
        "changes": readable_diff(previous.data, revision.data) if previous else None,
    })


@login_required
def document_download(request, public_id, pk):
    """Any document of an action (public or not) for its owners and the reviewers; never through MEDIA_URL."""
    action = get_action_for_history(request, public_id)
    document = get_object_or_404(action.documents, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])
