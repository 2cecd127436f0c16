"""Progress updates in the workspace: the lead government's members write and submit them; reviewers publish
them or return them with comments.

Access goes through the pledge's lead government: anyone else — co-pledging governments included, since the
lead reports for all — gets a 404, as if the pledge had no updates; a member whose role is too weak for a step
gets a 403 from the service.
"""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.governments.access import membership_of
from localaction.governments.models import Membership

from . import services
from .forms import DecisionForm, PracticeForm, ProgressUpdateForm, error_list, link_formset
from .models import ProgressUpdate
from .timeline import update_parts

Status = ProgressUpdate.Status


# ---------------------------------------------------------------- access helpers


def get_pledge_for_member(request, public_id):
    """(action, membership) for a member (any role) of the action's lead government; 404 for anyone else."""
    action = get_object_or_404(Action.objects.select_related("government"), public_id=public_id, revision_of__isnull=True)
    membership = membership_of(request.user, action.government)
    if membership is None:
        raise Http404
    return action, membership


def get_update_for_member(request, pk):
    """(update, membership) for a member of the lead government of the update's pledge; 404 for anyone else."""
    update = get_object_or_404(ProgressUpdate.objects.select_related("action__government"), pk=pk)
    membership = membership_of(request.user, update.action.government)
    if membership is None:
        raise Http404
    return update, membership


def _list_url(action):
    return redirect("progress_workspace:list", action.public_id)


# ---------------------------------------------------------------- the owner's pages


@login_required
def update_list(request, public_id):
    """A pledge's updates in every state, what the reviewers said, and what can be done next."""
    action, membership = get_pledge_for_member(request, public_id)
    updates = list(ProgressUpdate.objects.filter(action=action).order_by("-reported_on", "-id").prefetch_related(*update_parts()))
    in_play = next((update for update in updates if update.status in services.IN_PLAY), None)
    is_focal_point = membership.role == Membership.Role.FOCAL_POINT
    can_toggle_practice = is_focal_point and action.kind == Action.Kind.PLEDGE and (
        action.show_as_practice or (action.is_published and action.stage == Action.Stage.FULFILLED)
    )
    return render(request, "progress/workspace/update_list.html", {
        "action": action, "updates": updates, "in_play": in_play,
        "is_published_pledge": action.kind == Action.Kind.PLEDGE and action.is_published,
        "practice_form": PracticeForm(initial={"show_as_practice": action.show_as_practice}) if can_toggle_practice else None,
    })


def _update_form(request, action, update):
    """The update form: on a valid POST, save through the service; otherwise show it with errors next to fields."""
    posted = request.method == "POST"
    form = ProgressUpdateForm(request.POST if posted else None, request.FILES if posted else None, action=action, update=update)
    links = link_formset(update, request.POST if posted else None)
    if posted and all([form.is_valid(), links.is_valid()]):
        try:
            services.save_update(action, request.user, form.service_data(links), update=update)
        except services.TransitionError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The update is saved. Submit it to the reviewers when it is ready."))
            return _list_url(action)
    errors = error_list(form, links) if posted else []
    if errors and request.FILES:
        errors.append({"anchor": form["evidence_file"].auto_id, "label": "", "message": _(
            "Files are not kept when a page has errors: choose the file again."
        )})
    return render(request, "progress/workspace/update_form.html", {
        "action": action, "update": update, "form": form, "links": links, "errors": errors,
    })


@login_required
def update_new(request, public_id):
    """A new update, pre-filled from the previous one; an update already in draft is continued instead."""
    action, _membership = get_pledge_for_member(request, public_id)
    try:
        update = services.start_update(action, request.user)
    except services.TransitionError as refused:
        messages.error(request, str(refused))
        return _list_url(action)
    if update.pk is not None:
        messages.info(request, _("This pledge already has an update in progress; continue it here."))
        return redirect("progress_workspace:edit", update.pk)
    return _update_form(request, action, update)


@login_required
def update_edit(request, pk):
    """Change an update in draft, or one the reviewers returned."""
    update, _membership = get_update_for_member(request, pk)
    if not update.is_editable:
        messages.info(request, _("This update can no longer be changed."))
        return _list_url(update.action)
    return _update_form(request, update.action, update)


def _owner_step(request, pk, service, success_message):
    """Run one owner service on an update (submit, withdraw, discard) and go back to the pledge's updates."""
    update, _membership = get_update_for_member(request, pk)
    action = update.action
    try:
        service(update, request.user)
    except services.TransitionError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, success_message)
    return _list_url(action)


@require_POST
@login_required
def update_submit(request, pk):
    return _owner_step(request, pk, services.submit_update,
                       _("Submitted. The reviewers will publish it, or tell you what to change."))


@require_POST
@login_required
def update_withdraw(request, pk):
    return _owner_step(request, pk, services.withdraw_update,
                       _("The update is back in draft; the reviewers no longer see it."))


@require_POST
@login_required
def update_discard(request, pk):
    return _owner_step(request, pk, services.discard_update, _("The update was deleted."))


@require_POST
@login_required
def show_as_practice(request, public_id):
    """A focal point lists a fulfilled pledge with the practices in the catalog, or stops doing so."""
    action, _membership = get_pledge_for_member(request, public_id)
    form = PracticeForm(request.POST)
    form.is_valid()  # a checkbox: absent means "no"
    value = form.cleaned_data.get("show_as_practice", False)
    try:
        services.set_show_as_practice(action, request.user, value)
    except services.TransitionError as refused:
        messages.error(request, str(refused))
    else:
        if value:
            messages.success(request, _("The pledge is now listed with the practices; its page keeps its pledge history."))
        else:
            messages.success(request, _("The pledge is listed as a pledge again."))
    return _list_url(action)


# ---------------------------------------------------------------- the reviewers' pages


@role_required(Roles.REVIEWER)
def review_queue(request):
    """Submitted updates, the longest waiting first."""
    updates = ProgressUpdate.objects.filter(status=Status.SUBMITTED).select_related("action__government__country").order_by(
        F("submitted_at").asc(nulls_last=True), "id"
    )
    page = Paginator(updates, settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for update in page:
        update.waiting_days = (now - update.submitted_at).days if update.submitted_at else None
    return render(request, "progress/workspace/queue.html", {"page": page})


def get_update_for_review(pk):
    """An update as a reviewer reads it, with its parts; drafts stay their owners'."""
    queryset = ProgressUpdate.objects.exclude(status=Status.DRAFT).select_related(
        "action__government__country"
    ).prefetch_related(*update_parts())
    return get_object_or_404(queryset, pk=pk)


def render_review(request, update, form=None):
    previous = services.previous_published(update)
    if previous is not None:
        prefetch_related_objects([previous], *update_parts())
    return render(request, "progress/workspace/review.html", {
        "update": update, "action": update.action, "previous": previous,
        "can_decide": update.status == Status.SUBMITTED, "form": form or DecisionForm(),
    })


@role_required(Roles.REVIEWER)
def review_detail(request, pk):
    """The update next to the pledge's previous published one, and the decision form."""
    return render_review(request, get_update_for_review(pk))


@role_required(Roles.REVIEWER)
@require_POST
def review_decide(request, pk):
    update = get_update_for_review(pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == DecisionForm.PUBLISH:
                services.publish_update(update, request.user)
                message = _("The update on “%(title)s” is published.")
            else:
                services.return_update(update, request.user, form.cleaned_data["note"])
                message = _("The update on “%(title)s” was returned; its government is told what to change.")
        except services.TransitionError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, message % {"title": update.action.t.title})
            return redirect("progress_workspace:queue")
    return render_review(request, update, form)
