"""The shapes of the workspace (write) endpoints: what a client sends and what it gets back.

Input serializers only check the JSON shape (a string is a string, a list a list); every rule about the values
— required fields, choices, dates, amounts, checklists — is the web forms' (see write_forms.py), so the API and
the editor accept and refuse the same things, with the same messages. Output serializers read the stored objects;
they carry no personal data (no author, no e-mail address, no phone number).
"""
from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from localaction.actions import services as action_services
from localaction.actions.models import Action, Partner
from localaction.actions.workspace_views import EDITABLE
from localaction.core.translation import LANGUAGE_CODES
from localaction.governments.models import Membership
from localaction.progress.models import ProgressUpdate

# ---------------------------------------------------------------- strict JSON types, values checked by the forms


class Text(serializers.CharField):
    """A JSON string, passed to the form as sent (the form trims and checks it). Null characters are refused here,
    as the forms do."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return data


class Choice(serializers.ChoiceField):
    """A JSON string documented with its choices; whether it is one of them is the form's check."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices, **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return data


@extend_schema_field(OpenApiTypes.DATE)
class Day(Text):
    """A date as YYYY-MM-DD (checked by the form)."""


@extend_schema_field({"oneOf": [{"type": "string", "format": "decimal", "example": "1500.00"}, {"type": "number"}]})
class Amount(serializers.Field):
    """An amount as a decimal string ("1500.00") or a JSON number; the form checks digits and limits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.validators.append(ProhibitNullCharactersValidator())

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int, float)):
            raise serializers.ValidationError(serializers.DecimalField.default_error_messages["invalid"])
        return str(data)

    def to_representation(self, value):
        return value


class Integer(serializers.IntegerField):
    """A JSON integer (not a string, not a boolean) that fits the database's integer columns."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 2**31 - 1)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class Flag(serializers.BooleanField):
    """A JSON true or false."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


def identifiers(child):
    return serializers.ListField(child=child, required=False)


@extend_schema_field({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}},
                      "example": {"target_groups": ["refugees"], "themes": ["education"]}})
class TermsField(serializers.DictField):
    """{vocabulary key: [term keys]}, e.g. {"target_groups": ["refugees"], "themes": ["education"]}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(child=serializers.ListField(child=Text()), **kwargs)


@extend_schema_field({"type": "object", "additionalProperties": {"type": "integer", "minimum": 0, "nullable": True},
                      "example": {"refugees": 120}})
