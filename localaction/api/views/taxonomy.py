"""The reference lists, keyed as the catalog's parameters are: objective and goal numbers, principle, area and term
keys, M49 region codes, ISO country codes."""
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema

from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term, Vocabulary

from ..schema import read_responses
from ..serializers import (
    CountrySerializer, GCMObjectiveSerializer, GCRAreaSerializer, GCRObjectiveSerializer, GuidingPrincipleSerializer,
    RegionSerializer, SDGSerializer, VocabularySerializer,
)
from .base import ReadListView, ordered_pagination


def taxonomy_list(name, model, serializer, key, doc, queryset=None):
    """A list view of one reference list, ordered by its key; `doc` (translated) describes it."""

    @extend_schema(description=doc, responses=read_responses(serializer))
    def get(self, request, *args, **kwargs):
        return ReadListView.get(self, request, *args, **kwargs)

    return type(name, (ReadListView,), {
        "__doc__": f"The reference list of {model._meta.verbose_name_plural}.", "__module__": __name__, "tag": "taxonomies", "serializer_class": serializer,
        "queryset": queryset if queryset is not None else model.objects.all(), "pagination_class": ordered_pagination(key),
        "get": get,
    })


GCMObjectiveList = taxonomy_list(
    "GCMObjectiveList", GCMObjective, GCMObjectiveSerializer, "number",
    _("The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration (catalog parameter gcm)."),
)
GuidingPrincipleList = taxonomy_list(
    "GuidingPrincipleList", GuidingPrinciple, GuidingPrincipleSerializer, "key",
    _("The guiding principles of the Global Compact for Migration (catalog parameter principle)."),
)
GCRObjectiveList = taxonomy_list(
    "GCRObjectiveList", GCRObjective, GCRObjectiveSerializer, "number",
    _("The four objectives of the Global Compact on Refugees (catalog parameter gcr)."),
)
GCRAreaList = taxonomy_list(
    "GCRAreaList", GCRArea, GCRAreaSerializer, "key",
    _("The areas of focus of the Global Refugee Forum (catalog parameter gcr_area)."),
)
SDGList = taxonomy_list(
    "SDGList", SDG, SDGSerializer, "number", _("The 17 Sustainable Development Goals (catalog parameter sdg)."),
)
RegionList = taxonomy_list(
    "RegionList", Region, RegionSerializer, "code",
    _("UN M49 regions and sub-regions (the catalog parameter region takes either)."),
)
CountryList = taxonomy_list(
    "CountryList", Country, CountrySerializer, "code", _("ISO 3166-1 countries (catalog parameter country)."),
)
VocabularyList = taxonomy_list(
    "VocabularyList", Vocabulary, VocabularySerializer, "key",
    _("Vocabularies and their terms: themes (catalog parameter theme), target groups (target_group), and any other "
      "(term=vocabulary:key)."),
    queryset=Vocabulary.objects.prefetch_related(Prefetch("terms", queryset=Term.objects.order_by("position", "key"))),
)
