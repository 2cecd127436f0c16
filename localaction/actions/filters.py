"""The one filter definition of published actions: the catalog page uses it now; the API, exports and feeds
will use the same class so a shared URL, an API call and a download return the same items.

The catalog page validates its parameters with this class and answers them from the search index
(localaction.search.catalog), which counts facets in memory; `ActionFilter(...).qs` answers the same parameters in
SQL for lists that need a queryset. Tests check that both give the same actions.
"""
import django_filters
from django.conf import settings
from django.db.models import Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from localaction.campaigns.models import Campaign
from localaction.core.translation import current_language
from localaction.progress import schedule
from localaction.search import text
from localaction.search.backends import backend
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term, Vocabulary

from .models import Action


def _terms(vocabulary_key):
    def queryset(request):
        return Term.objects.filter(vocabulary_id=vocabulary_key, is_active=True)

    return queryset


class ActionFilter(django_filters.FilterSet):
    """Query parameters use stable public keys (objective numbers, ISO codes, term keys), never database ids."""

    SORTS = [
        ("relevance", _("Relevance")), ("newest", _("Newest first")), ("title", _("Title")), ("government", _("Government")),
    ]

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_q", max_length=200,
        help_text=_('Words in any language; "quotes" for a phrase, word* for words that start with it.'),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Action.Kind.choices, empty_label=_("All kinds"), method="filter_kind"
    )
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
    # The "Reporting" facet; its label reuses a translated string (a new one needs the translators first).
    reporting = django_filters.ChoiceFilter(
        label=_("Progress updates"), choices=list(schedule.STATUS_LABELS.items()), method="filter_reporting",
        empty_label=_("All"),
    )
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), queryset=Campaign.objects.all(), to_field_name="slug", empty_label=_("All campaigns")
    )
    language = django_filters.ChoiceFilter(
        label=_("Original language"), field_name="original_language", choices=settings.CONTENT_LANGUAGES, empty_label=_("All languages")
    )
    reviewed = django_filters.ChoiceFilter(
        label=_("Review"), choices=[("yes", _("Reviewed")), ("no", _("Not reviewed yet"))], method="filter_reviewed",
        empty_label=_("Reviewed or not"),
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORTS, method="sort_by", empty_label=None)

    class Meta:
        model = Action
        fields = []

    def filter_term(self, queryset, name, value):
        # Vocabularies added later (e.g. the Mayors Mechanism's priorities) are filterable without code changes.
        vocabulary, _sep, key = value.partition(":")
        return queryset.filter(terms__vocabulary_id=vocabulary, terms__key=key).distinct()

    def filter_q(self, queryset, name, value):
        # The same text index as the catalog page: the positions that match every term of the query.
        query = text.parse(value)
        if not query:
            return queryset
        sql, params = backend().positions_sql(query.terms)
        return queryset.filter(search_document__is_public=True, search_document__position__in=RawSQL(sql, params))

    def filter_kind(self, queryset, name, value):
        # A fulfilled pledge its government shows as a practice is listed with the practices (it keeps its stage).
        if value == Action.Kind.PRACTICE:
            return queryset.filter(Q(kind=value) | Q(kind=Action.Kind.PLEDGE, show_as_practice=True))
        if value == Action.Kind.PLEDGE:
            return queryset.filter(kind=value, show_as_practice=False)
        return queryset.filter(kind=value)

    def filter_reporting(self, queryset, name, value):
        # Today's status: the catalog's in-memory facets (search.facets) compute the same rules per day.
        return schedule.filter_due_status(queryset, value, timezone.localdate())

    def filter_reviewed(self, queryset, name, value):
        return queryset.filter(reviewed_at__isnull=(value != "yes"))

    def sort_by(self, queryset, name, value):
        # In SQL, "relevance" is publication order; the catalog page ranks by the search index.
        if value == "title":
            language = current_language()
            titles = [NullIf(f"title_{code}", Value("")) for code in (language, "en", "fr", "es")]
            return queryset.order_by(Lower(Coalesce(*titles)), "-published_at", "-id")
        if value == "government":
            return queryset.order_by("government__name", "-published_at", "-id")
        return queryset.order_by("-published_at", "-id")

    def filter_region(self, queryset, name, value):
        # A region code may name a region (Africa) or a sub-region (Eastern Africa).
        return queryset.filter(Q(government__country__region=value) | Q(government__country__subregion=value))