class PeopleField(serializers.DictField):
    """{target-group key: number of people reached or null}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(child=Integer(allow_null=True), **kwargs)


# ---------------------------------------------------------------- actions: input


class PartnerInput(serializers.Serializer):
    id = Integer(required=False, help_text=gettext_lazy("The partner's id to change it; leave out to add a new one."))
    name = Text()
    kind = Choice(Partner.Kind.choices)
    website = Text()


class IndicatorInput(serializers.Serializer):
    id = Integer(required=False, help_text=gettext_lazy("The indicator's id to change it; leave out to add a new one."))
    name = Text()
    unit = Text()
    baseline = Amount(allow_null=True)
    target = Amount(allow_null=True)
    target_date = Day(allow_null=True)


class LinkInput(serializers.Serializer):
    id = Integer(required=False, help_text=gettext_lazy("The link's id to change it; leave out to add a new one."))
    url = Text()
    title = Text()


class TranslationInput(serializers.Serializer):
    title = Text()
    summary = Text()
    description = Text()
    goals = Text()
    complete = Flag(help_text=gettext_lazy("The translation is complete, ready for the reviewers to check."))


class TranslationsInput(serializers.Serializer):
    """The text in the languages other than the original one."""

    en = TranslationInput(required=False)
    fr = TranslationInput(required=False)
    es = TranslationInput(required=False)


class ActionInput(serializers.Serializer):
    """The fields of an action as the editor's steps take them. In a PATCH, only the fields sent change; a list
    (partners, indicators, links, an identifier list, a vocabulary's terms) replaces the stored one."""

    kind = Choice(Action.Kind.choices)
    stage = Choice(Action.Stage.choices, allow_blank=True, help_text=gettext_lazy("Pledges only."))
    original_language = Choice(settings.CONTENT_LANGUAGES, help_text=gettext_lazy(
        "The language of title, summary, description and goals."
    ))
    title = Text()
    summary = Text()
    description = Text()
    goals = Text()
    campaign = Text(allow_null=True, help_text=gettext_lazy("The campaign's slug."))
    translations = TranslationsInput(required=False)
    gcm_objectives = identifiers(Integer())
    guiding_principles = identifiers(Text())
    gcr_objectives = identifiers(Integer())
    gcr_areas = identifiers(Text())
    sdgs = identifiers(Integer())
    terms = TermsField(help_text=gettext_lazy("Vocabulary key → term keys, e.g. target_groups, themes."))
    partners = serializers.ListField(child=PartnerInput(), required=False)
    answers = Text(allow_null=True, help_text=gettext_lazy("The public id of the published pledge this one answers."))
    partnership_sought = Text()
    start_date = Day(allow_null=True)
    end_date = Day(allow_null=True)
    budget = Amount(allow_null=True)
    currency = Text(help_text=gettext_lazy("ISO 4217 code, e.g. USD, EUR."))
    funding_sources = Text()
    unmet_funding_need = Amount(allow_null=True)
    indicators = serializers.ListField(child=IndicatorInput(), required=False)
    links = serializers.ListField(child=LinkInput(), required=False)


class ActionCreateInput(ActionInput):
    government = serializers.SlugField(help_text=gettext_lazy("The slug of a government you are a member of."))


# ---------------------------------------------------------------- actions: output


class PartnerOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(Partner.Kind.choices)
    website = serializers.CharField()


class IndicatorOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    unit = serializers.CharField()
    baseline = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target_date = serializers.DateField(allow_null=True)


class LinkOutput(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField()
    title = serializers.CharField()


class DocumentOutput(serializers.Serializer):
    title = serializers.CharField()
    is_public = serializers.BooleanField()


class TranslationOutput(serializers.Serializer):
    title = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.CharField()
    goals = serializers.CharField()
    complete = serializers.BooleanField()
    status = serializers.ChoiceField(Action.TranslationStatus.choices)


class TranslationsOutput(serializers.Serializer):
    en = TranslationOutput(required=False)
    fr = TranslationOutput(required=False)
    es = TranslationOutput(required=False)


class MissingItem(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class ActionSummaryOutput(serializers.Serializer):
    """One line of the list of the user's governments' actions."""

    id = serializers.CharField(source="public_id")
    government = serializers.CharField(source="government.slug")
    status = serializers.ChoiceField(Action.Status.choices)
    kind = serializers.ChoiceField(Action.Kind.choices)
    original_language = serializers.ChoiceField(settings.CONTENT_LANGUAGES)
    title = serializers.SerializerMethodField()
    revision_of = serializers.SerializerMethodField(
        help_text=gettext_lazy("For a proposed change: the public id of the published action.")
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_title(self, action) -> str:
        return getattr(action, f"title_{action.original_language}")

    def get_revision_of(self, action) -> str | None:
        return action.revision_of.public_id if action.revision_of_id else None


class ActionOutput(ActionSummaryOutput):
    """An action as its owners see it in the workspace, in the shape ActionInput takes."""

    editable = serializers.SerializerMethodField(
        help_text=gettext_lazy("Whether it can be changed now (draft or changes requested).")
    )
    stage = serializers.ChoiceField(Action.Stage.choices, allow_blank=True)
    summary = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    goals = serializers.SerializerMethodField()
    campaign = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    gcm_objectives = serializers.SerializerMethodField()
    guiding_principles = serializers.SerializerMethodField()
    gcr_objectives = serializers.SerializerMethodField()
    gcr_areas = serializers.SerializerMethodField()
    sdgs = serializers.SerializerMethodField()
    terms = serializers.SerializerMethodField()
    partners = PartnerOutput(many=True)
    answers = serializers.SerializerMethodField()
    partnership_sought = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    budget = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    funding_sources = serializers.CharField()
    unmet_funding_need = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    indicators = IndicatorOutput(many=True)
    links = LinkOutput(many=True)
    documents = DocumentOutput(many=True, help_text=gettext_lazy("Files are added in the workspace editor."))
    review_note = serializers.CharField(help_text=gettext_lazy(
        "What the reviewers said when they asked for changes or rejected it."
    ))
    missing = serializers.SerializerMethodField(help_text=gettext_lazy("What the submission checklist still asks for."))
    submitted_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)

    def _text(self, action, field):
        return getattr(action, f"{field}_{action.original_language}")

    def get_editable(self, action) -> bool:
        return action.status in EDITABLE

    def get_summary(self, action) -> str:
        return self._text(action, "summary")

    def get_description(self, action) -> str:
        return self._text(action, "description")

    def get_goals(self, action) -> str:
        return self._text(action, "goals")

    def get_campaign(self, action) -> str | None:
        return action.campaign.slug if action.campaign_id else None

    @extend_schema_field(TranslationsOutput)
    def get_translations(self, action):
        translations = {}
        for code in LANGUAGE_CODES:
            if code == action.original_language:
                continue
            state = action.translation_state(code)
            translations[code] = {
                **{field: getattr(action, f"{field}_{code}") for field in ("title", "summary", "description", "goals")},
                "complete": state in (Action.TranslationStatus.SUBMITTED, Action.TranslationStatus.CHECKED),
                "status": state,
            }
        return translations

    def get_gcm_objectives(self, action) -> list[int]:
        return sorted(item.pk for item in action.gcm_objectives.all())

    def get_guiding_principles(self, action) -> list[str]:
        return sorted(item.pk for item in action.guiding_principles.all())

    def get_gcr_objectives(self, action) -> list[int]:
        return sorted(item.pk for item in action.gcr_objectives.all())

    def get_gcr_areas(self, action) -> list[str]:
        return sorted(item.pk for item in action.gcr_areas.all())

    def get_sdgs(self, action) -> list[int]:
        return sorted(item.pk for item in action.sdgs.all())

    @extend_schema_field(TermsField)
    def get_terms(self, action):
        grouped = {}
        for term in sorted(action.terms.all(), key=lambda t: (t.vocabulary_id, t.position, t.key)):
            grouped.setdefault(term.vocabulary_id, []).append(term.key)
        return grouped

    def get_answers(self, action) -> str | None:
        return action.matches.public_id if action.matches_id else None

    @extend_schema_field(MissingItem(many=True))
    def get_missing(self, action):
        if not self.get_editable(action):
            return []
        return [{"key": key, "label": str(label)} for key, label in action_services.missing_items(action)]


# ---------------------------------------------------------------- progress updates


class NarrativeInput(serializers.Serializer):
    """What was done, in up to three languages (at least in the update's original language)."""

    en = Text()
    fr = Text()
    es = Text()


class IndicatorValueInput(serializers.Serializer):
    indicator = Integer(help_text=gettext_lazy("The id of one of the pledge's indicators."))
    value = Amount(allow_null=True, required=True)


class EvidenceLinkInput(serializers.Serializer):
    title = Text()
    url = Text()


class ProgressInput(serializers.Serializer):
    """The fields of the web's update form. In a PATCH, only the fields sent change; lists replace."""

    stage = Choice(Action.Stage.choices)
    discontinued_reason = Text()
    reported_on = Day(help_text=gettext_lazy(
        "The date the figures describe; not in the future, not before the pledge starts."
    ))
    original_language = Choice(settings.CONTENT_LANGUAGES)
    narrative = NarrativeInput(required=False)
    indicator_values = serializers.ListField(child=IndicatorValueInput(), required=False)
    people_reached = PeopleField(help_text=gettext_lazy("Target-group key → number of people reached (cumulative)."))
    money_committed = Amount(allow_null=True)
    money_spent = Amount(allow_null=True)
    currency = Text(help_text=gettext_lazy("ISO 4217 code, e.g. USD, EUR."))
    links = serializers.ListField(child=EvidenceLinkInput(), required=False)


class NarrativeOutput(serializers.Serializer):
    en = serializers.CharField()
    fr = serializers.CharField()
    es = serializers.CharField()


class IndicatorValueOutput(serializers.Serializer):
    indicator = serializers.IntegerField()
    name = serializers.CharField()
    value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)


class EvidenceLinkOutput(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()


class EvidenceFileOutput(serializers.Serializer):
    title = serializers.CharField()


class ProgressOutput(serializers.Serializer):
    """A progress update as the pledge's owners see it, in the shape ProgressInput takes."""

    id = serializers.IntegerField(source="pk")
    pledge = serializers.CharField(source="action.public_id", help_text=gettext_lazy("The public id of the pledge."))
    status = serializers.ChoiceField(ProgressUpdate.Status.choices)
    editable = serializers.BooleanField(source="is_editable")
    stage = serializers.ChoiceField(Action.Stage.choices)
    discontinued_reason = serializers.CharField()
    reported_on = serializers.DateField()
    original_language = serializers.ChoiceField(settings.CONTENT_LANGUAGES)
    narrative = serializers.SerializerMethodField()
    indicator_values = serializers.SerializerMethodField()
    people_reached = serializers.SerializerMethodField()
    money_committed = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    money_spent = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    links = serializers.SerializerMethodField()
    files = serializers.SerializerMethodField(help_text=gettext_lazy("Files are added in the workspace."))
    review_note = serializers.CharField()
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)

    @extend_schema_field(NarrativeOutput)
    def get_narrative(self, update):
        return {code: getattr(update, f"narrative_{code}") for code in LANGUAGE_CODES}

    @extend_schema_field(IndicatorValueOutput(many=True))
    def get_indicator_values(self, update):
        values = {value.indicator_id: value.value for value in update.indicator_values.all()}
        return IndicatorValueOutput([
            {"indicator": indicator.pk, "name": indicator.name, "value": values.get(indicator.pk)}
            for indicator in update.action.indicators.all()
        ], many=True).data

    @extend_schema_field(PeopleField)
    def get_people_reached(self, update):
        return {item.target_group.key: item.count for item in update.people_reached.all()}

    @extend_schema_field(EvidenceLinkOutput(many=True))
    def get_links(self, update):
        return [{"title": e.title, "url": e.url} for e in update.evidence.all() if e.url]

    @extend_schema_field(EvidenceFileOutput(many=True))
    def get_files(self, update):
        return [{"title": e.title} for e in update.evidence.all() if e.file]


# ---------------------------------------------------------------- the user's governments and errors


class GovernmentMembershipOutput(serializers.Serializer):
    """A government the token's owner is a member of, and their role in it."""

    slug = serializers.CharField(source="government.slug")
    name = serializers.CharField(source="government.name")
    verified = serializers.BooleanField(source="government.verified")
    role = serializers.ChoiceField(Membership.Role.choices)


class Detail(serializers.Serializer):
    """An error (401, 403, 404) or a refused step (409), with the reason."""

    detail = serializers.CharField()
