"""Snapshot entries read as records: the values a recipient's columns take, in the package's language.

Everything comes from the frozen entry (never from today's actions), and names of reference data (objectives,
countries, terms) from the reference tables or the shipped vocabularies, read once per build (Lookups).
"""
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_date

from localaction.actions.models import Action, Partner
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES
from localaction.governments.models import Government
from localaction.taxonomy.models import (
    SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term,
)

from . import vocabulary

GCM_PLEDGE_TYPES = "gcm_pledge_types"
GCR_CONTRIBUTION_TYPES = "gcr_contribution_types"


def _names(queryset, key, field, language):
    return {str(getattr(obj, key)): obj.translated(field, language).text for obj in queryset}


class Lookups:
    """The names of everything the entries point to, in one language, with one query per table."""

    def __init__(self, language):
        self.language = language
        self.gcm = _names(GCMObjective.objects.order_by("number"), "number", "short_label", language)
        self.principles = _names(GuidingPrinciple.objects.order_by("position", "key"), "key", "name", language)
        self.gcr_objectives = _names(GCRObjective.objects.order_by("number"), "number", "text", language)
        self.gcr_areas = _names(GCRArea.objects.order_by("position", "key"), "key", "name", language)
        self.sdgs = _names(SDG.objects.order_by("number"), "number", "short_title", language)
        self.regions = _names(Region.objects.all(), "code", "name", language)
        self.countries = _names(Country.objects.all(), "code", "name", language)
        self.campaigns = _names(Campaign.objects.all(), "slug", "name", language)
        self.terms = {
            f"{term.vocabulary_id}:{term.key}": term.translated("name", language).text
            for term in Term.objects.order_by("vocabulary__position", "position", "key")
        }
        with translation.override(language):
            self.kinds = {key: str(label) for key, label in Action.Kind.choices}
            self.stages = {key: str(label) for key, label in Action.Stage.choices}
            self.government_kinds = {key: str(label) for key, label in Government.Kind.choices}
            self.partner_kinds = {key: str(label) for key, label in Partner.Kind.choices}


