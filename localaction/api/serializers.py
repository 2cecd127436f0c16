"""What the read endpoints return. Public data only: published actions and updates, verified governments and
endorsements, reference data. Nothing about members (no user, e-mail, phone, author or reviewer note) is read.

Translated content comes as a string in the requested language (the original language when there is no
translation, named in `fallbacks`), or as {"en", "fr", "es"} with ?lang=all. Identifiers are the public ones:
an action's public id, a government's or campaign's slug, an objective's number, an area's or term's key.
"""
from operator import attrgetter

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from localaction.actions.models import Action, Partner
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES
from localaction.governments.models import Government
from localaction.progress.timeline import published_progress

from .languages import ALL

TRANSLATED_SCHEMA = {
    "oneOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {code: {"type": "string"} for code in LANGUAGE_CODES},
            "required": list(LANGUAGE_CODES),
            "additionalProperties": False,
        },
    ],
}
FALLBACKS_SCHEMA = {
    "type": "object",
    "additionalProperties": {"type": "string", "enum": list(LANGUAGE_CODES)},
}


def absolute(request, name, *args):
    return request.build_absolute_uri(reverse(name, args=args))


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """A content field (<name>_en/_fr/_es columns) in the requested language, or all three with ?lang=all."""

    def __init__(self, field=None, **kwargs):
        self.content_field = field
        kwargs.setdefault(
            "help_text",
            _("Text in the requested language, else in the original language (see fallbacks); with lang=all, an "
              "object with the text in each language (empty when not translated)."),
        )
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.content_field = self.content_field or field_name

    def to_representation(self, obj):
        language = self.context["language"]
        if language == ALL:
            return {code: getattr(obj, f"{self.content_field}_{code}") or "" for code in LANGUAGE_CODES}
        return obj.translated(self.content_field, language).text


