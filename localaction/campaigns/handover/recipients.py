"""Who receives a handover package, which actions each gets, and the columns of each one's spreadsheet.

The UN Network on Migration takes the actions mapped to the Global Compact for Migration (at least one GCM
objective), in the fields of its GCM pledging form; UNHCR takes those mapped to the Global Compact on Refugees
(a GCR objective or area of focus), in the fields of its pledge follow-up. An action mapped to both goes to both:
"submit once, hand over many times". docs/handover-mapping.md documents every column (a test keeps it in step).

Column keys are stable English identifiers (the JSON keys); headers are the recipient's field names, translated
into the package's language.
"""
from dataclasses import dataclass
from typing import Callable

from django.utils.translation import gettext_lazy as _

from .records import GCM_PLEDGE_TYPES, GCR_CONTRIBUTION_TYPES
from .vocabulary import gcm_pledge_types, gcr_contribution_types

STRING, LIST, INTEGERS, DATE, NUMBER, INTEGER = "string", "list", "integers", "date", "number", "integer"


@dataclass(frozen=True)
class Column:
    """One column: its stable key, the recipient's header, the kind of value, and where the value comes from."""

    key: str
    header: str
    type: str
    source: str
    value: Callable


def _common_head(title_header, description_header, entity_header, entity_type_header):
    return [
        Column("pledge_id", _("Pledge ID (Local Action platform)"), STRING,
               _("The action's public identifier on the platform (stable)."), lambda r: r.public_id),
        Column("url", _("Web page"), STRING, _("The action's public page, in the package's language."),
               lambda r: r.url()),
        Column("title", title_header, STRING, _("Title, in the language given by text_language."),
               lambda r: r.text("title")),
        Column("description", description_header, STRING,
               _("Summary, a blank line, then the description, in the language given by text_language."),
               lambda r: r.description()),
        Column("text_language", _("Language of the text"), STRING,
               _("The package's language when the action has a title in it, otherwise its original language "
                 "(ISO 639-1)."),
               lambda r: r.text_language),
        Column("original_language", _("Original language"), STRING, _("The language the action was written in."),
               lambda r: r.content.get("original_language") or ""),
        Column("entity", entity_header, STRING, _("The lead government's name."), lambda r: r.government("name")),
        Column("entity_type", entity_type_header, STRING,
               _("Always “Local or regional government”: every pledger on the platform is one."),
               lambda r: str(_("Local or regional government"))),
        Column("government_kind", _("Kind of government"), STRING,
               _("Municipality, metropolitan area, region or association."), lambda r: r.government_kind()),
        Column("country", _("Country"), STRING, _("The lead government's country."), lambda r: r.country()),
        Column("country_iso3", _("Country code (ISO 3166-1 alpha-3)"), STRING,
               _("The lead government's country code."), lambda r: r.government("country_iso3") or ""),
        Column("region", _("Region (UN M49)"), STRING, _("The country's region in the UN M49 standard."),
               lambda r: r.region()),
    ]


def _common_tail():
    return [
        Column("target_groups", _("Target groups"), LIST, _("Terms of the target-groups vocabulary."),
               lambda r: r.terms("target_groups")),
        Column("themes", _("Themes"), LIST, _("Terms of the themes vocabulary."), lambda r: r.terms("themes")),
        Column("sdgs", _("Sustainable Development Goals"), LIST, _("Number and short title of each goal."),
               lambda r: r.sdgs()),
        Column("start_date", _("Start date"), DATE, _("Start date (YYYY-MM-DD)."), lambda r: r.date("start_date")),
        Column("end_date", _("End date"), DATE, _("End date (YYYY-MM-DD)."), lambda r: r.date("end_date")),
        Column("indicators", _("Indicators and targets"), LIST,
               _("Each indicator: name, baseline → target, unit, target date."), lambda r: r.indicators()),
        Column("budget", _("Budget"), NUMBER, _("Budget, in the currency given."), lambda r: r.number("budget")),
        Column("currency", _("Currency"), STRING, _("ISO 4217 code."), lambda r: r.content.get("currency") or ""),
        Column("unmet_funding_need", _("Unmet funding need"), NUMBER,
               _("The part of the budget not funded yet, in the currency given."),
               lambda r: r.number("unmet_funding_need")),
        Column("funding_sources", _("Funding sources"), STRING, _("As the government wrote them."),
               lambda r: r.content.get("funding_sources") or ""),
        Column("partnership_sought", _("Partnership sought"), STRING, _("As the government wrote it."),
               lambda r: r.content.get("partnership_sought") or ""),
        Column("campaign", _("Submitted for"), STRING, _("The campaign the action was submitted to."),
               lambda r: r.campaign()),
        Column("announced_at", _("Announced at"), LIST, _("The forums (campaigns) it was announced at."),
               lambda r: r.announced_at()),
        Column("published_at", _("Published on the platform"), DATE, _("Date of first publication."),
               lambda r: r.published_at()),
        Column("revision", _("Version handed over"), INTEGER,
               _("Number of the approved revision the snapshot holds (its history is on the platform)."),
               lambda r: r.entry.get("revision")),
    ]


