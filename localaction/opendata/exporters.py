"""What each open-data download holds: one small exporter class per resource (actions, governments, endorsements,
progress updates, campaigns) that declares its columns and yields rows.

The columns are the one source of truth: the renderers (renderers.py) write them as CSV, XLSX or JSON, the data
dictionary page lists them and the Frictionless data package (datapackage.py) describes them. Keys are stable
English names; translated text has one column per language (title_en, title_fr, title_es). Only what the public
pages show is exported: no e-mail address, phone number or name of a member, no review notes, nothing of a
draft.

Rows are read in chunks of primary keys, each chunk with a fixed number of queries, so memory stays flat however
many rows a download has.
"""
import json
from array import array
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action, CoPledger, Indicator, Partner
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES
from localaction.declarations.models import Endorsement
from localaction.governments.models import Government
from localaction.progress.models import Evidence, IndicatorValue, PeopleReached, ProgressUpdate
from localaction.taxonomy.models import Term, Vocabulary

CHUNK_SIZE = 2000
# Multi-valued codes (objective numbers, keys, slugs) in one cell: Frictionless "list" fields with this delimiter.
# A semicolon rather than a comma: French and Spanish spreadsheets use the comma as the decimal separator.
LIST_DELIMITER = ";"


@dataclass(frozen=True)
class Column:
    """One column of a download: its stable key, its Frictionless type, a short label and a description (both
    translated for the data dictionary), and how to read its value from an exported object."""

    key: str
    type: str
    label: str
    description: str
    get: Callable = field(repr=False, compare=False)
    item_type: str | None = None  # for "list" columns: the type of each item
    enum: tuple | None = None  # the allowed values, when the column holds a code from a fixed list
    language: str | None = None  # for translated text: the language of this column


def attribute(name):
    return lambda obj: getattr(obj, name)


def item(key):
    return itemgetter(key)


def label_of(model, name):
    """A model field's verbose name: the labels the forms and the admin already use (and translate)."""
    return model._meta.get_field(name).verbose_name


def translated_columns(model, name, description, getter=None):
    """One text column per language, e.g. title_en, title_fr, title_es (read with `getter(key)`: attributes of
    model instances by default)."""
    getter = getter or attribute
    languages = dict(settings.LANGUAGES)
    return [
        Column(
            key=f"{name}_{code}", type="string", label=label_of(model, f"{name}_{code}"),
            description=format_lazy("{} ({})", description, languages[code]),
            get=getter(f"{name}_{code}"), language=code,
        )
        for code in LANGUAGE_CODES
    ]


def choices_of(model, name):
    return tuple(value for value, _label in model._meta.get_field(name).choices)


def absolute_url(path):
    """The address of one of our pages, for people who read the file away from the site."""
    return f"{settings.LOCALACTION_BASE_URL}{path}"


def action_url_template():
    """The address of an action's page as a format string with {public_id} and {slug}: one reverse() per download
    rather than one per row (a tenth of the time of a large download)."""
    markers = ("0public0", "0slug0")
    url = absolute_url(reverse("actions:detail", args=markers))
    return url.replace(markers[0], "{public_id}").replace(markers[1], "{slug}")


def batched(iterable, size):
    chunk = []
    for value in iterable:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def grouped(pairs):
    """{key: [values]} from (key, value) rows, values in row order."""
    groups = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return groups


