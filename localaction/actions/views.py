"""Public catalog pages of actions."""
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from localaction.core.page_cache import anonymous_page_cache
from localaction.core.ratelimit import search_limit
from localaction.progress.timeline import timeline_prefetch
from localaction.search import catalog
from localaction.search.cache import PARTIAL_HEADER, anonymous_catalog_cache

from .models import Action, ActionRevision, CoPledger, Document


def paginate(request, queryset):
    """One page of `queryset` from ?page=, clamped to the valid range."""
    return Paginator(queryset, settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))


@search_limit
@anonymous_catalog_cache
def action_list(request):
    """The catalog: search, facets with counts, sorting; with JavaScript, the form asks for the region only."""
    result = catalog.run(request.GET, state=getattr(request, "catalog_state", None))
    partial = request.headers.get(PARTIAL_HEADER) == "1"
    template = "actions/_catalog_region.html" if partial else "actions/action_list.html"
    return render(request, template, {"catalog": result, "filter": result.filter, "page": result.page})


def get_published_action(public_id):
    """The published action with this public id, with everything its page shows, or 404."""
    queryset = Action.objects.published().select_related(
        "government__country__region", "campaign", "matches__government", "inspired_by__government"
    ).prefetch_related(
        "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs", "terms__vocabulary",
        "partners", "indicators", "links", "announced_at",
        Prefetch("documents", queryset=Document.objects.filter(is_public=True)),
        Prefetch(
            "co_pledger_links",
            queryset=CoPledger.objects.filter(confirmed_at__isnull=False, government__verified=True).select_related("government"),
        ),
        Prefetch("matched_by", queryset=Action.objects.published().select_related("government")),
        Prefetch("revisions", queryset=ActionRevision.objects.only("action_id", "number", "approved_at").order_by("-number")),
        timeline_prefetch(),
    )
    return get_object_or_404(queryset, public_id=public_id)


@anonymous_page_cache
def action_detail(request, public_id, slug=None):
    action = get_published_action(public_id)
    if slug != action.slug:
        # Old or missing slugs still reach the action: the public id is the stable identifier.
        return redirect(action, permanent=True)
    matches = action.matches if action.matches and action.matches.is_published else None
    return render(request, "actions/action_detail.html", {"action": action, "matched_pledge": matches})



def document_download(request, public_id, pk):
    """A public document of a published action; anything else is a 404 (uploads are never served directly)."""
    document = get_object_or_404(
        Document, pk=pk, is_public=True, action__public_id=public_id, action__status=Action.Status.PUBLISHED
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])
