"""The one filter definition of the library: the list page, its facet counts and its CSV download all read
`ResourceFilter`, so a shared URL and a download of the same parameters give the same resources.

Search folds case and accents (`integracion` finds `integración`) and matches words by their beginning, over the
titles and summaries in every language and the publisher. It reads a folded copy of that text kept on each row
(`Resource.search_text`): a plain `LIKE`, the same on SQLite and PostgreSQL, which is enough for a library of a
few hundred items.
"""

import django_filters
from django.db.models import Count, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import current_language
from localaction.search.catalog import Facet, Option  # the catalog's facet shapes, shared by the templates
from localaction.search.text import words
from localaction.taxonomy.models import SDG, GCMObjective, GCRObjective

from .models import Resource

MAX_QUERY_WORDS = 8


def _years():
    years = Resource.objects.published().order_by("-year").values_list("year", flat=True).distinct()
    return [(str(year), str(year)) for year in years]


class ResourceFilter(django_filters.FilterSet):
    """Query parameters use stable public keys (objective numbers, type and language codes), never database ids."""

    SORTS = [("newest", _("Newest first")), ("title", _("Title"))]

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_q", max_length=200,
        help_text=_("Words in any language, in titles, summaries and publishers."),
    )
    type = django_filters.ChoiceFilter(label=_("Type"), choices=Resource.Type.choices, empty_label=_("All types"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Resource.Language.choices, empty_label=_("All languages")
    )
    year = django_filters.ChoiceFilter(label=_("Year"), choices=_years, empty_label=_("All years"))
    gcm = django_filters.ModelChoiceFilter(
        label=_("GCM objective"), field_name="gcm_objectives", queryset=GCMObjective.objects.all(),
        to_field_name="number", empty_label=_("All GCM objectives"),
    )
    gcr = django_filters.ModelChoiceFilter(
        label=_("GCR objective"), field_name="gcr_objectives", queryset=GCRObjective.objects.all(),
        to_field_name="number", empty_label=_("All GCR objectives"),
    )
    sdg = django_filters.ModelChoiceFilter(
        label=_("SDG"), field_name="sdgs", queryset=SDG.objects.all(), to_field_name="number", empty_label=_("All SDGs")
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORTS, method="sort_by", empty_label=None)

    class Meta:
        model = Resource
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset if queryset is not None else Resource.objects.published(), **kwargs)

    def filter_q(self, queryset, name, value):
        for word in words(value)[:MAX_QUERY_WORDS]:
            queryset = queryset.filter(search_text__contains=" " + word)
        return queryset

    def sort_by(self, queryset, name, value):
        if value == "title":
            language = current_language()
            titles = [NullIf(f"title_{code}", Value("")) for code in (language, "en", "fr", "es")]
            return queryset.order_by(Lower(Coalesce(*titles)), "-id")
        return queryset.order_by("-year", "-created_at", "-id")


# The filters shown as facets, with the column their counts group by.
FACETS = {
    "type": "type", "language": "language", "year": "year",
    "gcm": "gcm_objectives", "gcr": "gcr_objectives", "sdg": "sdgs",
}


def _options(filterset, name, counts):
    field = filterset.form.fields[name]
    current = filterset.data.get(name, "")
    options = []
    for value, label in field.choices:
        if value == "":
            continue
        value = str(getattr(value, "value", value))  # ModelChoiceIteratorValue → the number
        options.append(Option(value, str(label), counts.get(value, 0), value == current))
    return options


def facets(filterset):
    """Each facet's options with the number of resources each would give, the other filters staying as they are
    (one grouped query per facet)."""
    result = []
    for name, column in FACETS.items():
        others = filterset.data.copy()
        others.pop(name, None)
        queryset = ResourceFilter(others).qs.order_by()
        rows = queryset.values(column).annotate(n=Count("id", distinct=True)).values_list(column, "n")
        counts = {str(value): n for value, n in rows if value is not None}
        field = filterset.form.fields[name]
        result.append(Facet(
            name, str(field.label), str(field.empty_label or ""), _options(filterset, name, counts),
            errors=filterset.form.errors.get(name, []),
        ))
    return result
