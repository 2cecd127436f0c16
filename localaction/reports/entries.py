"""Entries of the PDFs — one pledge or practice with its mapping and stage — from plain dicts (a campaign's frozen
snapshot) or from Action rows (the annual report's highlighted actions), so both print with one partial
(templates/reports/pdf/_entry.html)."""
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.core.translation import LANGUAGE_CODES
from localaction.figures.services import NOT_REPORTED, stage_label
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, Region


def folded(text):
    """Accent- and case-free text, for sorting names the same way on every database and in every language."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class Text:
    """Content text and, when it is not in the document's language, the language it is in (for `lang`)."""

    text: str
    lang: str = ""

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)


def pick_text(entry, name, language):
    """An entry's `name` in `language`, else in its original language, else in any; plain `name` last."""
    original = entry.get("original_language") or "en"
    for candidate in (language, original, *LANGUAGE_CODES):
        value = entry.get(f"{name}_{candidate}")
        if value:
            return Text(str(value), "" if candidate == language else candidate)
    return Text(str(entry.get(name) or ""))


class Labels:
    """The reference data's names in the active language, read once (one query per table) for many entries."""

    def __init__(self):
        self.gcm = {o.number: str(o.t.short_label) for o in GCMObjective.objects.all()}
        self.gcr_objectives = {o.number: str(o.t.text) for o in GCRObjective.objects.all()}
        self.gcr_areas = {a.key: str(a.t.name) for a in GCRArea.objects.all()}
        self.sdgs = {g.number: str(g.t.short_title) for g in SDG.objects.all()}
        self.regions = {r.code: str(r.t.name) for r in Region.objects.all()}
        self.countries = {c.code: str(c.t.name) for c in Country.objects.all()}

    @staticmethod
    def _numbered(numbers, names):
        items = []
        for value in numbers or ():
            try:
                number = int(value)
            except (TypeError, ValueError):
                continue
            items.append((number, f"{number}. {names.get(number, '')}".rstrip(". ")))
        return [label for _number, label in sorted(items)]

    def gcm_list(self, numbers):
        return self._numbered(numbers, self.gcm)

    def gcr_objective_list(self, numbers):
        return self._numbered(numbers, self.gcr_objectives)

    def sdg_list(self, numbers):
        return self._numbered(numbers, self.sdgs)

    def gcr_area_list(self, keys):
        order = list(self.gcr_areas)
        known = sorted((key for key in keys or () if key in self.gcr_areas), key=order.index)
        return [self.gcr_areas[key] for key in known]

    def country(self, value):
        return self.countries.get(str(value or "").upper(), str(value or ""))

    def region(self, code):
        return self.regions.get(str(code or ""), "")


@dataclass
class Entry:
    """One printed entry, its text already in the document's language (or marked with the language it is in)."""

    id: str
    kind: str
    kind_label: str
    title: Text
    summary: Text
    government: str
    country: str
    region_code: str
    region: str
    url: str
    stage: str = ""
    stage_label: str = ""
    campaign: str = ""
    gcm: list = field(default_factory=list)
    gcr_objectives: list = field(default_factory=list)
    gcr_areas: list = field(default_factory=list)
    sdgs: list = field(default_factory=list)

    @property
    def has_mapping(self):
        return bool(self.gcm or self.gcr_objectives or self.gcr_areas or self.sdgs)


def _kind_label(kind):
    try:
        return str(Action.Kind(kind).label)
    except ValueError:
        return str(kind or "")


def _stage(kind, stage):
    """(stage, label): a pledge without a reported stage is "not reported yet"; a practice has no stage."""
    if stage in Action.Stage.values or stage == NOT_REPORTED:
        return stage, str(stage_label(stage))
    if kind == Action.Kind.PLEDGE:
        return NOT_REPORTED, str(stage_label(NOT_REPORTED))
    return "", ""


def prepare(entry, language, labels):
    """An Entry from a plain dict (keys: see pdf.render_compendium)."""
    kind = str(entry.get("kind") or "")
    stage, stage_text = _stage(kind, entry.get("stage") or "")
    url = str(entry.get("url") or "")
    region_code = str(entry.get("region") or "")
    return Entry(
        id=str(entry.get("id") or ""),
        kind=kind,
        kind_label=_kind_label(kind),
        title=pick_text(entry, "title", language),
        summary=pick_text(entry, "summary", language),
        government=str(entry.get("government") or ""),
        country=labels.country(entry.get("country")),
        region_code=region_code,
        region=labels.region(region_code) or str(entry.get("region_name") or ""),
        url=urljoin(settings.LOCALACTION_BASE_URL.rstrip("/") + "/", url) if url else "",
        stage=stage,
        stage_label=stage_text,
        campaign=str(entry.get("campaign") or ""),
        gcm=labels.gcm_list(entry.get("gcm_objectives")),
        gcr_objectives=labels.gcr_objective_list(entry.get("gcr_objectives")),
        gcr_areas=labels.gcr_area_list(entry.get("gcr_areas")),
        sdgs=labels.sdg_list(entry.get("sdgs")),
    )


def action_entry(action):
    """The plain-dict entry of a published Action (what a campaign snapshot holds), for the same partial. Expects
    the action's government, country, campaign and mapping prefetched (see annual.highlighted_actions)."""
    entry = {
        "id": action.public_id,
        "url": action.get_absolute_url(),
        "kind": action.kind,
        "stage": action.stage,
        "original_language": action.original_language,
        "government": action.government.name,
        "country": action.government.country_id,
        "region": action.government.country.region_id or "",
        "campaign": str(action.campaign) if action.campaign_id else "",
        "gcm_objectives": [o.pk for o in action.gcm_objectives.all()],
        "gcr_objectives": [o.pk for o in action.gcr_objectives.all()],
        "gcr_areas": [a.pk for a in action.gcr_areas.all()],
        "sdgs": [g.pk for g in action.sdgs.all()],
    }
    for name in ("title", "summary"):
        for code in LANGUAGE_CODES:
            entry[f"{name}_{code}"] = getattr(action, f"{name}_{code}")
    return entry


def by_region(entries):
    """[{"code", "name", "entries"}]: regions in alphabetical order of their names, entries in the order given;
    entries without a region last, under "No region"."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry.region_code if entry.region else "", []).append(entry)
    named = sorted((code for code in groups if code), key=lambda code: folded(groups[code][0].region))
    sections = [{"code": code, "name": groups[code][0].region, "entries": groups[code]} for code in named]
    if "" in groups:
        sections.append({"code": "", "name": gettext("No region"), "entries": groups[""]})
    return sections
