"""Forms of progress updates: the owner's update form (with its evidence links) and the reviewer's decision.

The update form's fields depend on the pledge: one number per indicator of the pledge and one per target group.
"""
import pycountry
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action
from localaction.actions.uploads import ACCEPTED, validate_document
from localaction.core.translation import LANGUAGE_CODES, language_name

from . import services
from .models import ProgressUpdate

INDICATOR_PREFIX = "indicator_"
PEOPLE_PREFIX = "people_"


class DateInput(forms.DateInput):
    """The browser's date picker where there is one; a plain YYYY-MM-DD box elsewhere."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _number(value):
    return floatformat(value, "-2g")


def indicator_help(indicator):
    """What the owner measures against: "Target: 500 by 31 December 2026. Baseline: 0." (the parts known)."""
    parts = []
    if indicator.target is not None and indicator.target_date:
        parts.append(_("Target: %(target)s by %(date)s.") % {"target": _number(indicator.target), "date": date_format(indicator.target_date)})
    elif indicator.target is not None:
        parts.append(_("Target: %(target)s.") % {"target": _number(indicator.target)})
    if indicator.baseline is not None:
        parts.append(_("Baseline: %(baseline)s.") % {"baseline": _number(indicator.baseline)})
    return " ".join(str(part) for part in parts)


class ProgressUpdateForm(forms.Form):
    """Stage, date, what was done (in up to three languages), indicator values, people reached, money, files.

    `update` is the saved update being edited or the unsaved, pre-filled one from services.start_update."""

    stage = forms.ChoiceField(label=_("Stage"), choices=Action.Stage.choices, widget=forms.RadioSelect)
    discontinued_reason = forms.CharField(
        label=_("Why was the pledge discontinued?"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the stage is “Discontinued”; shown on the public page."),
    )
    reported_on = forms.DateField(
        label=_("Situation on"), widget=DateInput(), help_text=_("The date the figures below describe (YYYY-MM-DD)."),
    )
    original_language = forms.ChoiceField(
        label=_("Language you write in"), choices=settings.CONTENT_LANGUAGES,
        help_text=_("Write what was done at least in this language; the other two are optional translations."),
    )
    money_committed = forms.DecimalField(label=_("Money committed so far"), min_value=0, max_digits=16, decimal_places=2, required=False)
    money_spent = forms.DecimalField(label=_("Money spent so far"), min_value=0, max_digits=16, decimal_places=2, required=False)
    currency = forms.CharField(
        label=_("Currency"), max_length=3, min_length=3, help_text=_("Three-letter ISO 4217 code, e.g. USD, EUR, XOF."),
        widget=forms.TextInput(attrs={"size": 4, "autocomplete": "off"}),
    )
    evidence_title = forms.CharField(label=_("Title of the new file"), max_length=200, required=False)
    evidence_file = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args, action, update, **kwargs):
        self.action, self.update = action, update
        self.indicators = list(action.indicators.all())
        saved = update.pk is not None
        if saved:
            indicator_values = dict(update.indicator_values.values_list("indicator_id", "value"))
            people = dict(update.people_reached.values_list("target_group_id", "count"))
        else:
            indicator_values = getattr(update, "prefill_indicator_values", {})
            people = getattr(update, "prefill_people_reached", {})
        self.target_groups = list(services.target_groups(extra_pks=people))
        initial = {name: getattr(update, name) for name in services.UPDATE_FIELDS}
        initial.update({f"{INDICATOR_PREFIX}{pk}": value for pk, value in indicator_values.items()})
        initial.update({f"{PEOPLE_PREFIX}{pk}": count for pk, count in people.items()})
        super().__init__(*args, initial=initial, **kwargs)
        for code in LANGUAGE_CODES:
            self.fields[f"narrative_{code}"] = forms.CharField(
                label=capfirst(ProgressUpdate._meta.get_field(f"narrative_{code}").verbose_name), required=False,
                widget=forms.Textarea(attrs={"rows": 6, "cols": 60, "lang": code}),
            )
        for indicator in self.indicators:
            label = f"{indicator.name} ({indicator.unit})" if indicator.unit else indicator.name
            self.fields[f"{INDICATOR_PREFIX}{indicator.pk}"] = forms.DecimalField(
                label=label, required=False, max_digits=16, decimal_places=2, help_text=indicator_help(indicator),
            )
        for term in self.target_groups:
            # The column is a 32-bit integer: a larger number is a typo, refused next to the field, not a crash.
            self.fields[f"{PEOPLE_PREFIX}{term.pk}"] = forms.IntegerField(
                label=str(term), required=False, min_value=0, max_value=2_147_483_647
            )
        self.fields["evidence_file"].help_text = _("%(accepted)s; at most %(limit)s.") % {
            "accepted": ACCEPTED, "limit": filesizeformat(settings.LOCALACTION_MAX_UPLOAD_BYTES),
        }
        self.files_kept = list(update.evidence.exclude(file="")) if saved else []
        if self.files_kept:
            self.fields["remove_files"] = forms.TypedMultipleChoiceField(
                label=_("Remove these files"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple,
                choices=[(evidence.pk, evidence.title) for evidence in self.files_kept],
            )

    # ------------------------------------------------------------ groups of fields, for the template

    def _group(self, names):
        return [self[name] for name in names if name in self.fields]

    def situation_fields(self):
        return self._group(["stage", "discontinued_reason", "reported_on"])

    def narrative_fields(self):
        return self._group(["original_language", *(f"narrative_{code}" for code in LANGUAGE_CODES)])

    def indicator_fields(self):
        return self._group(f"{INDICATOR_PREFIX}{indicator.pk}" for indicator in self.indicators)

    def people_fields(self):
        return self._group(f"{PEOPLE_PREFIX}{term.pk}" for term in self.target_groups)

    def money_fields(self):
        return self._group(["money_committed", "money_spent", "currency"])

    def file_fields(self):
        return self._group(["remove_files", "evidence_title", "evidence_file"])

    # ------------------------------------------------------------ checks

    def clean_currency(self):
        code = self.cleaned_data["currency"].strip().upper()
        if pycountry.currencies.get(alpha_3=code) is None:
            raise forms.ValidationError(_("“%(code)s” is not an ISO 4217 currency code (such as USD or EUR)."), params={"code": code})
        return code

    def clean_reported_on(self):
        day = self.cleaned_data["reported_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if self.action.start_date and day < self.action.start_date:
            raise forms.ValidationError(
                _("The date cannot be before the pledge starts (%(date)s)."), params={"date": date_format(self.action.start_date)}
            )
        return day

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            kind = validate_document(upload)
            # The stored name's extension follows the content, never the name the sender chose.
            upload.name = f"evidence.{kind}"
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stage") == Action.Stage.DISCONTINUED and not cleaned.get("discontinued_reason", "").strip():
            self.add_error("discontinued_reason", _("Say why the pledge was discontinued."))
        language = cleaned.get("original_language")
        if language and not cleaned.get(f"narrative_{language}", "").strip():
            self.add_error(f"narrative_{language}", _("Say what was done, in the language you chose above (%(language)s).") % {
                "language": language_name(language),
            })
        if cleaned.get("evidence_title") and not cleaned.get("evidence_file") and "evidence_file" not in self.errors:
            self.add_error("evidence_file", _("Choose a file to upload, or clear its title."))
        if cleaned.get("evidence_file") and not cleaned.get("evidence_title"):
            self.add_error("evidence_title", _("Give the file a title."))
        return cleaned

    def service_data(self, links):
        """The cleaned values in the shape services.save_update takes; `links` is the valid links formset."""
        data = {name: self.cleaned_data[name] for name in services.UPDATE_FIELDS}
        data["indicator_values"] = {i.pk: self.cleaned_data[f"{INDICATOR_PREFIX}{i.pk}"] for i in self.indicators}
        data["people_reached"] = {t.pk: self.cleaned_data[f"{PEOPLE_PREFIX}{t.pk}"] for t in self.target_groups}
        data["links"] = links.links()
        data["remove_files"] = self.cleaned_data.get("remove_files") or []
        if self.cleaned_data.get("evidence_file"):
            data["new_file"] = (self.cleaned_data["evidence_title"], self.cleaned_data["evidence_file"])
        return data


class LinkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    url = forms.URLField(label=_("Address"), max_length=500, required=False, assume_scheme="https")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("url", _("Give the address of the page, or clear its title."))
        return cleaned


class BaseLinkFormSet(forms.BaseFormSet):
    """Links to evidence on the web; empty rows let people add more without JavaScript (save for more rows)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.legend = _("Link %(number)s") % {"number": i + 1}
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")

    def links(self):
        """[{"title", "url"}] of the rows kept, in order; a link without a title is titled by its address."""
        kept = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("url") and not data.get("DELETE"):
                kept.append({"title": data.get("title") or data["url"][:200], "url": data["url"]})
        return kept


