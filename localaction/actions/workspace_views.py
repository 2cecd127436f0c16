"""The action editor in the workspace: members of the lead government create, edit, submit and withdraw actions;
governments invited to a joint pledge answer the invitation. Reviewers have their own screens (review_views.py).

Access goes through the lead government: anyone who is not one of its members gets a 404, as if the action did
not exist; a member whose role is too weak for a step gets a 403 from the service.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from localaction.campaigns.windows import submission_window_error
from localaction.core.translation import current_language
from localaction.governments.access import FOCAL_POINT_ONLY, get_government_for_member, membership_of, require_role
from localaction.governments.models import Membership

from . import editor, services
from .forms import BasicsForm, CopledgeAnswerForm, CopledgerInviteForm
from .models import Action, CoPledger, Document

Status = Action.Status
EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)
WITHDRAWABLE = (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED)


# ---------------------------------------------------------------- access helpers


def get_action_for_member(request, public_id):
    """(action, membership) for a member (any role) of the action's lead government; 404 for anyone else."""
    action = get_object_or_404(
        Action.objects.select_related("government", "campaign", "revision_of", "matches"), public_id=public_id
    )
    membership = membership_of(request.user, action.government)
    if membership is None:
        raise Http404
    return action, membership


def can_withdraw(action, membership):
    """Mirrors services.withdraw: published actions leave the catalog only at a focal point's request."""
    if action.status not in WITHDRAWABLE:
        return False
    return action.status != Status.PUBLISHED or membership.role == Membership.Role.FOCAL_POINT


def _not_editable(request, action):
    if action.status == Status.PUBLISHED:
        messages.info(request, _("This action is published. To change it, propose a change: "
                                 "the public page changes when a reviewer approves it."))
    elif action.status == Status.SUBMITTED:
        messages.info(request, _("This action is with the reviewers; it cannot be edited until they answer."))
    else:
        messages.info(request, _("This action can no longer be edited."))
    return redirect("actions_workspace:detail", action.public_id)


def _edit_url(action, step):
    return reverse("actions_workspace:edit", args=[action.public_id, step])


def _public_action(action):
    return action.revision_of or action


def _with_everything(action):
    """The action again, with all that its summary shows, in a fixed number of queries."""
    return Action.objects.select_related("government", "campaign", "revision_of", "matches__government").prefetch_related(
        "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs", "terms__vocabulary",
        "partners", "indicators", "links", "documents",
    ).get(pk=action.pk)


def _copledgers(action):
    return list(CoPledger.objects.filter(action=_public_action(action)).select_related("government").order_by("invited_at", "pk"))


def _after_save(request, action, step):
    messages.success(request, _("Saved."))
    if "stay" in request.POST:
        return redirect(_edit_url(action, step))
    return redirect(_edit_url(action, editor.next_step(step)))


def _render_step(request, action, step, parts, steps=None, government=None, invite_form=None):
    """A step's page; `steps` is the navigation, worked out before posted data touched the action."""
    posted = request.method == "POST"
    errors = editor.error_list(parts, request.FILES) if posted else []
    context = {
        "action": action, "government": government or action.government, "step": step,
        "step_label": dict(editor.STEPS)[step], "steps": steps or editor.step_navigation(action, step), "parts": parts,
    }
    if action is not None and step == "people" and action.kind == Action.Kind.PLEDGE:
        invite_form = invite_form or CopledgerInviteForm(action=action)
        if invite_form.is_bound:
            errors += editor.error_list([editor.Part("invite", _("Co-pledging governments"), invite_form)])
        context.update(copledgers=_copledgers(action), invite_form=invite_form)
    context["errors"] = errors
    return render(request, "actions/editor/step.html", context)


# ---------------------------------------------------------------- creating and editing


