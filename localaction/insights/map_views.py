"""The map page: the catalog's filters, the world map of the matching published actions and its tables."""
from django.shortcuts import render

from localaction.search import catalog
from localaction.search.cache import anonymous_catalog_cache

from .map import as_query


@anonymous_catalog_cache
def map_page(request):
    """The filter form answers like the catalog's (same facets, counts and errors); the map follows it."""
    # One result per page: the page needs the facets and the count, not a page of cards.
    result = catalog.run(request.GET, page_number=1, per_page=1, state=getattr(request, "catalog_state", None))
    return render(request, "insights/map.html", {
        "catalog": result, "filter": result.filter, "params": as_query(request.GET),
    })
