"""The reviewers' campaign pages: each campaign's window and freeze, its frozen snapshot, the handover packages
built from it (who asked, when, how far the build is) and their downloads; and an action's "announced at" tags.
Reviewers only: role_required answers 403 to anyone else (anonymous visitors go to sign in)."""
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.reports.downloads import file_response
from localaction.reports.models import GeneratedFile

from . import services
from .forms import AnnouncedAtForm, HandoverRequestForm
from .handover.package import package_name
from .handover.recipients import RECIPIENTS
from .models import Campaign, CampaignSnapshot

Status = GeneratedFile.Status
IN_PROGRESS = (Status.QUEUED, Status.BUILDING)


def handover_files(campaign):
    """The campaign's handover packages, newest first, with who asked for each."""
    files = list(
        GeneratedFile.objects.filter(campaign=campaign, kind=GeneratedFile.Kind.HANDOVER).select_related("requested_by")
    )
    for generated in files:
        recipient = RECIPIENTS.get(generated.parameters.get("recipient"))
        generated.recipient_name = recipient.name if recipient else ""
    return files


@role_required(Roles.REVIEWER)
def campaign_list(request):
    published = Q(actions__status=Action.Status.PUBLISHED, actions__revision_of__isnull=True)
    campaigns = Campaign.objects.select_related("snapshot").annotate(
        submitted=Count("actions", filter=published, distinct=True),
        announced=Count(
            "announced_actions", filter=Q(announced_actions__status=Action.Status.PUBLISHED), distinct=True
        ),
    ).order_by("-forum_date", "slug")
    return render(request, "campaigns/workspace/list.html", {"campaigns": campaigns})


def _snapshot(campaign):
    return CampaignSnapshot.objects.select_related("frozen_by").filter(campaign=campaign).first()


def _render_detail(request, campaign, form=None, status=200):
    files = handover_files(campaign)
    return render(request, "campaigns/workspace/detail.html", {
        "campaign": campaign,
        "snapshot": _snapshot(campaign),
        "form": form or HandoverRequestForm(),
        "files": files,
        # Without JavaScript, the page reloads itself while a package is being built, to show its progress.
        "refresh": any(generated.status in IN_PROGRESS for generated in files),
        "recipients": RECIPIENTS.values(),
    }, status=status)


@role_required(Roles.REVIEWER)
def campaign_detail(request, slug):
    return _render_detail(request, get_object_or_404(Campaign, slug=slug))


@role_required(Roles.REVIEWER)
@require_POST
def campaign_freeze(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    snapshot, created = services.freeze(campaign, by=request.user)
    if created:
        messages.success(request, ngettext(
            "“%(campaign)s” is frozen with %(count)s action.", "“%(campaign)s” is frozen with %(count)s actions.",
            snapshot.action_count,
        ) % {"campaign": campaign, "count": snapshot.action_count})
    else:
        messages.info(
            request, _("“%(campaign)s” was already frozen; its snapshot is unchanged.") % {"campaign": campaign}
        )
    return redirect("campaigns_workspace:detail", slug=campaign.slug)


@role_required(Roles.REVIEWER)
def snapshot_entries(request, slug):
    """The actions a frozen campaign hands over, as they were frozen (public id, title, government, revision)."""
    campaign = get_object_or_404(Campaign, slug=slug)
    snapshot = _snapshot(campaign)
    if snapshot is None:
        raise Http404
    entries = snapshot.entries.only("public_id", "position", "revision", "data")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    rows = []
    for entry in page:
        content = entry.data["content"]
        language = content.get("original_language") or "en"
        rows.append({
            "public_id": entry.public_id, "position": entry.position, "revision": entry.revision,
            "title": content.get(f"title_{language}") or "", "language": language,
            "government": entry.data["government"]["name"], "kind": content.get("kind"), "stage": content.get("stage"),
            "recipients": [recipient.name for recipient in RECIPIENTS.values() if recipient.selects(entry.data)],
        })
    return render(request, "campaigns/workspace/snapshot.html", {
        "campaign": campaign, "snapshot": snapshot, "page": page, "rows": rows,
    })


@role_required(Roles.REVIEWER)
@require_POST
def package_request(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    form = HandoverRequestForm(request.POST)
    if form.is_valid():
        try:
            services.request_handover(
                campaign, form.cleaned_data["recipient"], request.user, language=form.cleaned_data["language"],
                is_public=form.cleaned_data["is_public"],
            )
        except services.CampaignError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The package is queued; this page shows its progress."))
            return redirect("campaigns_workspace:detail", slug=campaign.slug)
    return _render_detail(request, campaign, form=form, status=400)


def _handover_file(pk):
    return get_object_or_404(GeneratedFile.objects.select_related("campaign"), pk=pk, kind=GeneratedFile.Kind.HANDOVER)


def serve(generated, private=True):
    """A ready generated file of a campaign as a download (a handover package under its own name); 404 while it
    is not ready."""
    if generated.kind != GeneratedFile.Kind.HANDOVER:
        return file_response(generated, private=private)
    recipient = generated.parameters.get("recipient", "")
    filename = package_name(generated.campaign, recipient, generated.language or "en") + ".zip"
    return file_response(generated, filename=filename, content_type="application/zip", private=private)


@role_required(Roles.REVIEWER)
def file_download(request, pk):
    return serve(_handover_file(pk))


@role_required(Roles.REVIEWER)
@require_POST
def file_publish(request, pk):
    generated = _handover_file(pk)
    services.set_public(generated, request.POST.get("public") == "1", request.user)
    if generated.is_public:
        messages.success(request, _("The package is linked from the public campaign page once it is ready."))
    else:
        messages.success(request, _("The package is no longer linked from the public campaign page."))
    return redirect("campaigns_workspace:detail", slug=generated.campaign.slug)


@role_required(Roles.REVIEWER)
def action_announced_at(request, public_id):
    """The forums an action was announced at. Tags go on the public action (a proposed change shares them)."""
    action = get_object_or_404(Action.objects.select_related("government", "revision_of"), public_id=public_id)
    action = action.revision_of or action
    if action.status == Action.Status.DRAFT:
        raise Http404  # drafts stay their owners'
    current = list(action.announced_at.all())
    form = AnnouncedAtForm(request.POST if request.method == "POST" else None, initial={"campaigns": current})
    if request.method == "POST" and form.is_valid():
        added, removed = services.set_announced_at(action, form.cleaned_data["campaigns"], request.user)
        if added or removed:
            messages.success(request, _("The “announced at” tags are saved."))
        else:
            messages.info(request, _("The tags were already like this; nothing changed."))
        return redirect("campaigns_workspace:announced_at", public_id=action.public_id)
    return render(
        request, "campaigns/workspace/announced_at.html", {"action": action, "form": form, "current": current}
    )