GCM_COLUMNS = [
    *_common_head(_("Pledge title"), _("Pledge description"), _("Pledging entity"), _("Stakeholder type")),
    Column("action_kind", _("Pledge or practice"), STRING,
           _("A pledge (a new commitment) or a practice (already implemented)."), lambda r: r.kind_label()),
    Column("pledge_modality", _("Pledge modality"), STRING,
           _("UN Network wording. Matching if it answers another pledge; common if other governments pledge with it; "
             "in partnership if organisations take part; individual otherwise."), lambda r: r.gcm_modality()),
    Column("other_pledging_entities", _("Other pledging entities"), LIST,
           _("Governments that confirmed joining the pledge."), lambda r: r.co_pledgers()),
    Column("partners", _("Partners"), LIST, _("Partner organisations, with their kind."), lambda r: r.partners()),
    Column("matched_pledge_id", _("Matched pledge ID"), STRING,
           _("Public identifier of the pledge this one answers."), lambda r: r.entry.get("matches") or ""),
    Column("pledge_type", _("Pledge type"), LIST,
           _("UN Network wording of the action's GCM pledge types (financial, human resource, process-oriented, "
             "policy-oriented)."), lambda r: r.vocabulary_terms(GCM_PLEDGE_TYPES, gcm_pledge_types())),
    Column("gcm_objective_numbers", _("GCM objectives (numbers)"), INTEGERS, _("Numbers 1 to 23."),
           lambda r: r.numbers("gcm_objectives")),
    Column("gcm_objectives", _("GCM objectives"), LIST, _("Number and short label of each objective."),
           lambda r: r.gcm_objectives()),
    Column("guiding_principles", _("GCM guiding principles"), LIST, _("Names of the guiding principles."),
           lambda r: r.guiding_principles()),
    Column("implementation_stage", _("Implementation stage"), STRING,
           _("The pledge's stage when the campaign froze: planning, in progress, fulfilled or discontinued."),
           lambda r: r.stage()),
    *_common_tail(),
]

GCR_COLUMNS = [
    *_common_head(_("Title"), _("Description"), _("Submitting entity"), _("Entity type")),
    Column("pledge_or_good_practice", _("Pledge or good practice"), STRING,
           _("UNHCR wording: a pledge, or a good practice (a practice already implemented)."), lambda r: r.gcr_kind()),
    Column("joint_pledge_with", _("Joint pledge with"), LIST, _("Governments that confirmed joining the pledge."),
           lambda r: r.co_pledgers()),
    Column("partners", _("Partners"), LIST, _("Partner organisations, with their kind."), lambda r: r.partners()),
    Column("gcr_objective_numbers", _("GCR objectives (numbers)"), INTEGERS, _("Numbers 1 to 4."),
           lambda r: r.numbers("gcr_objectives")),
    Column("gcr_objectives", _("GCR objectives"), LIST, _("Number and text of each objective."),
           lambda r: r.gcr_objectives()),
    Column("areas_of_focus", _("Areas of focus"), LIST, _("GCR areas of focus."), lambda r: r.gcr_areas()),
    Column("contribution_type", _("Type of contribution"), LIST,
           _("UNHCR wording of the action's GCR contribution types (financial, material, technical, policy, "
             "resettlement places and complementary pathways, other)."),
           lambda r: r.vocabulary_terms(GCR_CONTRIBUTION_TYPES, gcr_contribution_types())),
    Column("progress_stage", _("Progress stage"), STRING,
           _("UNHCR wording (planning stage, in progress, fulfilled) of the stage when the campaign froze; "
             "“Discontinued” is the platform's, UNHCR has no such stage."), lambda r: r.gcr_stage()),
    *_common_tail(),
]


@dataclass(frozen=True)
class Recipient:
    """A recipient of handover packages: who, which actions (`selects(entry)`), and its columns."""

    key: str
    name: str
    sheet: str
    columns: list
    selects: Callable
    rule: str


def _maps_to_gcm(entry):
    return bool(entry["content"].get("gcm_objectives"))


def _maps_to_gcr(entry):
    content = entry["content"]
    return bool(content.get("gcr_objectives") or content.get("gcr_areas"))


RECIPIENTS = {
    "un_network": Recipient(
        "un_network", _("UN Network on Migration"), "GCM pledges", GCM_COLUMNS, _maps_to_gcm,
        _("Actions mapped to at least one objective of the Global Compact for Migration."),
    ),
    "unhcr": Recipient(
        "unhcr", _("UNHCR"), "GCR pledges", GCR_COLUMNS, _maps_to_gcr,
        _("Actions mapped to at least one objective or area of focus of the Global Compact on Refugees."),
    ),
}


def recipient_choices():
    return [(key, recipient.name) for key, recipient in RECIPIENTS.items()]