def _number(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _plain(value):
    """"500.00" → "500", "2.50" → "2.5": stored decimals written as people write them."""
    number = _number(value)
    if number is None:
        return str(value)
    return f"{number.normalize():f}" if number != number.to_integral_value() else str(number.to_integral_value())


class Record:
    """One frozen entry as a recipient reads it. The texts are all in one language: the package's when the
    owner wrote or translated the title in it, otherwise the action's original language (see text_language)."""

    def __init__(self, entry, lookups):
        self.entry = entry
        self.content = entry["content"]
        self.lookups = lookups
        language = lookups.language
        original = self.content.get("original_language") or settings.LANGUAGE_CODE
        candidates = (language, original, *LANGUAGE_CODES)
        self.text_language = next((code for code in candidates if self.content.get(f"title_{code}")), original)

    # ------------------------------------------------------------ identity and text

    @property
    def public_id(self):
        return self.entry["public_id"]

    def url(self):
        with translation.override(self.lookups.language):
            path = reverse("actions:detail", args=[self.entry["public_id"], self.entry["slug"] or "action"])
        return settings.LOCALACTION_BASE_URL.rstrip("/") + path

    def text(self, field):
        return self.content.get(f"{field}_{self.text_language}") or ""

    def description(self):
        """The summary, a blank line, then the description (recipients ask for one description)."""
        return "\n\n".join(part for part in (self.text("summary"), self.text("description")) if part)

    def kind(self):
        return self.content.get("kind") or ""

    def kind_label(self):
        return self.lookups.kinds.get(self.kind(), self.kind())

    # ------------------------------------------------------------ who

    def government(self, key):
        return self.entry["government"].get(key)

    def government_kind(self):
        kind = self.government("kind")
        return self.lookups.government_kinds.get(kind, kind or "")

    def country(self):
        code = self.government("country")
        return self.lookups.countries.get(code, code or "")

    def region(self):
        return self.lookups.regions.get(self.government("region") or "", "")

    def co_pledgers(self):
        return [item["name"] for item in self.entry.get("co_pledgers", [])]

    def partners(self):
        """"Name (kind)" of each partner organisation."""
        kinds = self.lookups.partner_kinds
        return [f"{name} ({kinds.get(kind, kind)})" for name, kind, _website in self.content.get("partners", [])]

    # ------------------------------------------------------------ mapping

    def numbers(self, field):
        values = []
        for value in self.content.get(field) or []:
            try:
                values.append(int(value))
            except (TypeError, ValueError):
                continue
        return sorted(values)

    def _ordered(self, field, names):
        chosen = {str(value) for value in self.content.get(field) or []}
        return [name for key, name in names.items() if key in chosen]

    def numbered(self, field, names):
        """"16. Empower migrants…" for each chosen numbered item, in number order."""
        return [f"{number}. {names.get(str(number), '')}".rstrip(". ") for number in self.numbers(field)]

    def gcm_objectives(self):
        return self.numbered("gcm_objectives", self.lookups.gcm)

    def guiding_principles(self):
        return self._ordered("guiding_principles", self.lookups.principles)

    def gcr_objectives(self):
        return self.numbered("gcr_objectives", self.lookups.gcr_objectives)

    def gcr_areas(self):
        return self._ordered("gcr_areas", self.lookups.gcr_areas)

    def sdgs(self):
        return self.numbered("sdgs", self.lookups.sdgs)

    def term_keys(self, vocabulary_key):
        prefix = f"{vocabulary_key}:"
        return [term[len(prefix):] for term in self.entry.get("terms", []) if term.startswith(prefix)]

    def terms(self, vocabulary_key):
        """Names of the action's terms of one vocabulary, in the vocabulary's order."""
        chosen = set(self.entry.get("terms", []))
        prefix = f"{vocabulary_key}:"
        return [name for key, name in self.lookups.terms.items() if key.startswith(prefix) and key in chosen]

    def vocabulary_terms(self, vocabulary_key, labels):
        """The action's terms of a vocabulary in the recipient's words (the shipped vocabulary), in its order."""
        chosen = set(self.term_keys(vocabulary_key))
        return [vocabulary.label(names, self.lookups.language) for key, names in labels.items() if key in chosen]

    def gcm_modality(self):
        """The UN Network's pledge modality: matching when it answers another pledge, common when other governments
        pledge with it, in partnership when organisations take part, individual otherwise."""
        if self.entry.get("matches"):
            key = "matching"
        elif self.entry.get("co_pledgers"):
            key = "common"
        elif self.content.get("partners"):
            key = "in_partnership"
        else:
            key = "individual"
        return vocabulary.label(vocabulary.gcm_pledge_modalities()[key], self.lookups.language)

    # ------------------------------------------------------------ when, how far, how much

    def date(self, field):
        value = self.content.get(field)
        return parse_date(value) if value else None

    def stage(self):
        stage = self.content.get("stage") or ""
        return self.lookups.stages.get(stage, stage)

    def gcr_stage(self):
        """UNHCR's stage wording; "discontinued" is not one of UNHCR's stages and keeps the platform's label."""
        stage = self.content.get("stage") or ""
        labels = vocabulary.gcr_stages()
        if stage in labels:
            return vocabulary.label(labels[stage], self.lookups.language)
        return self.lookups.stages.get(stage, stage)

    def gcr_kind(self):
        """UNHCR's words: a pledge, or a good practice."""
        key = "pledge" if self.kind() == Action.Kind.PLEDGE else "good_practice"
        return vocabulary.label(vocabulary.gcr_terms()[key], self.lookups.language)

    def indicators(self):
        """"Name: baseline → target unit (target date)" for each indicator."""
        lines = []
        for name, unit, baseline, target, target_date in self.content.get("indicators", []):
            figures = " → ".join(_plain(value) for value in (baseline, target) if value not in (None, ""))
            line = f"{name}: {figures}" if figures else name
            if unit:
                line = f"{line} {unit}"
            if target_date:
                line = f"{line} ({target_date})"
            lines.append(line)
        return lines

    def number(self, field):
        return _number(self.content.get(field))

    def campaign(self):
        slug = self.entry.get("campaign")
        return self.lookups.campaigns.get(slug, slug or "")

    def announced_at(self):
        return [self.lookups.campaigns.get(slug, slug) for slug in self.entry.get("announced_at", [])]

    def published_at(self):
        value = self.entry.get("published_at")
        return parse_date(value[:10]) if value else None