@login_required
def action_create(request, government_slug):
    """The first step for a new practice or pledge; saving it creates the draft."""
    government, _membership = get_government_for_member(request, government_slug)
    kind = request.GET.get("kind") if request.GET.get("kind") in Action.Kind.values else Action.Kind.PRACTICE
    initial = {"kind": kind, "original_language": current_language(), "stage": Action.Stage.PLANNING}
    form = BasicsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = services.create_draft(government, request.user, editor_step=editor.FIRST_STEP, **form.field_values())
        return _after_save(request, action, editor.FIRST_STEP)
    parts = [editor.Part("basics", _("About the action"), form)]
    return _render_step(request, None, editor.FIRST_STEP, parts, government=government)


@login_required
def action_edit(request, public_id, step):
    """One step of the editor: validate, save the step's parts and record it, then go on (or stay)."""
    action, membership = get_action_for_member(request, public_id)
    if step not in editor.STEP_KEYS:
        raise Http404
    if action.status not in EDITABLE:
        return _not_editable(request, action)
    if step == editor.REVIEW_STEP:
        return _review_step(request, action, membership)
    posted = request.method == "POST"
    # Validating a model form writes the posted values onto the action in memory; the step list must not show them.
    steps = editor.step_navigation(action, step)
    parts = editor.step_parts(step, action, request.POST if posted else None, request.FILES if posted else None)
    if posted and editor.all_valid(parts):
        with transaction.atomic():
            changed = editor.save_parts(parts)
            services.save_step(action, request.user, step, changed)
        return _after_save(request, action, step)
    return _render_step(request, action, step, parts, steps=steps)


def _review_step(request, action, membership):
    missing = [
        {"key": key, "label": label, "step": editor.CHECKLIST_STEPS[key]} for key, label in services.missing_items(action)
    ]
    closed = submission_window_error(action.campaign, action)
    if closed:
        missing.append({"key": "campaign_window", "label": closed, "step": "basics"})
    return render(request, "actions/editor/review.html", {
        "action": _with_everything(action), "step": editor.REVIEW_STEP, "step_label": dict(editor.STEPS)[editor.REVIEW_STEP],
        "steps": editor.step_navigation(action, editor.REVIEW_STEP), "missing": missing,
        "copledgers": _copledgers(action), "can_withdraw": can_withdraw(action, membership),
    })


@login_required
def action_resume(request, public_id):
    """Back to the step the editor last saved (or the first one)."""
    action, _membership = get_action_for_member(request, public_id)
    if action.status not in EDITABLE:
        return _not_editable(request, action)
    # The stored step is the last one saved: people come back to continue with the one after it.
    step = editor.next_step(action.editor_step) if action.editor_step in editor.STEP_KEYS else editor.FIRST_STEP
    return redirect(_edit_url(action, step))


@login_required
def action_detail(request, public_id):
    """The owner's page of an action: where it stands, what the reviewers said, and what can be done next."""
    action, membership = get_action_for_member(request, public_id)
    editable = action.status in EDITABLE
    return render(request, "actions/editor/detail.html", {
        "action": _with_everything(action), "editable": editable,
        "missing": services.missing_items(action) if editable else [],
        "pending_revision": action.pending_revisions.first() if action.status == Status.PUBLISHED else None,
        "copledgers": _copledgers(action), "can_withdraw": can_withdraw(action, membership),
    })


@require_POST
@login_required
def action_revise(request, public_id):
    """Start (or continue) a proposed change to a published action, in its working copy."""
    action, _membership = get_action_for_member(request, public_id)
    try:
        copy = services.start_revision(action, request.user)
    except services.TransitionError as error:
        messages.error(request, str(error))
        return redirect("actions_workspace:detail", action.public_id)
    return redirect(_edit_url(copy, editor.FIRST_STEP))


@require_POST
@login_required
def action_submit(request, public_id):
    action, _membership = get_action_for_member(request, public_id)
    try:
        services.submit(action, request.user)
    except services.TransitionError as error:
        messages.error(request, str(error))
        if action.status in EDITABLE:
            return redirect(_edit_url(action, editor.REVIEW_STEP))
        return redirect("actions_workspace:detail", action.public_id)
    messages.success(request, _("Submitted. The reviewers will tell you when it is published, or what to change."))
    return redirect("actions_workspace:detail", action.public_id)


