"""The home and about pages."""
from django.http import QueryDict
from django.shortcuts import render

from localaction.actions.models import Action
from localaction.core.page_cache import anonymous_page_cache
from localaction.insights import stats
from localaction.progress.models import ProgressUpdate


@anonymous_page_cache
def home(request):
    """Counters, the map, three charts, the latest actions and progress updates; cached under the catalog
    version where it costs (insights/stats.py), so the page stays cheap on a large catalog."""
    scope = stats.Scope(QueryDict())
    counts, more = stats.home_counts(scope)
    latest = Action.objects.published().for_listing().order_by("-published_at", "-id")[:6]
    updates = (
        ProgressUpdate.objects.filter(status=ProgressUpdate.Status.PUBLISHED, action__status=Action.Status.PUBLISHED)
        .select_related("action__government__country").order_by("-published_at", "-id")[:4]
    )
    return render(request, "core/home.html", {
        "counts": counts, "more": more, "latest": latest, "updates": updates,
        "charts": stats.charts(scope, stats.HOME_CHARTS),
    })


def about(request):
    return render(request, "core/about.html")
