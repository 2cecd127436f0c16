"""Aggregate figures of the actions matching the catalog's parameters: counts per filter value from the search
index (no query), and the pledges' figures from localaction.figures.services.

The pledge figures read every matching pledge's latest report (seconds at 100,000 actions), so an answer is kept
in the cache under everything it depends on — the catalog version (a published progress update re-saves its
pledge, which moves it), the day, the exchange rates, the language and the parameters — which is also its ETag:
a client revalidating an unchanged answer gets a 304 without any figure being computed."""
import hashlib

from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.figures.models import ExchangeRate
from localaction.figures.services import pledge_figures
from localaction.search import catalog, facets

from .. import caching
from ..schema import catalog_parameters, read_responses
from ..serializers import StatisticsSerializer
from .base import ReadMixin

CACHE_SECONDS = 600


def rates_fingerprint():
    """Changes whenever an exchange rate is added, removed or changed (one small aggregate query)."""
    return str(ExchangeRate.objects.aggregate(n=Count("pk"), total=Sum("usd_per_unit"), last=Max("date")))


def statistics(params, state):
    """The figures of the published actions matching `params` (validated)."""
    result = catalog.matching_positions(params)
    index = facets.current(state)
    counts = {}
    for name in catalog.COUNTED_FACETS:
        values = {key: result.intersection_cardinality(bitmap) for key, bitmap in index.values[name].items()}
        counts[name] = {key: count for key, count in sorted(values.items()) if count}
    # The same parameters in SQL (ActionFilter answers them as the index does) for the figures' subqueries.
    figures = pledge_figures(ActionFilter(params, queryset=Action.objects.published()).qs)
    return {"actions": len(result), "counts": counts, "pledge_figures": figures.as_dict()}


class Statistics(ReadMixin, GenericAPIView):
    """Counts and pledge figures of the published actions matching the catalog's parameters (all of them when
    there is none)."""

    tag = "statistics"
    serializer_class = StatisticsSerializer
    pagination_class = None

    def schema_parameters(self):
        return [parameter for parameter in catalog_parameters() if parameter.name != "sort"]

    @extend_schema(
        summary=_("Figures of the actions matching the catalog's parameters"),
        description=_("The number of matching actions, how many have each value of each catalog filter (GCM "
                      "objective, GCR area, region, stage…), and the figures of the matching pledges."),
        responses=read_responses(StatisticsSerializer, not_found=False),
    )
    def get(self, request, *args, **kwargs):
        state, catalog_etag, last_modified = caching.catalog_validators(request, self.language)
        etag = f'W/"{hashlib.sha1(f"{catalog_etag}|{rates_fingerprint()}".encode(), usedforsecurity=False).hexdigest()[:32]}"'
        cached = caching.not_modified(request, etag)
        if cached is not None:
            return caching.add_validators(cached, etag)
        form = ActionFilter(request.query_params, queryset=Action.objects.none()).form
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        key = f"localaction:api-statistics:{etag}"
        data = cache.get(key)
        if data is None:
            data = self.get_serializer(statistics(request.query_params, state)).data
            cache.set(key, data, CACHE_SECONDS)
        return caching.add_validators(Response(data), etag)
