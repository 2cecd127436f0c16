"""The offline template of one action: an XLSX workbook, in the reader's language, with the editor's fields —
one field per row (label, help, answer) — and drop-down lists from a hidden sheet for every closed choice.
Multiple choices (objectives, SDGs, themes, target groups) are one yes/no row per option, as the editor's
checkboxes are.

A filled template is uploaded into a new draft through the editor's own forms, so it is checked exactly as the
editor checks, and its errors read like the editor's ("Partner organisation 2 — Website: Enter a valid URL.").
An existing action can be written into the same template (round trip: export, upload, same action).

Column A holds each row's stable key (hidden): labels are translated, keys are not, so a template filled in
French reads back whatever the interface language of the person who uploads it.
"""
import io
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from localaction.actions import editor, services
from localaction.actions.forms import BasicsForm
from localaction.actions.models import Action, Partner
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES, current_language, language_name
from localaction.taxonomy.models import SDG, GCMObjective, GCRArea, GCRObjective, Term

from .normalise import Choice, Invalid, boolean, cell_text, date_value, decimal_value, fold, labels_in_all_languages
from .reading import UnreadableFile, is_xlsx

SHEET, LISTS = "Action", "Lists"
TEXT_FIELDS = ("title", "summary", "description", "goals")
ROWS = 5  # empty rows offered for partners, indicators and links (more when an exported action has more)
EDITOR_STEPS = ("mapping", "people", "money", "documents", "translations")


class TemplateErrors(Exception):
    """The uploaded template cannot become a draft; `errors` as the editor lists them: [{"label", "message"}]."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Row:
    """One line of the template: stable key, label, help, a list name for a drop-down, and a heading flag."""

    key: str
    label: str
    hint: str = ""
    choices: str = ""
    heading: bool = False


def _lists(language):
    """{list name: [labels]} for the hidden sheet, in the template's language."""
    yes_no = [_("yes"), _("no")]
    return {
        "kind": [str(label) for _value, label in Action.Kind.choices],
        "stage": [str(label) for _value, label in Action.Stage.choices],
        "language": [language_name(code) for code in LANGUAGE_CODES],
        "yes_no": yes_no,
        "partner_kind": [str(label) for _value, label in Partner.Kind.choices],
        "campaign": [str(campaign) for campaign in Campaign.objects.order_by("-forum_date")],
    }


def _text_rows(prefix, label):
    return [Row(f"{prefix}{field}", f"{label[field]}") for field in TEXT_FIELDS]


def template_rows(partners=ROWS, indicators=ROWS, links=ROWS):
    """Every row of the template, in the active language."""
    labels = {"title": _("Title"), "summary": _("Summary"), "description": _("Description"), "goals": _("Goals")}
    rows = [
        Row("", _("About the action"), heading=True),
        Row("kind", _("Kind"), _("A practice is already implemented; a pledge is a new, measurable, time-bound commitment."), "kind"),
        Row("stage", _("Stage (pledges only)"), "", "stage"),
        Row("original_language", _("Language you write in"), _("The title, summary, description and goals below are in this language."), "language"),
        *_text_rows("", labels),
        Row("campaign", _("Campaign"), _("The cohort this action is collected for, such as a forum of the UN."), "campaign"),
        Row("", _("GCM objectives"), _("Answer yes for each objective the action implements."), heading=True),
        *[Row(f"gcm_objectives:{o.number}", f"{o.number}. {o.t.title}", "", "yes_no") for o in GCMObjective.objects.all()],
        Row("", _("GCR objectives"), heading=True),
        *[Row(f"gcr_objectives:{o.number}", f"{o.number}. {o.t.text}", "", "yes_no") for o in GCRObjective.objects.all()],
        Row("", _("GCR areas of focus"), heading=True),
        *[Row(f"gcr_areas:{a.key}", str(a.t.name), "", "yes_no") for a in GCRArea.objects.all()],
        Row("", _("Sustainable Development Goals"), heading=True),
        *[Row(f"sdgs:{s.number}", str(s), "", "yes_no") for s in SDG.objects.all()],
    ]
    vocabulary = None
    for term in Term.objects.filter(is_active=True).select_related("vocabulary").order_by("vocabulary__position", "vocabulary__key", "position", "key"):
        if term.vocabulary != vocabulary:
            vocabulary = term.vocabulary
            rows.append(Row("", str(vocabulary), heading=True))
        rows.append(Row(f"term:{vocabulary.key}:{term.key}", str(term), "", "yes_no"))
    rows.append(Row("", _("Partner organisations"), heading=True))
    for number in range(1, partners + 1):
        rows += [Row(f"partners:{number}:name", _("Partner organisation %(number)s — name") % {"number": number}),
                 Row(f"partners:{number}:kind", _("Partner organisation %(number)s — kind") % {"number": number}, "", "partner_kind"),
                 Row(f"partners:{number}:website", _("Partner organisation %(number)s — website") % {"number": number})]
    rows += [
        Row("answers", _("Answers the pledge (its identifier)"), _("The 8-character identifier shown on the pledge’s public page.")),
        Row("partnership_sought", _("Partnership sought"), _("Who you would like to work with, and on what.")),
        Row("", _("Dates and money"), heading=True),
        Row("start_date", _("Start date"), _("As a date, or written 2025-12-31.")),
        Row("end_date", _("End date"), _("Pledges need a start and an end date.")),
        Row("budget", _("Budget")),
        Row("currency", _("Currency"), _("Three-letter ISO 4217 code, e.g. USD, EUR, XOF.")),
        Row("funding_sources", _("Funding sources")),
        Row("unmet_funding_need", _("Unmet funding need"), _("The part of the budget not funded yet.")),
        Row("", _("Indicators and targets"), _("Pledges need at least one indicator with a target."), heading=True),
    ]
    for number in range(1, indicators + 1):
        for field, label in (("name", _("name")), ("unit", _("unit")), ("baseline", _("baseline")), ("target", _("target")),
                             ("target_date", _("target date"))):
            rows.append(Row(f"indicators:{number}:{field}", _("Indicator %(number)s — %(field)s") % {"number": number, "field": label}))
    rows.append(Row("", _("Links"), heading=True))
    for number in range(1, links + 1):
        rows += [Row(f"links:{number}:url", _("Link %(number)s — address") % {"number": number}),
                 Row(f"links:{number}:title", _("Link %(number)s — title") % {"number": number})]
    rows.append(Row("", _("Translations"), _("The text in the other languages; leave the original language empty."), heading=True))
    for code in LANGUAGE_CODES:
        name = language_name(code)
        rows += [Row(f"{field}_{code}", f"{labels[field]} ({name})") for field in TEXT_FIELDS]
        rows.append(Row(f"provided_{code}", _("This translation is complete (%(language)s)") % {"language": name}, "", "yes_no"))
    return rows


