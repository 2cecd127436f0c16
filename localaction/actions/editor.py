"""The steps of the action editor: what each step shows and saves, where each checklist item is fixed, and which
steps already hold something. The views in workspace_views.py drive it."""
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import LANGUAGE_CODES

from . import forms
from .models import Action, CoPledger, Document, Indicator, Link, Partner

STEPS = [
    ("basics", _("Basics")),
    ("mapping", _("Compacts and themes")),
    ("people", _("Partners")),
    ("money", _("Dates, budget and indicators")),
    ("documents", _("Links and documents")),
    ("translations", _("Translations")),
    ("review", _("Check and submit")),
]
STEP_KEYS = [key for key, _label in STEPS]
FIRST_STEP = STEP_KEYS[0]
REVIEW_STEP = STEP_KEYS[-1]

# The step where each item of services.CHECKLIST is fixed.
CHECKLIST_STEPS = {
    "title": "basics", "summary": "basics", "mapping": "mapping", "target_groups": "mapping",
    "time_bound": "money", "measurable": "money",
}


def next_step(step):
    index = STEP_KEYS.index(step)
    return STEP_KEYS[min(index + 1, len(STEP_KEYS) - 1)]


@dataclass
class Part:
    """One section of a step's page: a heading and the form or formset under it."""

    key: str
    heading: str
    form: object
    intro: str = ""

    @property
    def is_formset(self):
        return isinstance(self.form, BaseFormSet)


def step_parts(step, action, data=None, files=None):
    """The parts of `step` for `action`, bound to the posted data when there is some."""
    if step == "basics":
        return [Part("basics", _("About the action"), forms.BasicsForm(data, action=action))]
    if step == "mapping":
        return [Part(
            "mapping", _("What it implements and whom it serves"), forms.MappingForm(data, action=action),
            _("Before submitting, choose at least one GCM objective, GCR objective or GCR area of focus, "
              "and at least one target group."),
        )]
    if step == "people":
        return [
            Part("partners", _("Partner organisations"), forms.PartnerFormSet(data, instance=action, prefix="partners"),
                 _("Fill in the empty rows to add organisations; save to get more rows.")),
            Part("matching", _("Matching and partnership sought"), forms.MatchingForm(data, action=action)),
        ]
    if step == "money":
        return [
            Part("money", _("Dates and money"), forms.MoneyForm(data, action=action)),
            Part("indicators", _("Indicators and targets"),
                 forms.IndicatorFormSet(data, instance=action, prefix="indicators"),
                 _("Pledges need at least one indicator with a target.")),
        ]
    if step == "documents":
        return [
            Part("links", _("Links"), forms.LinkFormSet(data, instance=action, prefix="links")),
            Part("documents", _("Documents"), forms.DocumentFormSet(data, instance=action, prefix="documents")),
            Part("upload", _("Add a document"), forms.UploadForm(data, files, action=action)),
        ]
    if step == "translations":
        return [Part(
            "translations", _("Translations"), forms.TranslationsForm(data, action=action),
            _("Readers see the action in their language when a translation exists, otherwise in its original language."),
        )]
    raise ValueError(step)


def all_valid(parts):
    # A list, not a generator: every part is validated so every error is shown at once.
    return all([part.form.is_valid() for part in parts])


def save_parts(parts):
    """Save every part of a step; the names of the fields that changed."""
    changed = []
    for part in parts:
        changed.extend(part.form.save_changes())
    return sorted(set(changed))


def error_list(parts, files=None):
    """[{"anchor", "label", "message"}] for the error summary at the top of a step's page."""
    errors = []

    def add_form(form, prefix=""):
        errors.extend({"anchor": "", "label": "", "message": message} for message in form.non_field_errors())
        for field in form:
            for message in field.errors:
                label = f"{prefix} — {field.label}" if prefix else str(field.label)
                errors.append({"anchor": field.auto_id, "label": label, "message": message})

    for part in parts:
        if part.is_formset:
            errors.extend({"anchor": "", "label": str(part.heading), "message": m} for m in part.form.non_form_errors())
            for row in part.form.forms:
                add_form(row, row.legend)
        else:
            add_form(part.form)
    if errors and files and any(name.startswith("upload-") for name in files):
        errors.append({"anchor": "id_upload-file", "label": "", "message": _(
            "Files are not kept when a page has errors: choose the file again."
        )})
    return errors


def steps_with_data(action):
    """{step: True} for the steps in which the action already holds something (for the ✓ markers)."""

    def exists(model, **lookups):
        return Exists(model.objects.filter(**lookups))

    def linked(field):
        return exists(getattr(Action, field).through, action_id=OuterRef("pk"))

    mapping_fields = ("terms", *forms.REFERENCE_FIELDS)
    flags = Action.objects.filter(pk=action.pk).annotate(
        **{f"has_{field}": linked(field) for field in mapping_fields},
        has_partners=exists(Partner, action_id=OuterRef("pk")),
        has_copledgers=exists(CoPledger, action_id=action.revision_of_id or action.pk),
        has_indicators=exists(Indicator, action_id=OuterRef("pk")),
        has_links=exists(Link, action_id=OuterRef("pk")),
        has_documents=exists(Document, action_id=OuterRef("pk")),
    ).values(*(f"has_{field}" for field in mapping_fields), "has_partners", "has_copledgers", "has_indicators",
             "has_links", "has_documents").get()
    others = [code for code in LANGUAGE_CODES if code != action.original_language]
    return {
        "basics": bool(getattr(action, f"title_{action.original_language}")),
        "mapping": any(flags[f"has_{field}"] for field in mapping_fields),
        "people": bool(flags["has_partners"] or flags["has_copledgers"] or action.matches_id or action.inspired_by_id
                       or action.partnership_sought),
        "money": bool(flags["has_indicators"] or action.start_date or action.end_date or action.budget is not None
                      or action.funding_sources or action.unmet_funding_need is not None),
        "documents": bool(flags["has_links"] or flags["has_documents"]),
        "translations": any(getattr(action, f"{field}_{code}") for code in others for field in forms.TEXT_FIELDS),
        "review": False,
    }


def step_navigation(action, current):
    """The list of steps for the navigation: key, label, whether it is current and whether it holds data."""
    filled = steps_with_data(action) if action is not None else {}
    return [
        {"key": key, "label": label, "current": key == current, "has_data": filled.get(key, False)}
        for key, label in STEPS
    ]