@extend_schema_field(FALLBACKS_SCHEMA)
class FallbacksField(serializers.Field):
    """{field: language} for the translated fields given in another language than the one requested."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Translated fields that are not available in the requested language, with the language they are "
              "given in (the original language). Empty with lang=all."),
        )
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        language = self.context["language"]
        if language == ALL:
            return {}
        found = {}
        for name, field in self.parent.fields.items():
            if isinstance(field, TranslatedField):
                translated = obj.translated(field.content_field, language)
                if translated.is_fallback:
                    found[name] = translated.language
        return found


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """An absolute URL of a named route whose arguments are (dotted) attributes of the object."""

    def __init__(self, route, *attributes, **kwargs):
        self.route, self.getters = route, [attrgetter(name) for name in attributes]
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return absolute(self.context["request"], self.route, *(get(obj) for get in self.getters))


# ---------------------------------------------------------------------------------------------- taxonomies

class GCMObjectiveSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    short_label = TranslatedField()
    title = TranslatedField()
    fallbacks = FallbacksField()
    web_url = LinkField("taxonomy:gcm_objective", "number")


class GuidingPrincipleSerializer(serializers.Serializer):
    key = serializers.CharField()
    paragraph = serializers.CharField(help_text=_("Paragraph of the Global Compact for Migration (A/RES/73/195)."))
    name = TranslatedField()
    fallbacks = FallbacksField()


class GCRObjectiveSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    key = serializers.CharField()
    text = TranslatedField()
    fallbacks = FallbacksField()
    web_url = LinkField("taxonomy:gcr_objective", "number")


class GCRAreaSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = TranslatedField()
    fallbacks = FallbacksField()
    web_url = LinkField("taxonomy:gcr_area", "key")


class SDGSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    short_title = TranslatedField()
    title = TranslatedField()
    fallbacks = FallbacksField()
    web_url = LinkField("taxonomy:sdg", "number")


class RegionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("UN M49 code."))
    name = TranslatedField()
    fallbacks = FallbacksField()
    parent = serializers.CharField(source="parent_id", allow_null=True, help_text=_("M49 code of the region of a sub-region."))


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))
    iso3 = serializers.CharField()
    numeric = serializers.CharField()
    name = TranslatedField()
    fallbacks = FallbacksField()
    region = serializers.CharField(source="region_id", allow_null=True)
    subregion = serializers.CharField(source="subregion_id", allow_null=True)


class TermSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = TranslatedField()
    fallbacks = FallbacksField()
    is_active = serializers.BooleanField(help_text=_("Offered on forms and as a filter of the catalog."))


class VocabularySerializer(serializers.Serializer):
    key = serializers.CharField()
    name = TranslatedField()
    fallbacks = FallbacksField()
    source = serializers.CharField()
    terms = TermSerializer(many=True)


# ---------------------------------------------------------------------------------------------- figures

class PeopleReachedTotalSerializer(serializers.Serializer):
    target_group = serializers.CharField(help_text=_("Key of the target group term."))
    count = serializers.IntegerField()


class UnconvertedSerializer(serializers.Serializer):
    committed = serializers.DecimalField(max_digits=20, decimal_places=2)
    spent = serializers.DecimalField(max_digits=20, decimal_places=2)
    reason = serializers.CharField()


class RateUsedSerializer(serializers.Serializer):
    currency = serializers.CharField()
    date = serializers.DateField()
    usd_per_unit = serializers.DecimalField(max_digits=20, decimal_places=8)
    source = serializers.CharField()


class PledgeFiguresSerializer(serializers.Serializer):
    """figures.services.Figures.as_dict(): the definitions are those of localaction.figures.services."""

    pledges = serializers.IntegerField(help_text=_("Published pledges counted."))
    by_stage = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("Pledges by the stage of their latest published progress update (not_reported: none yet)."),
    )
    fulfilment_rate = serializers.DecimalField(
        max_digits=5, decimal_places=4, allow_null=True, help_text=_("Fulfilled pledges ÷ all pledges counted."),
    )
    people_reached = PeopleReachedTotalSerializer(many=True)
    people_reached_total = serializers.IntegerField()
    money_committed_usd = serializers.DecimalField(max_digits=20, decimal_places=2)
    money_spent_usd = serializers.DecimalField(max_digits=20, decimal_places=2)
    pledges_reporting_money = serializers.IntegerField()
    unconverted = serializers.DictField(
        child=UnconvertedSerializer(), help_text=_("Amounts in currencies without a stored exchange rate, by currency."),
    )
    rates_used = RateUsedSerializer(many=True)


# ---------------------------------------------------------------------------------------------- governments

class GovernmentRefSerializer(serializers.Serializer):
    """A government as actions and endorsements refer to it."""

    id = serializers.CharField(source="slug", help_text=_("The government's slug, its stable identifier."))
    name = serializers.CharField()
    country = serializers.CharField(source="country_id")
    url = LinkField("api:government-detail", "slug")


class GovernmentSerializer(serializers.Serializer):
    id = serializers.CharField(source="slug", help_text=_("The government's slug, its stable identifier."))
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Government.Kind.choices)
    country = serializers.CharField(source="country_id")
    region = serializers.CharField(source="country.region_id", allow_null=True)
    subregion = serializers.CharField(source="country.subregion_id", allow_null=True)
    population = serializers.IntegerField(allow_null=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    website = serializers.CharField()
    published_actions = serializers.SerializerMethodField(help_text=_("Number of published actions it leads."))
    declaration_signed_on = serializers.DateField(
        source="signed_on", allow_null=True,
        help_text=_("Date it signed the Marrakech Mayors Declaration (verified endorsements only)."),
    )
    url = LinkField("api:government-detail", "slug")
    web_url = LinkField("governments:detail", "slug")

    def get_published_actions(self, government) -> int:
        positions = self.context["index"].governments.get(government.pk)
        return len(positions) if positions is not None else 0


class GovernmentDetailSerializer(GovernmentSerializer):
    pledge_figures = PledgeFiguresSerializer(
        source="figures", help_text=_("Figures of the pledges it leads (co-pledged ones are counted for their lead).")
    )


class EndorsementSerializer(serializers.Serializer):
    government = GovernmentRefSerializer()
    region = serializers.CharField(source="government.country.region_id", allow_null=True)
    signatory_title = serializers.CharField(help_text=_("The office of the person who signed, e.g. Mayor."))
    signed_on = serializers.DateField()


# ---------------------------------------------------------------------------------------------- campaigns

class CampaignSerializer(serializers.Serializer):
    id = serializers.CharField(source="slug", help_text=_("The campaign's slug, its stable identifier."))
    name = TranslatedField()
    description = TranslatedField()
    fallbacks = FallbacksField()
    forum = serializers.ChoiceField(choices=Campaign.Forum.choices)
    forum_date = serializers.DateField()
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    reporting_interval_months = serializers.IntegerField()
    url = LinkField("api:campaign-detail", "slug")
    web_url = LinkField("figures:campaign", "slug")
    actions_url = serializers.SerializerMethodField()

    def get_actions_url(self, campaign) -> str:
        return absolute(self.context["request"], "api:action-list") + f"?campaign={campaign.slug}"


class CampaignDetailSerializer(CampaignSerializer):
    pledge_figures = PledgeFiguresSerializer(source="figures", help_text=_("Figures of the campaign's pledges."))


# ---------------------------------------------------------------------------------------------- progress

class IndicatorValueSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.name")
    unit = serializers.CharField(source="indicator.unit")
    value = serializers.DecimalField(max_digits=16, decimal_places=2)


class PeopleReachedSerializer(serializers.Serializer):
    target_group = serializers.CharField(source="target_group.key")
    count = serializers.IntegerField()


class EvidenceSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, evidence) -> str:
        if evidence.url:
            return evidence.url
        return absolute(self.context["request"], "progress:evidence", evidence.pk)


class ProgressUpdateSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The update's number, stable."))
    action = serializers.CharField(source="action.public_id", help_text=_("Public id of the pledge."))
    action_url = LinkField("api:action-detail", "action.public_id")
    stage = serializers.ChoiceField(choices=Action.Stage.choices)
    reported_on = serializers.DateField(help_text=_("The date of the situation it describes."))
    published_at = serializers.DateTimeField(allow_null=True)
    original_language = serializers.ChoiceField(choices=settings.CONTENT_LANGUAGES)
    narrative = TranslatedField()
    fallbacks = FallbacksField()
    discontinued_reason = serializers.CharField()
    money_committed = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    money_spent = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    indicator_values = IndicatorValueSerializer(many=True)
    people_reached = PeopleReachedSerializer(many=True)
    evidence = EvidenceSerializer(many=True)


# ---------------------------------------------------------------------------------------------- actions

class ListedAsField(serializers.ChoiceField):
    """The kind an action is listed as in the catalog (its kind filter)."""

    def __init__(self, **kwargs):
        super().__init__(choices=Action.Kind.choices, source="*", read_only=True, **kwargs)

    def to_representation(self, action):
        return Action.Kind.PRACTICE if action.show_as_practice else action.kind


class StageField(serializers.ChoiceField):
    """A pledge's stage; null for a practice (stored blank)."""

    def __init__(self, **kwargs):
        super().__init__(choices=Action.Stage.choices, source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, action):
        return action.stage or None