@login_required
def action_withdraw(request, public_id):
    """A confirmation page, then the withdrawal (or, for a proposed change, discarding it)."""
    action, membership = get_action_for_member(request, public_id)
    if action.status not in WITHDRAWABLE:
        messages.info(request, _("This action cannot be withdrawn."))
        return redirect("actions_workspace:detail", action.public_id)
    if not can_withdraw(action, membership):
        raise PermissionDenied
    if request.method == "POST":
        try:
            result = services.withdraw(action, request.user)
        except services.TransitionError as error:
            messages.error(request, str(error))
            return redirect("actions_workspace:detail", action.public_id)
        if action.revision_of_id:
            messages.success(request, _("The proposed change was discarded; the public page is unchanged."))
        else:
            messages.success(request, _("The action was withdrawn."))
        return redirect("actions_workspace:detail", result.public_id)
    return render(request, "actions/editor/withdraw.html", {"action": action})


@login_required
def document_download(request, public_id, pk):
    """Any document of the action, public or not, for the members of its lead government."""
    action, _membership = get_action_for_member(request, public_id)
    document = get_object_or_404(Document, pk=pk, action=action)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    extension = document.file.name.rsplit(".", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=f"{slugify(document.title) or 'document'}.{extension}")


# ---------------------------------------------------------------- joint pledges


@require_POST
@login_required
def copledge_invite(request, public_id):
    """The lead invites a verified government to join its pledge (from the partners step)."""
    action, _membership = get_action_for_member(request, public_id)
    if action.status not in EDITABLE:
        return _not_editable(request, action)
    form = CopledgerInviteForm(request.POST, action=action)
    if not form.is_valid():
        return _render_step(request, action, "people", editor.step_parts("people", action), invite_form=form)
    government = form.cleaned_data["government"]
    try:
        services.invite_copledger(action, government, request.user)
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(government)s is invited; its focal points can confirm or decline.") % {
            "government": government.name,
        })
    return redirect(_edit_url(action, "people") + "#copledgers")


@require_POST
@login_required
def copledge_remove(request, public_id, pk):
    """The lead withdraws an invitation or takes a government off its pledge."""
    action, _membership = get_action_for_member(request, public_id)
    if action.status not in EDITABLE:
        return _not_editable(request, action)
    link = get_object_or_404(CoPledger.objects.select_related("government"), pk=pk, action=_public_action(action))
    services.remove_copledger(link, request.user)
    messages.success(request, _("%(government)s is no longer part of this pledge.") % {"government": link.government.name})
    return redirect(_edit_url(action, "people") + "#copledgers")


@require_POST
@login_required
def copledge_answer(request, pk):
    """A focal point of the invited government joins the pledge or declines."""
    link = get_object_or_404(CoPledger.objects.select_related("government", "action__government"), pk=pk)
    require_role(membership_of(request.user, link.government), FOCAL_POINT_ONLY)
    form = CopledgeAnswerForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    confirm = form.cleaned_data["answer"] == "confirm"
    try:
        (services.confirm_copledge if confirm else services.decline_copledge)(link, request.user)
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        context = {"government": link.government.name, "title": link.action.t.title}
        if confirm:
            messages.success(request, _("%(government)s joined the pledge “%(title)s”.") % context)
        else:
            messages.success(request, _("%(government)s declined to join the pledge “%(title)s”.") % context)
    return redirect("actions_workspace:copledge_invitations")


@login_required
def copledge_invitations(request):
    """Invitations to joint pledges addressed to the user's governments; focal points answer them here."""
    roles = dict(Membership.objects.filter(user=request.user).values_list("government_id", "role"))
    links = CoPledger.objects.filter(government_id__in=roles).select_related("government", "action__government")
    pending = list(links.filter(confirmed_at__isnull=True, declined_at__isnull=True).order_by("-invited_at", "-pk"))
    for link in pending:
        link.can_answer = roles[link.government_id] == Membership.Role.FOCAL_POINT
    answered = links.exclude(confirmed_at__isnull=True, declined_at__isnull=True).order_by("-invited_at", "-pk")[:20]
    return render(request, "actions/editor/copledge_invitations.html", {"pending": pending, "answered": answered})