# ---------------------------------------------------------------- writing


def _set_text(cell, value):
    cell.value = value
    if isinstance(value, str):
        # Text stays text: a title that starts with "=" is not a formula (and keeps its exact characters).
        cell.data_type = "s"


def build(government, action=None, language=None):
    """The template's bytes, empty or filled with `action`, in `language` (default: the active one)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        values = export_values(action) if action is not None else {}
        counts = {name: max(ROWS, len([k for k in values if k.startswith(f"{name}:") and k.endswith(":" + first)]) + 2)
                  for name, first in (("partners", "name"), ("indicators", "name"), ("links", "url"))} if action else {}
        rows = template_rows(**counts)
        lists = _lists(language)
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET
        workbook.properties.title = _("Local action template")
        workbook.properties.creator = _("Local Action")
        sheet.append(["key", _("Field"), _("Help"), _("Your answer")])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        _set_text(sheet.cell(row=1, column=6), _("Government: %(name)s") % {"name": government.name})
        list_sheet = workbook.create_sheet(LISTS)
        list_sheet.sheet_state = "hidden"
        validations = {}
        for column, (name, labels) in enumerate(lists.items(), start=1):
            letter = list_sheet.cell(row=1, column=column).column_letter
            for row, label in enumerate(labels or ["—"], start=1):
                _set_text(list_sheet.cell(row=row, column=column), label)
            validation = DataValidation(type="list", formula1=f"={LISTS}!${letter}$1:${letter}${max(len(labels), 1)}", allow_blank=True)
            validation.error = _("Choose a value from the list.")
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validations[name] = validation
        heading_fill = PatternFill("solid", fgColor="DDDDDD")
        for number, row in enumerate(rows, start=2):
            _set_text(sheet.cell(row=number, column=1), row.key or None)
            _set_text(sheet.cell(row=number, column=2), str(row.label))
            _set_text(sheet.cell(row=number, column=3), str(row.hint) or None)
            if row.heading:
                for column in (2, 3, 4):
                    sheet.cell(row=number, column=column).fill = heading_fill
                sheet.cell(row=number, column=2).font = Font(bold=True)
                continue
            value = values.get(row.key)
            if value is not None:
                _set_text(sheet.cell(row=number, column=4), _display(value, row, lists))
            sheet.cell(row=number, column=4).alignment = Alignment(wrap_text=True, vertical="top")
            if row.choices:
                validations[row.choices].add(sheet.cell(row=number, column=4))
        sheet.column_dimensions["A"].hidden = True
        sheet.column_dimensions["B"].width = 50
        sheet.column_dimensions["C"].width = 40
        sheet.column_dimensions["D"].width = 60
        sheet.freeze_panes = "B2"
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def _display(value, row, lists):
    if isinstance(value, bool):
        return lists["yes_no"][0] if value else lists["yes_no"][1]
    return value


def export_values(action):
    """{row key: value} of an existing action, as the template holds it."""
    language = action.original_language
    values = {
        "kind": str(action.get_kind_display()), "stage": str(action.get_stage_display()) if action.stage else None,
        "original_language": language_name(language),
        "campaign": str(action.campaign) if action.campaign_id else None,
        "answers": action.matches.public_id if action.matches_id else None,
        "partnership_sought": action.partnership_sought or None,
        "start_date": action.start_date, "end_date": action.end_date, "budget": action.budget, "currency": action.currency,
        "funding_sources": action.funding_sources or None, "unmet_funding_need": action.unmet_funding_need,
    }
    values.update({field: getattr(action, f"{field}_{language}") or None for field in TEXT_FIELDS})
    for name, attribute in (("gcm_objectives", "number"), ("gcr_objectives", "number"), ("gcr_areas", "key"), ("sdgs", "number")):
        for item in getattr(action, name).all():
            values[f"{name}:{getattr(item, attribute)}"] = True
    for term in action.terms.select_related("vocabulary"):
        values[f"term:{term.vocabulary.key}:{term.key}"] = True
    for number, partner in enumerate(action.partners.all(), start=1):
        values.update({f"partners:{number}:name": partner.name, f"partners:{number}:kind": str(partner.get_kind_display()),
                       f"partners:{number}:website": partner.website or None})
    for number, indicator in enumerate(action.indicators.all(), start=1):
        values.update({f"indicators:{number}:name": indicator.name, f"indicators:{number}:unit": indicator.unit or None,
                       f"indicators:{number}:baseline": indicator.baseline, f"indicators:{number}:target": indicator.target,
                       f"indicators:{number}:target_date": indicator.target_date})
    for number, link in enumerate(action.links.all(), start=1):
        values.update({f"links:{number}:url": link.url, f"links:{number}:title": link.title or None})
    for code in LANGUAGE_CODES:
        if code == language:
            continue
        values.update({f"{field}_{code}": getattr(action, f"{field}_{code}") or None for field in TEXT_FIELDS})
        values[f"provided_{code}"] = action.translation_state(code) in ("submitted", "checked")
    return {key: value for key, value in values.items() if value is not None}


# ---------------------------------------------------------------- reading back


def read_answers(handle):
    """{key: (label, answer)} from an uploaded template."""
    handle.seek(0)
    if not is_xlsx(handle.read(8), handle):
        raise UnreadableFile(_("This file is not an Excel workbook (XLSX): upload the template you downloaded."))
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(_("This Excel file cannot be read: %(error)s") % {"error": error}) from error
    if SHEET not in workbook.sheetnames:
        raise UnreadableFile(_("This workbook is not the action template (it has no “Action” sheet)."))
    answers = {}
    for cells in workbook[SHEET].iter_rows(min_row=2, max_col=4, values_only=True):
        key = cell_text(cells[0]) if cells else ""
        if key:
            answers[key] = (cell_text(cells[1]), cells[3] if len(cells) > 3 else None)
    workbook.close()
    if "kind" not in answers or "title" not in answers:
        raise UnreadableFile(_("This workbook is not the action template (its field keys are missing)."))
    return answers


class _Reader:
    """Turns the answers into the editor's form data, noting cells that cannot be read."""

    def __init__(self, answers):
        self.answers = answers
        self.errors = []
        self.kind = Choice(_table(Action.Kind), _("“%(value)s” is neither a practice nor a pledge."))
        self.stage = Choice(_table(Action.Stage), _("“%(value)s” is not a stage."))
        self.partner_kind = Choice(_table(Partner.Kind), _("“%(value)s” is not a kind of partner."))
        languages = {}
        for code in LANGUAGE_CODES:
            for interface in LANGUAGE_CODES:
                with translation.override(interface):
                    languages[fold(language_name(code))] = code
            languages[code] = code
        self.language = Choice(languages, _("“%(value)s” is not one of the languages English, French or Spanish."))
        self.campaigns = {}
        for campaign in Campaign.objects.all():
            for name in (campaign.slug, campaign.name_en, campaign.name_fr, campaign.name_es, str(campaign)):
                if name:
                    self.campaigns.setdefault(fold(name), str(campaign.pk))

    def raw(self, key):
        return self.answers.get(key, ("", None))[1]

    def value(self, key, convert=cell_text, default=""):
        label, raw = self.answers.get(key, ("", None))
        try:
            value = convert(raw)
        except Invalid as error:
            self.errors.append({"anchor": "", "label": label, "message": str(error)})
            return default
        return default if value in (None, "") else value

    def text(self, key):
        return self.value(key)

    def chosen(self, prefix):
        return [key.split(":", 1)[1] for key in self.answers if key.startswith(prefix + ":") and self.value(key, boolean, False)]

    def campaign(self):
        text = fold(cell_text(self.raw("campaign")))
        if text and text not in self.campaigns:
            self.errors.append({"anchor": "", "label": self.answers["campaign"][0],
                                "message": _("“%(value)s” is not a campaign.") % {"value": cell_text(self.raw("campaign"))}})
        return self.campaigns.get(text, "")