LinkFormSet = forms.formset_factory(LinkForm, formset=BaseLinkFormSet, extra=2, can_delete=True, can_delete_extra=False)


def link_formset(update, data=None):
    """The links of `update` (none for a new one) as a formset, bound to `data` when posted."""
    initial = [{"title": e.title, "url": e.url} for e in update.evidence.exclude(url="")] if update.pk else []
    return LinkFormSet(data, initial=initial, prefix="links")


def error_list(form, links):
    """[{"anchor", "label", "message"}] for the error summary at the top of the page, in the page's order."""
    errors = [{"anchor": "", "label": "", "message": message} for message in form.non_field_errors()]
    for field in form:
        errors += [{"anchor": field.auto_id, "label": str(field.label), "message": message} for message in field.errors]
    errors += [{"anchor": "", "label": "", "message": message} for message in links.non_form_errors()]
    for row in links.forms:
        for field in row:
            errors += [{"anchor": field.auto_id, "label": f"{row.legend} — {field.label}", "message": m} for m in field.errors]
    return errors


class DecisionForm(forms.Form):
    """A reviewer publishes a submitted update or returns it with comments (required then)."""

    PUBLISH = "publish"
    RETURN = "return"

    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(PUBLISH, _("Publish the update")), (RETURN, _("Return it with comments"))],
    )
    note = forms.CharField(
        label=_("Comments for the government"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the update: say what to change."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.RETURN and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say what needs to change."))
        return cleaned


class PracticeForm(forms.Form):
    """Show a fulfilled pledge with the practices in the catalog, or not."""

    show_as_practice = forms.BooleanField(label=_("Show this fulfilled pledge with the practices in the catalog"), required=False)