def plain_number(value):
    """A decimal inside a JSON array cell as a JSON number (an int when it is whole)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


class Exporter:
    """Base of the exporters: a subclass names its resource, declares `columns`, the public `queryset()` in
    download order, and `load(ids)` (the objects of one chunk with what their columns read).

    The last column must always have a value: spreadsheet readers (openpyxl's read-only mode, hence Frictionless)
    drop a row's trailing empty cells and then find the row too short."""

    name = ""
    title = ""
    description = ""
    columns: list = []
    primary_key = ("id",)
    foreign_keys: tuple = ()
    chunk_size = CHUNK_SIZE

    def __init__(self, ids=None):
        # ids: database primary keys in the order to export (a filtered view); None: the whole public set.
        self.ids = ids

    @classmethod
    def keys(cls):
        return [column.key for column in cls.columns]

    def queryset(self):
        raise NotImplementedError

    def load(self, ids):
        """{pk: object} for these primary keys, public ones only, with everything the columns read (a model
        instance, or a plain dict where a download can be large)."""
        return self.queryset().filter(pk__in=ids).in_bulk()

    def count(self):
        """The number of rows, when it is known before reading them (a filtered view of actions)."""
        return len(self.ids) if self.ids is not None else None

    def rows(self):
        """The rows, each a tuple of values in column order (Python values: str, int, Decimal, date, datetime,
        bool, list, or None)."""
        getters = [column.get for column in self.columns]
        # The whole set's keys are read at once (a few bytes each), so no cursor stays open between the chunks.
        ids = self.ids if self.ids is not None else array("q", self.queryset().values_list("pk", flat=True))
        for chunk in batched(ids, self.chunk_size):
            objects = self.load(chunk)
            for pk in chunk:
                obj = objects.get(pk)
                if obj is not None:  # gone from the public set since the list of ids was read
                    yield tuple(get(obj) for get in getters)


def _terms_by_id():
    """{term id: (vocabulary key, term key)} of every term: a few hundred rows, read once per download."""
    return {pk: (vocabulary, key) for pk, vocabulary, key in Term.objects.values_list("pk", "vocabulary_id", "key")}


class ActionExporter(Exporter):
    """Published actions (practices and pledges), with their mapping to the Compacts and the SDGs as codes."""

    name = "actions"
    title = _("Actions and pledges")
    description = _(
        "Every published practice and pledge: its texts in each language, its lead government, its mapping to the "
        "Global Compacts and the SDGs (as objective numbers and keys), dates, budget and indicators."
    )
    primary_key = ("id",)

    columns = [
        Column("id", "string", label_of(Action, "public_id"),
               _("Stable public identifier of the action; it never changes."), item("public_id")),
        Column("url", "string", _("Address"), _("Address of the action's public page."), item("export_url")),
        Column("kind", "string", label_of(Action, "kind"), _("Either practice (already implemented) or pledge (a new commitment)."),
               item("kind"), enum=choices_of(Action, "kind")),
        Column("show_as_practice", "boolean", label_of(Action, "show_as_practice"),
               _("True for a fulfilled pledge that its government lists with the practices."), item("show_as_practice")),
        Column("stage", "string", label_of(Action, "stage"),
               _("Stage of a pledge: planning, in_progress, fulfilled or discontinued (empty for practices)."),
               lambda a: a["stage"] or None, enum=choices_of(Action, "stage")),
        Column("original_language", "string", label_of(Action, "original_language"),
               _("Language the action was written in (en, fr or es)."), item("original_language"),
               enum=tuple(LANGUAGE_CODES)),
        *translated_columns(Action, "title", _("Title"), item),
        *translated_columns(Action, "summary", _("Summary"), item),
        *translated_columns(Action, "description", _("Description"), item),
        *translated_columns(Action, "goals", _("Goals"), item),
        Column("government", "string", label_of(Action, "government"),
               _("Slug of the lead government (see the governments download)."), item("government__slug")),
        Column("government_name", "string", _("Government"), _("Name of the lead government."),
               item("government__name")),
        Column("country", "string", label_of(Government, "country"),
               _("ISO 3166-1 alpha-2 code of the lead government's country."), item("government__country_id")),
        Column("region", "string", _("Region"), _("UN M49 code of the lead government's region."),
               item("government__country__region_id")),
        Column("subregion", "string", _("Sub-region"), _("UN M49 code of the lead government's sub-region."),
               item("government__country__subregion_id")),
        Column("co_pledgers", "list", label_of(Action, "co_pledgers"),
               _("Slugs of the governments that joined the pledge (confirmed)."), item("export_co_pledgers"),
               item_type="string"),
        Column("campaign", "string", label_of(Action, "campaign"), _("Slug of the campaign (see the campaigns download)."),
               item("campaign__slug")),
        Column("announced_at", "list", label_of(Action, "announced_at"),
               _("Slugs of the campaigns (forums) at which the action was announced."), item("export_announced_at"),
               item_type="string"),
        Column("gcm_objectives", "list", label_of(Action, "gcm_objectives"),
               _("Numbers (1 to 23) of the objectives of the Global Compact for Migration."), item("export_gcm"),
               item_type="integer"),
        Column("guiding_principles", "list", label_of(Action, "guiding_principles"),
               _("Keys of the GCM guiding principles."), item("export_principles"), item_type="string"),
        Column("gcr_objectives", "list", label_of(Action, "gcr_objectives"),
               _("Numbers (1 to 4) of the objectives of the Global Compact on Refugees."), item("export_gcr"),
               item_type="integer"),
        Column("gcr_areas", "list", label_of(Action, "gcr_areas"),
               _("Keys of the Global Refugee Forum's areas of focus."), item("export_gcr_areas"), item_type="string"),
        Column("sdgs", "list", label_of(Action, "sdgs"), _("Numbers (1 to 17) of the Sustainable Development Goals."),
               item("export_sdgs"), item_type="integer"),
        Column("themes", "list", _("Theme"), _("Keys of the themes."), item("export_themes"), item_type="string"),
        Column("target_groups", "list", _("Target group"), _("Keys of the target groups."),
               item("export_target_groups"), item_type="string"),
        Column("other_terms", "list", _("Other term (vocabulary:key)"),
               _("Terms of the other vocabularies, each as vocabulary:key."), item("export_other_terms"),
               item_type="string"),
        Column("start_date", "date", label_of(Action, "start_date"), _("Date the action started or starts."),
               item("start_date")),
        Column("end_date", "date", label_of(Action, "end_date"), _("Date the action ended or ends."), item("end_date")),
        Column("budget", "number", label_of(Action, "budget"), _("Budget, in the currency of the next column."),
               item("budget")),
        Column("currency", "string", label_of(Action, "currency"), _("ISO 4217 code of the currency of the amounts."),
               item("currency")),
        Column("unmet_funding_need", "number", label_of(Action, "unmet_funding_need"),
               _("Funding still needed, in the same currency."), item("unmet_funding_need")),
        Column("funding_sources", "string", label_of(Action, "funding_sources"), _("Where the money comes from."),
               item("funding_sources")),
        Column("partnership_sought", "string", label_of(Action, "partnership_sought"),
               _("The partnership or support the government is looking for."), item("partnership_sought")),
        Column("partners", "array", _("Partner organisations"),
               _('Partner organisations, as a JSON array of {"name", "kind"}.'), item("export_partners")),
        Column("indicators", "array", _("Indicators"),
               _('Indicators of a pledge, as a JSON array of {"name", "unit", "baseline", "target", "target_date"}.'),
               item("export_indicators")),
        Column("answers_pledge", "string", label_of(Action, "matches"),
               _("Identifier of the published pledge this one answers (support offered or sought)."),
               item("export_matches")),
        Column("reviewed", "boolean", _("Reviewed"),
               _("True once a reviewer has checked the action against the published checklist."),
               lambda a: a["reviewed_at"] is not None),
        Column("last_progress_on", "date", label_of(Action, "last_progress_on"),
               _("Date of the latest published progress update (or of publication)."), item("last_progress_on")),
        Column("published_at", "datetime", label_of(Action, "published_at"), _("When the action was first published (UTC)."),
               item("published_at")),
    ]

    FIELDS = (
        "id", "public_id", "slug", "kind", "show_as_practice", "stage", "original_language",
        *(f"{name}_{code}" for name in ("title", "summary", "description", "goals") for code in LANGUAGE_CODES),
        "government__slug", "government__name", "government__country_id", "government__country__region_id",
        "government__country__subregion_id", "campaign__slug", "start_date", "end_date", "budget", "currency",
        "unmet_funding_need", "funding_sources", "partnership_sought", "matches__public_id", "matches__status",
        "reviewed_at", "last_progress_on", "published_at",
    )

    def queryset(self):
        return Action.objects.published().order_by("-published_at", "-id")

    def load(self, ids):
        # Plain rows (dicts) rather than model instances: a download may hold a hundred thousand actions, and
        # building models and their related objects would take most of its time.
        actions = {
            row["id"]: row
            for row in Action.objects.published().filter(pk__in=ids).order_by().values(*self.FIELDS)
        }
        if not actions:
            return actions
        ids = list(actions)
        relations = {
            "export_gcm": ("gcm_objectives", "gcmobjective_id"),
            "export_principles": ("guiding_principles", "guidingprinciple_id"),
            "export_gcr": ("gcr_objectives", "gcrobjective_id"),
            "export_gcr_areas": ("gcr_areas", "gcrarea_id"),
            "export_sdgs": ("sdgs", "sdg_id"),
        }
        # Plain rows of the link tables: the codes are their keys, no objective needs to be read.
        values = {}
        for attr, (relation, column) in relations.items():
            through = getattr(Action, relation).through.objects.filter(action_id__in=ids).order_by(column)
            values[attr] = grouped(through.values_list("action_id", column))
        if not hasattr(self, "_terms"):
            self._terms = _terms_by_id()
        terms = grouped(
            (action_id, self._terms[term_id])
            for action_id, term_id in Action.terms.through.objects.filter(action_id__in=ids).values_list("action_id", "term_id")
        )
        co_pledgers = grouped(
            CoPledger.objects.filter(action_id__in=ids, confirmed_at__isnull=False, government__verified=True)
            .order_by("government__slug").values_list("action_id", "government__slug")
        )
        partners = grouped(
            (action_id, {"name": name, "kind": kind})
            for action_id, name, kind in Partner.objects.filter(action_id__in=ids).order_by("id").values_list(
                "action_id", "name", "kind")
        )
        indicators = grouped(
            (action_id, {"name": name, "unit": unit, "baseline": plain_number(baseline), "target": plain_number(target),
                         "target_date": target_date.isoformat() if target_date else None})
            for action_id, name, unit, baseline, target, target_date in Indicator.objects.filter(action_id__in=ids)
            .order_by("id").values_list("action_id", "name", "unit", "baseline", "target", "target_date")
        )
        announced = grouped(
            Action.announced_at.through.objects.filter(action_id__in=ids).order_by("campaign__slug")
            .values_list("action_id", "campaign__slug")
        )
        url = action_url_template()
        for pk, action in actions.items():
            action["export_url"] = url.format(public_id=action["public_id"], slug=action["slug"])
            for attr in relations:
                action[attr] = values[attr].get(pk, [])
            own = sorted(terms.get(pk, []))
            action["export_themes"] = [key for vocabulary, key in own if vocabulary == Vocabulary.THEMES]
            action["export_target_groups"] = [key for vocabulary, key in own if vocabulary == Vocabulary.TARGET_GROUPS]
            action["export_other_terms"] = [
                f"{vocabulary}:{key}" for vocabulary, key in own if vocabulary not in (Vocabulary.THEMES, Vocabulary.TARGET_GROUPS)
            ]
            action["export_co_pledgers"] = co_pledgers.get(pk, [])
            action["export_announced_at"] = announced.get(pk, [])
            action["export_partners"] = partners.get(pk, [])
            action["export_indicators"] = indicators.get(pk, [])
            published = action["matches__status"] == Action.Status.PUBLISHED
            action["export_matches"] = action["matches__public_id"] if published else None
        return actions


class GovernmentExporter(Exporter):
    """Verified local and regional governments: the public profile, without any member or contact."""

    name = "governments"
    title = _("Governments")
    description = _("Local and regional governments with a public profile, where they are, and how many actions they published.")
    primary_key = ("slug",)

    columns = [
        Column("slug", "string", label_of(Government, "slug"), _("Stable identifier of the government in addresses."),
               attribute("slug")),
        Column("url", "string", _("Address"), _("Address of the government's public profile."),
               lambda g: absolute_url(g.get_absolute_url())),
        Column("name", "string", label_of(Government, "name"), _("Name of the government."), attribute("name")),
        Column("kind", "string", label_of(Government, "kind"),
               _("Kind of government: municipality, metropolitan (area), region (province, region or state) or association."),
               attribute("kind"), enum=choices_of(Government, "kind")),
        Column("country", "string", label_of(Government, "country"), _("ISO 3166-1 alpha-2 code of the country."),
               attribute("country_id")),
        Column("region", "string", _("Region"), _("UN M49 code of the region."), lambda g: g.country.region_id),
        Column("subregion", "string", _("Sub-region"), _("UN M49 code of the sub-region."), lambda g: g.country.subregion_id),
        Column("population", "integer", label_of(Government, "population"), _("Population, as the government gave it."),
               attribute("population")),
        Column("latitude", "number", label_of(Government, "latitude"), _("Latitude in decimal degrees (WGS 84)."),
               attribute("latitude")),
        Column("longitude", "number", label_of(Government, "longitude"), _("Longitude in decimal degrees (WGS 84)."),
               attribute("longitude")),
        Column("website", "string", label_of(Government, "website"), _("The government's own website."),
               lambda g: g.website or None),
        Column("published_actions", "integer", _("Published actions"), _("Number of actions it leads that are published."),
               attribute("published_actions")),
        Column("is_demo", "boolean", label_of(Government, "is_demo"), _("True for the made-up governments of the demo data."),
               attribute("is_demo")),
    ]

    def queryset(self):
        return Government.objects.public().order_by("name", "id")

    def load(self, ids):
        governments = self.queryset().filter(pk__in=ids).select_related("country").order_by().in_bulk()
        counts = dict(
            Action.objects.published().filter(government_id__in=list(governments)).order_by()
            .values("government_id").annotate(n=Count("id")).values_list("government_id", "n")
        )
        for pk, government in governments.items():
            government.published_actions = counts.get(pk, 0)
        return governments


class EndorsementExporter(Exporter):
    """Verified endorsements of the Marrakech Mayors Declaration. The signatory's office is exported, not their
    name: a bulk file carries no personal name (the API does the same)."""

    name = "endorsements"
    title = _("Endorsements of the Marrakech Mayors Declaration")
    description = _(
        "Governments whose endorsement of the Marrakech Mayors Declaration a reviewer has verified, with the office "
        "of the person who signed it and the date."
    )
    primary_key = ("government",)
    foreign_keys = ({"fields": ["government"], "reference": {"resource": "governments", "fields": ["slug"]}},)

    columns = [
        Column("government", "string", label_of(Endorsement, "government"), _("Slug of the government."),
               lambda e: e.government.slug),
        Column("government_name", "string", _("Government"), _("Name of the government."), lambda e: e.government.name),
        Column("country", "string", label_of(Government, "country"), _("ISO 3166-1 alpha-2 code of the country."),
               lambda e: e.government.country_id),
        Column("region", "string", _("Region"), _("UN M49 code of the region."), lambda e: e.government.country.region_id),
        Column("signatory_title", "string", label_of(Endorsement, "signatory_title"), _("Their title, e.g. Mayor of Lyon."),
               attribute("signatory_title")),
        Column("signed_on", "date", label_of(Endorsement, "signed_on"), _("Date of signature."), attribute("signed_on")),
    ]

    def queryset(self):
        return Endorsement.objects.verified().order_by("-signed_on", "-id")

    def load(self, ids):
        return self.queryset().filter(pk__in=ids).select_related("government__country").order_by().in_bulk()


class ProgressUpdateExporter(Exporter):
    """Published progress updates of published pledges: stage, narrative, figures and evidence, without authors."""

    name = "progress-updates"
    title = _("Progress updates")
    description = _(
        "Published reports on pledges: the stage reached, what was done in each language, indicator values, people "
        "reached, money committed and spent, and evidence."
    )
    primary_key = ("id",)
    foreign_keys = ({"fields": ["action"], "reference": {"resource": "actions", "fields": ["id"]}},)

    columns = [
        Column("id", "integer", _("Identifier"), _("Number of the progress update; it never changes."), attribute("pk")),
        Column("action", "string", label_of(ProgressUpdate, "action"), _("Identifier of the pledge (see the actions download)."),
               lambda u: u.action.public_id),
        Column("action_url", "string", _("Address"), _("Address of the pledge's public page, where the timeline is."),
               attribute("export_url")),
        Column("reported_on", "date", label_of(ProgressUpdate, "reported_on"), _("Date of the situation reported."),
               attribute("reported_on")),
        Column("stage", "string", label_of(ProgressUpdate, "stage"),
               _("Stage reached: planning, in_progress, fulfilled or discontinued."), attribute("stage"),
               enum=choices_of(ProgressUpdate, "stage")),
        Column("discontinued_reason", "string", label_of(ProgressUpdate, "discontinued_reason"),
               _("Why the pledge was discontinued."), lambda u: u.discontinued_reason or None),
        Column("original_language", "string", label_of(ProgressUpdate, "original_language"),
               _("Language the update was written in (en, fr or es)."), attribute("original_language"),
               enum=tuple(LANGUAGE_CODES)),
        *translated_columns(ProgressUpdate, "narrative", _("What was done")),
        Column("money_committed", "number", label_of(ProgressUpdate, "money_committed"),
               _("Money committed so far, in the currency of the currency column."), attribute("money_committed")),
        Column("money_spent", "number", label_of(ProgressUpdate, "money_spent"), _("Money spent so far, in the same currency."),
               attribute("money_spent")),
        Column("currency", "string", label_of(ProgressUpdate, "currency"), _("ISO 4217 code of the currency of the amounts."),
               attribute("currency")),
        Column("people_reached", "array", _("People reached"),
               _('People reached by target group (cumulative), as a JSON array of {"target_group", "count"}.'),
               attribute("export_people")),
        Column("indicator_values", "array", _("Indicator values"),
               _('Values reached by the pledge\'s indicators, as a JSON array of {"indicator", "unit", "value", "target"}.'),
               attribute("export_indicators")),
        Column("evidence", "array", _("Evidence"), _('Links and files that show the progress, as a JSON array of {"title", "url"}.'),
               attribute("export_evidence")),
        Column("published_at", "datetime", label_of(ProgressUpdate, "published_at"), _("When the update was published (UTC)."),
               attribute("published_at")),
    ]

    def queryset(self):
        return ProgressUpdate.objects.filter(
            status=ProgressUpdate.Status.PUBLISHED, action__status=Action.Status.PUBLISHED
        ).order_by("-reported_on", "-published_at", "-id")

    def load(self, ids):
        updates = self.queryset().filter(pk__in=ids).select_related("action").order_by().in_bulk()
        ids = list(updates)
        people = grouped(
            (update_id, {"target_group": key, "count": count})
            for update_id, key, count in PeopleReached.objects.filter(update_id__in=ids)
            .order_by("target_group__position", "target_group__key").values_list("update_id", "target_group__key", "count")
        )
        indicators = grouped(
            (update_id, {"indicator": name, "unit": unit, "value": plain_number(value), "target": plain_number(target)})
            for update_id, name, unit, value, target in IndicatorValue.objects.filter(update_id__in=ids)
            .order_by("indicator_id").values_list("update_id", "indicator__name", "indicator__unit", "value", "indicator__target")
        )
        evidence = grouped(
            (update_id, {"title": title, "url": url or absolute_url(reverse("progress:evidence", args=[pk]))})
            for pk, update_id, title, url in Evidence.objects.filter(update_id__in=ids).order_by("id").values_list(
                "pk", "update_id", "title", "url")
        )
        url = action_url_template()
        for pk, update in updates.items():
            update.export_url = url.format(public_id=update.action.public_id, slug=update.action.slug)
            update.export_people = people.get(pk, [])
            update.export_indicators = indicators.get(pk, [])
            update.export_evidence = evidence.get(pk, [])
        return updates


class CampaignExporter(Exporter):
    """Campaigns: the cohorts of actions collected for a UN review forum."""

    name = "campaigns"
    title = _("Campaigns")
    description = _("Cohorts of actions collected for a review forum (IMRF, GRF), with their submission window.")
    primary_key = ("slug",)

    columns = [
        Column("slug", "string", label_of(Campaign, "slug"), _("Stable identifier of the campaign (the catalog's campaign filter)."),
               attribute("slug")),
        Column("url", "string", _("Address"), _("Address of the catalog filtered on the campaign."),
               lambda c: absolute_url(c.get_absolute_url())),
        *translated_columns(Campaign, "name", _("Name")),
        *translated_columns(Campaign, "description", _("Description")),
        Column("forum", "string", label_of(Campaign, "forum"), _("Forum: imrf (International Migration Review Forum), grf (Global Refugee Forum) or other."), attribute("forum"),
               enum=choices_of(Campaign, "forum")),
        Column("forum_date", "date", label_of(Campaign, "forum_date"), _("Date of the forum."), attribute("forum_date")),
        Column("opens_on", "date", label_of(Campaign, "opens_on"), _("First day of the submission window."),
               attribute("opens_on")),
        Column("closes_on", "date", label_of(Campaign, "closes_on"), _("Last day of the submission window."),
               attribute("closes_on")),
        Column("reporting_interval_months", "integer", label_of(Campaign, "reporting_interval_months"),
               _("How often (in months) its pledges are due to report progress."), attribute("reporting_interval_months")),
        Column("published_actions", "integer", _("Published actions"), _("Number of its actions that are published."),
               attribute("published_actions")),
    ]

    def queryset(self):
        return Campaign.objects.order_by("-forum_date", "slug")

    def load(self, ids):
        campaigns = self.queryset().filter(pk__in=ids).order_by().in_bulk()
        counts = dict(
            Action.objects.published().filter(campaign_id__in=list(campaigns)).order_by()
            .values("campaign_id").annotate(n=Count("id")).values_list("campaign_id", "n")
        )
        for pk, campaign in campaigns.items():
            campaign.published_actions = counts.get(pk, 0)
        return campaigns


EXPORTERS = {
    exporter.name: exporter
    for exporter in (ActionExporter, GovernmentExporter, EndorsementExporter, ProgressUpdateExporter, CampaignExporter)
}


def array_text(items):
    """A JSON array as text, for the cells of CSV and XLSX."""
    return json.dumps(items, ensure_ascii=False)