def _table(choices):
    return {fold(label): value for value, labels in labels_in_all_languages(choices).items() for label in [value, *labels]}


def _iso(value):
    return value.isoformat() if value else ""


def _amount(value):
    return str(value) if value is not None else ""


def form_data(answers):
    """{step: MultiValueDict} of form data for the editor's steps, and the errors of unreadable cells."""
    reader = _Reader(answers)
    kind = reader.value("kind", reader.kind)
    basics = {
        "kind": kind, "stage": reader.value("stage", reader.stage),
        "original_language": reader.value("original_language", reader.language) or current_language(),
        "campaign": reader.campaign(), **{field: reader.text(field) for field in TEXT_FIELDS},
    }
    mapping = MultiValueDict({name: reader.chosen(name) for name in ("gcm_objectives", "gcr_objectives", "gcr_areas", "sdgs")})
    terms = Term.objects.filter(is_active=True).select_related("vocabulary")
    by_key = {f"{term.vocabulary.key}:{term.key}": term for term in terms}
    for key in reader.chosen("term"):
        if key in by_key:
            mapping.appendlist(f"vocabulary_{by_key[key].vocabulary.key}", str(by_key[key].pk))
    people = _formset(reader, "partners", ("name", "kind", "website"), {"kind": reader.partner_kind})
    people.update({"answers": reader.text("answers"), "partnership_sought": reader.text("partnership_sought")})
    money = _formset(reader, "indicators", ("name", "unit", "baseline", "target", "target_date"),
                     {"baseline": lambda v: _amount(decimal_value(v)), "target": lambda v: _amount(decimal_value(v)),
                      "target_date": lambda v: _iso(date_value(v))})
    money.update({
        "start_date": reader.value("start_date", lambda v: _iso(date_value(v))),
        "end_date": reader.value("end_date", lambda v: _iso(date_value(v))),
        "budget": reader.value("budget", lambda v: _amount(decimal_value(v))),
        "unmet_funding_need": reader.value("unmet_funding_need", lambda v: _amount(decimal_value(v))),
        "currency": reader.text("currency") or "USD", "funding_sources": reader.text("funding_sources"),
    })
    documents = _formset(reader, "links", ("url", "title"), {})
    documents.update({"documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0"})
    translations = {}
    for code in LANGUAGE_CODES:
        translations.update({f"{field}_{code}": reader.text(f"{field}_{code}") for field in TEXT_FIELDS})
        if reader.value(f"provided_{code}", boolean, False):
            translations[f"provided_{code}"] = "on"
    steps = {"basics": basics, "people": people, "money": money, "documents": documents, "translations": translations}
    data = {step: MultiValueDict({key: [value] for key, value in values.items()}) for step, values in steps.items()}
    data["mapping"] = mapping
    return data, reader.errors