class ActionSummarySerializer(serializers.Serializer):
    """An action as lists show it (the `mapping` attributes are filled by views.actions.load_actions)."""

    id = serializers.CharField(source="public_id", help_text=_("The action's public id, its stable identifier."))
    url = LinkField("api:action-detail", "public_id")
    web_url = LinkField("actions:detail", "public_id", "slug")
    kind = serializers.ChoiceField(choices=Action.Kind.choices)
    listed_as = ListedAsField(
        help_text=_("The kind the catalog lists it as: a fulfilled pledge its government shows as a practice is "
                    "listed with the practices (kind=practice finds it).")
    )
    stage = StageField(help_text=_("Pledges only: planning, in progress, fulfilled, discontinued (null otherwise)."))
    original_language = serializers.ChoiceField(choices=settings.CONTENT_LANGUAGES)
    title = TranslatedField()
    summary = TranslatedField()
    fallbacks = FallbacksField()
    government = GovernmentRefSerializer()
    campaign = serializers.CharField(source="campaign.slug", allow_null=True)
    announced_at = serializers.ListField(
        child=serializers.CharField(), source="mapping.announced_at",
        help_text=_("Slugs of the campaigns (forums) at which the action was announced."),
    )
    gcm_objectives = serializers.ListField(child=serializers.IntegerField(), source="mapping.gcm")
    guiding_principles = serializers.ListField(child=serializers.CharField(), source="mapping.principle")
    gcr_objectives = serializers.ListField(child=serializers.IntegerField(), source="mapping.gcr")
    gcr_areas = serializers.ListField(child=serializers.CharField(), source="mapping.gcr_area")
    sdgs = serializers.ListField(child=serializers.IntegerField(), source="mapping.sdg")
    themes = serializers.ListField(child=serializers.CharField(), source="mapping.theme")
    target_groups = serializers.ListField(child=serializers.CharField(), source="mapping.target_group")
    terms = serializers.ListField(
        child=serializers.CharField(), source="mapping.term",
        help_text=_("Every term of every vocabulary, as vocabulary:key (the catalog's term filter)."),
    )
    reviewed = serializers.BooleanField(source="is_reviewed", help_text=_("Carries the reviewers' \"reviewed\" mark."))
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    published_at = serializers.DateTimeField()



