"""Snapshots and diffs made readable for people: field labels from the models' verbose names, terms and
objectives by their labels (never database keys), choices by their display names.

A snapshot (services.snapshot_data) is plain JSON so it survives renamed terms and deleted campaigns; this module
turns one back into rows a reviewer or an owner can read: (label, [values]) or (label, before, after).
"""
from dataclasses import dataclass

from django.utils import formats
from django.utils.dateparse import parse_date
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from localaction.campaigns.models import Campaign
from localaction.core.translation import language_name
from localaction.taxonomy.models import SDG, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Term

from . import services
from .models import Action, Document, Indicator, Link, Partner

M2M_MODELS = {
    "terms": Term,
    "gcm_objectives": GCMObjective,
    "guiding_principles": GuidingPrinciple,
    "gcr_objectives": GCRObjective,
    "gcr_areas": GCRArea,
    "sdgs": SDG,
}
CHILD_MODELS = {"partners": Partner, "indicators": Indicator, "links": Link, "documents": Document}
FIELD_ORDER = services.CONTENT_FIELDS + services.M2M_FIELDS + services.CHILD_RELATIONS
DATE_FIELDS = {"start_date", "end_date"}


@dataclass
class Item:
    """One shown value; `changed` marks it as removed (before) or added (after) in a diff."""

    text: str
    changed: bool = False


@dataclass
class Row:
    field: str
    label: str
    before: list
    after: list


def field_label(field):
    """The model's verbose name of a snapshot key: "title_fr" → "Title (French)", "partners" → "Partner organisations"."""
    if field in CHILD_MODELS:
        return capfirst(CHILD_MODELS[field]._meta.verbose_name_plural)
    return capfirst(Action._meta.get_field(field).verbose_name)


class Labels:
    """Labels of everything a set of snapshots points to, fetched with one query per kind of thing."""

    def __init__(self, *snapshots):
        self.related = {}
        for field, model in M2M_MODELS.items():
            keys = {str(key) for snapshot in snapshots for key in (snapshot.get(field) or [])}
            queryset = model.objects.filter(pk__in=keys) if keys else model.objects.none()
            if model is Term:
                queryset = queryset.select_related("vocabulary")
            self.related[field] = {str(obj.pk): self._label(obj) for obj in queryset}
        self.campaigns = self._names(Campaign, snapshots, "campaign_id")
        self.actions = self._names(Action, snapshots, "matches_id")
        self.inspirations = self._names(Action, snapshots, "inspired_by_id")

    @staticmethod
    def _label(obj):
        if isinstance(obj, Term):
            return _("%(vocabulary)s: %(term)s") % {"vocabulary": obj.vocabulary, "term": obj}
        return str(obj)

    @staticmethod
    def _names(model, snapshots, field):
        keys = {snapshot.get(field) for snapshot in snapshots} - {None, ""}
        return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=keys)} if keys else {}

    def values(self, field, value):
        """The readable values of one snapshot field, as a list of strings (empty when there is nothing)."""
        if field in M2M_MODELS:
            names = self.related[field]
            return sorted(names.get(str(key), _("%(key)s (no longer exists)") % {"key": key}) for key in value or [])
        if field in CHILD_MODELS:
            return [self._child(field, row) for row in value or []]
        if value in (None, "", {}, []):
            return []
        return [self._scalar(field, value)]

    def _scalar(self, field, value):
        if field == "kind":
            return str(dict(Action.Kind.choices).get(value, value))
        if field == "stage":
            return str(dict(Action.Stage.choices).get(value, value))
        if field == "original_language":
            return language_name(value)
        if field == "campaign_id":
            return self.campaigns.get(value, _("a campaign that no longer exists"))
        if field == "matches_id":
            return self.actions.get(value, _("an action that no longer exists"))
        if field == "inspired_by_id":
            return self.inspirations.get(value, _("an action that no longer exists"))
        if field == "translation_status":
            states = dict(Action.TranslationStatus.choices)
            return "; ".join(f"{language_name(code)}: {states.get(state, state)}" for code, state in sorted(value.items()))
        if field in DATE_FIELDS:
            parsed = parse_date(value)
            return formats.date_format(parsed, "DATE_FORMAT") if parsed else value
        return str(value)

    @staticmethod
    def _child(field, row):
        if field == "partners":
            name, kind, website = row
            text = f"{name} ({dict(Partner.Kind.choices).get(kind, kind)})"
            return f"{text} {website}" if website else text
        if field == "indicators":
            name, unit, baseline, target, target_date = row
            parts = [name]
            if baseline is not None:
                parts.append(_("baseline %(value)s") % {"value": baseline})
            if target is not None:
                parts.append(_("target %(value)s") % {"value": target})
            if unit:
                parts.append(_("unit: %(unit)s") % {"unit": unit})
            if target_date:
                parts.append(_("by %(date)s") % {"date": target_date})
            return " · ".join(parts)
        if field == "links":
            url, title = row
            return f"{title} — {url}" if title else url
        title, _name, is_public = row
        return title if is_public else _("%(title)s (not public)") % {"title": title}


def readable_snapshot(data):
    """Every field of a snapshot in form order: [Row] with the values in `after`."""
    labels = Labels(data)
    return [Row(field, field_label(field), [], [Item(text) for text in labels.values(field, data.get(field))])
            for field in FIELD_ORDER if field in data]


def readable_diff(before, after):
    """The fields that differ between two snapshots: [Row] with what was removed and what was added marked.

    Lists (terms, objectives, partners…) mark only the items that went or came; other fields change as a whole."""
    labels = Labels(before, after)
    rows = []
    for field, old, new in services.diff(before, after):
        old_values, new_values = labels.values(field, old), labels.values(field, new)
        if isinstance(old, list) or isinstance(new, list):
            removed = [Item(text, text not in new_values) for text in old_values]
            added = [Item(text, text not in old_values) for text in new_values]
        else:
            removed = [Item(text, True) for text in old_values]
            added = [Item(text, True) for text in new_values]
        rows.append(Row(field, field_label(field), removed, added))
    order = {field: position for position, field in enumerate(FIELD_ORDER)}
    return sorted(rows, key=lambda row: order.get(row.field, len(order)))
