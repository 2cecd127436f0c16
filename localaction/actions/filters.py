"""The one filter definition of published actions: the catalog page uses it now; the API, exports and feeds
will use the same class so a shared URL, an API call and a download return the same items."""
import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from localaction.campaigns.models import Campaign
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term, Vocabulary

from .models import Action


def _terms(vocabulary_key):
    def queryset(request):
        return Term.objects.filter(vocabulary_id=vocabulary_key, is_active=True)

    return queryset


class ActionFilter(django_filters.FilterSet):
    """Query parameters use stable public keys (objective numbers, ISO codes, term keys), never database ids."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Action.Kind.choices, empty_label=_("All kinds"))
    gcm = django_filters.ModelChoiceFilter(
        label=_("GCM objective"), field_name="gcm_objectives", queryset=GCMObjective.objects.all(), to_field_name="number",
        empty_label=_("All GCM objectives"),
    )
    principle = django_filters.ModelChoiceFilter(
        label=_("GCM guiding principle"), field_name="guiding_principles", queryset=GuidingPrinciple.objects.all(),
        to_field_name="key", empty_label=_("All guiding principles"),
    )
    gcr = django_filters.ModelChoiceFilter(
        label=_("GCR objective"), field_name="gcr_objectives", queryset=GCRObjective.objects.all(), to_field_name="number",
        empty_label=_("All GCR objectives"),
    )
    gcr_area = django_filters.ModelChoiceFilter(
        label=_("GCR area of focus"), field_name="gcr_areas", queryset=GCRArea.objects.all(), to_field_name="key",
        empty_label=_("All GCR areas"),
    )
    sdg = django_filters.ModelChoiceFilter(
        label=_("SDG"), field_name="sdgs", queryset=SDG.objects.all(), to_field_name="number", empty_label=_("All SDGs")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), to_field_name="code", method="filter_region",
        empty_label=_("All regions"),
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), field_name="government__country", queryset=Country.objects.filter(governments__isnull=False).distinct(),
        to_field_name="code", empty_label=_("All countries"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="terms", queryset=_terms(Vocabulary.THEMES), to_field_name="key", empty_label=_("All themes")
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"), field_name="terms", queryset=_terms(Vocabulary.TARGET_GROUPS), to_field_name="key",
        empty_label=_("All target groups"),
    )
    term = django_filters.CharFilter(
        label=_("Other term (vocabulary:key)"), method="filter_term",
        help_text=_("Any vocabulary added by reviewers, e.g. priorities:housing."),
    )
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Action.Stage.choices, empty_label=_("All stages"))
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), queryset=Campaign.objects.all(), to_field_name="slug", empty_label=_("All campaigns")
    )
    language = django_filters.ChoiceFilter(
        label=_("Original language"), field_name="original_language", choices=settings.LANGUAGES, empty_label=_("All languages")
    )

    class Meta:
        model = Action
        fields = []

    def filter_term(self, queryset, name, value):
        # Vocabularies added later (e.g. the Mayors Mechanism's priorities) are filterable without code changes.
        vocabulary, _sep, key = value.partition(":")
        return queryset.filter(terms__vocabulary_id=vocabulary, terms__key=key).distinct()

    def filter_region(self, queryset, name, value):
        # A region code may name a region (Africa) or a sub-region (Eastern Africa).
        return queryset.filter(Q(government__country__region=value) | Q(government__country__subregion=value))