class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Partner.Kind.choices)
    website = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    unit = serializers.CharField()
    baseline = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target_date = serializers.DateField(allow_null=True)


class LinkSerializer(serializers.Serializer):
    url = serializers.CharField()
    title = serializers.CharField()


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, document) -> str:
        return absolute(self.context["request"], "actions:document", document.action.public_id, document.pk)


class ActionSerializer(ActionSummarySerializer):
    """An action with everything its public page shows."""

    description = TranslatedField()
    goals = TranslatedField()
    translations = serializers.SerializerMethodField(
        help_text=_('Per language: "original", "missing", "submitted" (by the owner) or "checked" (by a reviewer).')
    )
    reviewed_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()
    budget = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    funding_sources = serializers.CharField()
    unmet_funding_need = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    partnership_sought = serializers.CharField()
    co_pledgers = GovernmentRefSerializer(many=True, source="confirmed_co_pledgers")
    partners = PartnerSerializer(many=True)
    indicators = IndicatorSerializer(many=True)
    links = LinkSerializer(many=True)
    documents = DocumentSerializer(many=True, source="public_documents")
    answers = serializers.CharField(
        source="answered_public_id", allow_null=True,
        help_text=_("Public id of the published pledge this one answers (support offered or sought)."),
    )
    answered_by = serializers.ListField(
        child=serializers.CharField(), source="answered_by_public_ids",
        help_text=_("Public ids of the published pledges that answer this one."),
    )
    progress_updates = serializers.SerializerMethodField()

    def get_translations(self, action) -> dict[str, str]:
        return action.translation_states()

    @extend_schema_field(ProgressUpdateSerializer(many=True))
    def get_progress_updates(self, action):
        updates = published_progress(action)
        for update in updates:
            update.action = action
        return ProgressUpdateSerializer(updates, many=True, context=self.context).data


class StatisticsSerializer(serializers.Serializer):
    actions = serializers.IntegerField(help_text=_("Number of published actions matching the parameters."))
    counts = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text=_("For each catalog filter, the number of matching actions with each value (values with none are "
                    "left out)."),
    )
    pledge_figures = PledgeFiguresSerializer(
        help_text=_("Figures of the matching pledges: stages, fulfilment rate, people reached by target group, money "
                    "committed and spent in US dollars.")
    )
