"""The reviewers' screens: the queue of submissions, the review page, and the decisions taken from it."""
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles

from . import services
from .models import Action, CoPledger
from .review_forms import DecisionForm, MappingForm, QueueFilterForm
from .snapshot_display import readable_diff

Status = Action.Status
RECENT_DAYS = 30


def filter_queue(filters):
    """The actions a reviewer asked for in the queue, oldest submission first."""
    now = timezone.now()
    queryset = Action.objects.select_related("government__country", "campaign", "revision_of")
    if filters["state"] == QueueFilterForm.PUBLISHED:
        # Recently published, or recently changed by an approved revision (approve() sets reviewed_at on both).
        queryset = queryset.filter(status=Status.PUBLISHED, reviewed_at__gte=now - timedelta(days=RECENT_DAYS))
    else:
        queryset = queryset.filter(status=filters["state"])
    if filters["change"] == QueueFilterForm.NEW:
        queryset = queryset.filter(revision_of__isnull=True)
    elif filters["change"] == QueueFilterForm.REVISION:
        queryset = queryset.filter(revision_of__isnull=False)
    if filters["campaign"]:
        queryset = queryset.filter(campaign=filters["campaign"])
    if filters["region"]:
        region = filters["region"]
        queryset = queryset.filter(Q(government__country__region=region) | Q(government__country__subregion=region))
    if filters["language"]:
        queryset = queryset.filter(original_language=filters["language"])
    if filters["age"]:
        queryset = queryset.filter(submitted_at__lte=now - timedelta(days=filters["age"]))
    return queryset.order_by(F("submitted_at").asc(nulls_last=True), "id")


@role_required(Roles.REVIEWER)
def review_queue(request):
    form = QueueFilterForm(request.GET)
    page = Paginator(filter_queue(form.filters()), settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for action in page:
        # Only a submission is waiting for the reviewers; the others are waiting for their owners, or for nobody.
        waiting = action.status == Status.SUBMITTED and action.submitted_at
        action.waiting_days = (now - action.submitted_at).days if waiting else None
    return render(request, "actions/review/queue.html", {"form": form, "page": page})


def get_submission(public_id):
    """An action as a reviewer reads it, with everything the review page shows; drafts stay their owners'."""
    queryset = Action.objects.exclude(status=Status.DRAFT).select_related(
        "government__country__region", "campaign", "matches__government", "revision_of", "created_by"
    ).prefetch_related(
        "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs", "terms__vocabulary",
        "partners", "indicators", "links", "documents",
        Prefetch("co_pledger_links", queryset=CoPledger.objects.select_related("government")),
        Prefetch("pending_revisions", queryset=Action.objects.exclude(status=Status.DRAFT)),
    )
    return get_object_or_404(queryset, public_id=public_id)


def render_review(request, action, decision_form=None, mapping_form=None):
    """The review page, with the forms as posted when one of them needs correcting."""
    changes = None
    if action.revision_of_id:
        changes = readable_diff(services.snapshot_data(action.revision_of), services.snapshot_data(action))
    text_fields = (("title", _("Title")), ("summary", _("Summary")), ("description", _("Description")), ("goals", _("Goals")))
    # Side by side: the original language first, then each language the owner has written something in.
    languages = [action.original_language] + [
        code for code, _name in settings.CONTENT_LANGUAGES
        if code != action.original_language and any(getattr(action, f"{field}_{code}") for field, _label in text_fields)
    ]
    texts = [(label, [(code, getattr(action, f"{field}_{code}")) for code in languages]) for field, label in text_fields]
    can_decide = action.status == Status.SUBMITTED
    return render(request, "actions/review/detail.html", {
        "action": action,
        "changes": changes,
        "languages": languages,
        "texts": texts,
        "missing": services.missing_items(action),
        "can_decide": can_decide,
        "can_fix_mapping": action.status in (Status.SUBMITTED, Status.PUBLISHED),
        "decision_form": decision_form or DecisionForm(),
        "mapping_form": mapping_form or MappingForm(action=action),
    })


@role_required(Roles.REVIEWER)
def review_detail(request, public_id):
    return render_review(request, get_submission(public_id))


def decision_message(decision, action):
    """What the reviewer is told after deciding, back on the queue."""
    context = {"title": action.t.title}
    if decision == DecisionForm.APPROVE:
        if action.revision_of_id:
            return _("The change to “%(title)s” is published.") % context
        return _("“%(title)s” is published.") % context
    if decision == DecisionForm.REQUEST_CHANGES:
        return _("Changes requested for “%(title)s”; its owners are told.") % context
    return _("“%(title)s” was rejected; its owners are told why.") % context


@role_required(Roles.REVIEWER)
@require_POST
def review_decide(request, public_id):
    action = get_submission(public_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        decision, note, checklist = form.cleaned_data["decision"], form.cleaned_data["note"], form.cleaned_data["checklist"]
        message = decision_message(decision, action)
        try:
            if decision == DecisionForm.APPROVE:
                services.approve(action, request.user, checklist=checklist)
            elif decision == DecisionForm.REQUEST_CHANGES:
                services.request_changes(action, request.user, note, checklist=checklist)
            else:
                services.reject(action, request.user, note, checklist=checklist)
        except services.TransitionError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, message)
            return redirect("review:queue")
    return render_review(request, action, decision_form=form)


@role_required(Roles.REVIEWER)
@require_POST
def review_fix_mapping(request, public_id):
    action = get_submission(public_id)
    form = MappingForm(request.POST, action=action)
    if form.is_valid():
        try:
            changes = services.fix_mapping(action, request.user, **form.cleaned_data)
        except services.TransitionError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The mapping is corrected.") if changes else _("The mapping was already like this; nothing changed."))
            return redirect("review:detail", public_id=action.public_id)
    return render_review(request, action, mapping_form=form)
