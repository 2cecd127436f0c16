"""The insights page (every chart of the catalog's current filters), the coverage gaps and the charts' CSV."""
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from localaction.core.page_cache import anonymous_page_cache
from localaction.search import catalog

from . import stats
from .gaps import GapsForm, coverage_gaps


def _address(name, args, params):
    query = params.urlencode()
    return reverse(name, args=args) + (f"?{query}" if query else "")


def _few(request):
    """The reader's threshold of "few" (None: the relative default), and the form that read it."""
    form = GapsForm(request.GET)
    return (form.cleaned_data.get("few") if form.is_valid() else None), form


def _page_context(request, scope):
    """What both pages show around their content: the catalog's search bar and filters with their counts (the
    catalog page's own facets), and the scope."""
    filters = catalog.run(request.GET, per_page=1, state=scope.state)
    return {"catalog": filters, "filter": filters.filter, "scope": scope}


@anonymous_page_cache
def insights(request):
    """Every chart of the filtered actions, then the coverage gaps of the place chosen."""
    scope = stats.Scope(request.GET)
    found = stats.charts(scope)
    charts = [(chart, _address("insights:chart_csv", [chart.key], scope.params)) for chart in found.values()]
    return render(request, "insights/insights.html", {
        **_page_context(request, scope), "charts": charts, "gaps": coverage_gaps(scope, found=found),
        "gaps_csv": _address("insights:chart_csv", ["gaps"], scope.params),
    })


def gaps(request):
    """The GCM objectives and GCR areas with no or few actions among the filtered ones, with the threshold."""
    scope = stats.Scope(request.GET)
    few, form = _few(request)
    params = scope.params.copy()
    if few:
        params["few"] = str(few)
    return render(request, "insights/gaps.html", {
        **_page_context(request, scope), "gaps": coverage_gaps(scope, few=few), "form": form,
        "gaps_csv": _address("insights:chart_csv", ["gaps"], params),
    })


def chart_csv(request, key):
    """One chart's data table as CSV (the same rows as the page's table), for the same parameters."""
    scope = stats.Scope(request.GET)
    if key == "gaps":
        table = coverage_gaps(scope, few=_few(request)[0]).chart()
    elif key in stats.BUILDERS:
        table = stats.chart(scope, key)
    else:
        raise Http404
    response = HttpResponse(table.csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="insights-{key}.csv"'
    return response