def _formset(reader, prefix, fields, converters):
    numbers = sorted({int(key.split(":")[1]) for key in reader.answers if key.startswith(prefix + ":")})
    rows = []
    for number in numbers:
        row = {field: reader.value(f"{prefix}:{number}:{field}", converters.get(field, cell_text)) for field in fields}
        if any(row.values()):
            if prefix == "partners" and not row["kind"]:
                row["kind"] = Partner.Kind.OTHER
            rows.append(row)
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


@transaction.atomic
def upload(government, by, handle):
    """A new draft of `government` from a filled template, checked by the editor's forms; TemplateErrors (and
    nothing created) when any field is wrong."""
    data, errors = form_data(read_answers(handle))
    basics = BasicsForm(data["basics"])
    if not basics.is_valid() or errors:
        raise TemplateErrors(errors + editor.error_list([editor.Part("basics", "", basics)]))
    action = services.create_draft(government, by, editor_step=editor.FIRST_STEP, **basics.field_values())
    changed = []
    for step in EDITOR_STEPS:
        if step == "translations":
            # The step's form offers the languages other than the original one: drop the original's cells.
            data[step] = MultiValueDict({k: v for k, v in data[step].lists() if not k.endswith("_" + action.original_language)})
        parts = editor.step_parts(step, action, data[step], MultiValueDict())
        if editor.all_valid(parts):
            changed += editor.save_parts(parts)
        else:
            errors += editor.error_list(parts)
    if errors:
        raise TemplateErrors(errors)  # leaving the atomic block by an exception removes the draft again
    services.save_step(action, by, "translations", sorted(set(changed)))
    return action
