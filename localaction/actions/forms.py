"""Forms of the action editor. Each step's forms write their own fields when saved and return the names of the
fields they changed, which services.save_step records in the activity log.

Every form and formset here has `save_changes() -> [field names]`, so the editor can save a step's parts alike.
"""
import pycountry
from django import forms
from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from localaction.campaigns.models import Campaign
from localaction.campaigns.windows import submission_window_error, window_note
from localaction.core.translation import LANGUAGE_CODES, language_name
from localaction.governments.models import Government
from localaction.taxonomy.models import SDG, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Term

from .models import Action, CoPledger, Document, Indicator, Link, Partner, validate_inspired_by
from .uploads import ACCEPTED, validate_document

TEXT_FIELDS = ("title", "summary", "description", "goals")
REFERENCE_FIELDS = ("gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs")
VOCABULARY_PREFIX = "vocabulary_"
_EXTENSIONS = {"pdf": "pdf", "png": "png", "jpg": "jpg", "docx": "docx", "xlsx": "xlsx", "odt": "odt"}


class DateInput(forms.DateInput):
    """The browser's date picker where there is one; a plain YYYY-MM-DD box elsewhere."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _textarea(rows, **attrs):
    return forms.Textarea(attrs={"rows": rows, "cols": 60, **attrs})


# ---------------------------------------------------------------- basics


def campaigns_open_first():
    """Campaigns whose submission window is open now come first, then the others, newest forum first."""
    today = timezone.localdate()
    return Campaign.objects.annotate(
        closed=Case(When(opens_on__lte=today, closes_on__gte=today, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("closed", "-forum_date")


class CampaignChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, campaign):
        state = campaign.window_state()
        if state == Campaign.WINDOW_OPEN:
            return _("%(name)s (open until %(date)s)") % {"name": campaign, "date": date_format(campaign.closes_on)}
        if state == Campaign.WINDOW_UPCOMING:
            return _("%(name)s (opens on %(date)s)") % {"name": campaign, "date": date_format(campaign.opens_on)}
        return _("%(name)s (closed on %(date)s)") % {"name": campaign, "date": date_format(campaign.closes_on)}


class BasicsForm(forms.Form):
    """Kind, language and the text of the action in the language it is written in."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=Action.Kind.choices, widget=forms.RadioSelect,
        help_text=_("A practice is already implemented; a pledge is a new, measurable, time-bound commitment."),
    )
    stage = forms.ChoiceField(
        label=_("Stage (pledges only)"), choices=[("", "—"), *Action.Stage.choices], required=False, initial=Action.Stage.PLANNING,
    )
    original_language = forms.ChoiceField(
        label=_("Language you write in"), choices=settings.CONTENT_LANGUAGES,
        help_text=_("The title, summary, description and goals below are in this language; "
                    "the translations step takes the other two."),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=_textarea(3),
        help_text=_("Two or three sentences, shown in lists and search results."),
    )
    description = forms.CharField(label=_("Description"), required=False, widget=_textarea(8))
    goals = forms.CharField(label=_("Goals"), required=False, widget=_textarea(4))
    campaign = CampaignChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.none(), required=False,
        help_text=_("The cohort this action is collected for, such as a forum of the UN. Open campaigns come first."),
    )

    def __init__(self, *args, action=None, **kwargs):
        self.action = action
        if action is not None:
            language = action.original_language
            kwargs["initial"] = {
                "kind": action.kind, "stage": action.stage, "original_language": language, "campaign": action.campaign_id,
                **{field: getattr(action, f"{field}_{language}") for field in TEXT_FIELDS},
            }
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns_open_first()
        if action is not None and action.campaign_id:
            # The chosen campaign's window, next to the field: why the action could not be submitted, or until when.
            note = submission_window_error(action.campaign, action) or window_note(action.campaign)
            self.fields["campaign"].help_text = f"{self.fields['campaign'].help_text} {note}"
        if action is not None and action.revision_of_id:
            # Once published, a pledge's stage moves with its progress updates, not with edits of its text.
            self.fields["stage"].disabled = True
            self.fields["stage"].help_text = _("After publication, the stage changes through progress updates.")

    def clean_campaign(self):
        campaign = self.cleaned_data.get("campaign")
        error = submission_window_error(campaign, self.action, drafting=True)
        if error:
            raise forms.ValidationError(error)
        return campaign

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Action.Kind.PLEDGE and not cleaned.get("stage"):
            self.add_error("stage", _("Choose the stage the pledge is at."))
        if cleaned.get("kind") == Action.Kind.PRACTICE:
            cleaned["stage"] = ""
        return cleaned

    def field_values(self):
        """The model fields this form sets, e.g. {"kind": …, "title_fr": …} — for services.create_draft."""
        data, language = self.cleaned_data, self.cleaned_data["original_language"]
        values = {name: data[name] for name in ("kind", "stage", "original_language", "campaign")}
        values.update({f"{field}_{language}": data[field] for field in TEXT_FIELDS})
        return values

    def save_changes(self):
        action, data = self.action, self.cleaned_data
        previous, language = action.original_language, data["original_language"]
        values = {name: data[name] for name in ("kind", "stage", "original_language", "campaign")}
        for field in TEXT_FIELDS:
            typed = data[field]
            if language != previous and typed == getattr(action, f"{field}_{previous}"):
                # Only the language changed, not the text. A translation already in the new language becomes
                # the original (the old text stays as a translation); otherwise the text moves to its right column.
                if getattr(action, f"{field}_{language}"):
                    continue
                values[f"{field}_{previous}"] = ""
            values[f"{field}_{language}"] = typed
        changed = [name for name, value in values.items() if getattr(action, name) != value]
        if language != previous and language in action.translation_status:
            action.translation_status = {k: v for k, v in action.translation_status.items() if k != language}
            changed.append("translation_status")
        for name, value in values.items():
            setattr(action, name, value)
        action.save()
        return changed


# ---------------------------------------------------------------- mapping


class MappingForm(forms.Form):
    """The Compacts' objectives, the SDGs, and one list per vocabulary (built from the Vocabulary table)."""

    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GCMObjective.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    guiding_principles = forms.ModelMultipleChoiceField(
        label=_("GCM guiding principles"), queryset=GuidingPrinciple.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    gcr_objectives = forms.ModelMultipleChoiceField(
        label=_("GCR objectives"), queryset=GCRObjective.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    gcr_areas = forms.ModelMultipleChoiceField(
        label=_("GCR areas of focus"), queryset=GCRArea.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"), queryset=SDG.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, action, **kwargs):
        self.action = action
        self.chosen = {name: set(getattr(action, name).values_list("pk", flat=True)) for name in REFERENCE_FIELDS}
        self.chosen_terms = set(action.terms.values_list("pk", flat=True))
        kwargs["initial"] = {name: sorted(pks, key=str) for name, pks in self.chosen.items()}
        super().__init__(*args, **kwargs)
        # Active terms, plus retired ones the action already has (so saving does not silently drop them).
        terms = Term.objects.filter(Q(is_active=True) | Q(pk__in=self.chosen_terms)).select_related("vocabulary").order_by(
            "vocabulary__position", "vocabulary__key", "position", "key"
        )
        grouped = {}
        for term in terms:
            grouped.setdefault(term.vocabulary, []).append(term)
        for vocabulary, choices in grouped.items():
            name = VOCABULARY_PREFIX + vocabulary.key
            self.fields[name] = forms.TypedMultipleChoiceField(
                label=str(vocabulary), coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(term.pk, str(term)) for term in choices],
            )
            self.initial[name] = [term.pk for term in choices if term.pk in self.chosen_terms]

    def save_changes(self):
        changed = []
        for name in REFERENCE_FIELDS:
            chosen = list(self.cleaned_data[name])
            if {item.pk for item in chosen} != self.chosen[name]:
                getattr(self.action, name).set(chosen)
                changed.append(name)
        terms = {pk for name, pks in self.cleaned_data.items() if name.startswith(VOCABULARY_PREFIX) for pk in pks}
        if terms != self.chosen_terms:
            self.action.terms.set(terms)
            changed.append("terms")
        return changed


# ---------------------------------------------------------------- rows: partners, indicators, links, documents


class EditorFormSet(forms.BaseInlineFormSet):
    """Rows of an action's part; a few empty rows let people add more without JavaScript."""

    row_label = _("Row %(number)s")
    changed_name = ""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.legend = self.row_label % {"number": i + 1}
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")

    def save_changes(self):
        if not self.has_changed():
            return []
        self.save()
        return [self.changed_name]


def _formset(model, fields, row_label, extra=2, widgets=None):
    formset = forms.inlineformset_factory(
        Action, model, formset=EditorFormSet, fields=fields, extra=extra, can_delete=True, can_delete_extra=False,
        widgets=widgets or {},
    )
    formset.row_label = row_label
    formset.changed_name = model._meta.get_field("action").remote_field.related_name
    return formset


PartnerFormSet = _formset(Partner, ["name", "kind", "website"], _("Partner organisation %(number)s"))
IndicatorFormSet = _formset(
    Indicator, ["name", "unit", "baseline", "target", "target_date"], _("Indicator %(number)s"),
    widgets={"target_date": DateInput()},
)
LinkFormSet = _formset(Link, ["url", "title"], _("Link %(number)s"))
DocumentFormSet = _formset(Document, ["title", "is_public"], _("Document %(number)s"), extra=0)


class UploadForm(forms.Form):
    """A new document for the action, checked by its content and size."""

    title = forms.CharField(label=_("Title of the new document"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), required=False)
    is_public = forms.BooleanField(label=_("Show it on the public page"), required=False, initial=True)

    def __init__(self, *args, action, **kwargs):
        self.action = action
        super().__init__(*args, prefix="upload", **kwargs)
        self.fields["file"].help_text = _("%(accepted)s; at most %(limit)s.") % {
            "accepted": ACCEPTED, "limit": filesizeformat(settings.LOCALACTION_MAX_UPLOAD_BYTES),
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            kind = validate_document(upload)
            # The stored name's extension follows the content, never the name the sender chose.
            upload.name = f"document.{_EXTENSIONS[kind]}"
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("file") and "file" not in self.errors:
            self.add_error("file", _("Choose a file to upload, or clear the title."))
        if cleaned.get("file") and not cleaned.get("title"):
            self.add_error("title", _("Give the document a title."))
        return cleaned

    def save_changes(self):
        if not self.cleaned_data.get("file"):
            return []
        Document.objects.create(
            action=self.action, title=self.cleaned_data["title"], file=self.cleaned_data["file"],
            is_public=self.cleaned_data["is_public"],
        )
        return ["documents"]


# ---------------------------------------------------------------- people


class MatchingForm(forms.ModelForm):
    """The published pledge this one answers, the published action it replicates, and the partnership sought.

    The pledge is named by its public identifier: a list of every published pledge would weigh megabytes at
    scale, and a field called `matches` would shadow the DOM's form.matches() for scripts and assistive tools.
    """

    answers = forms.CharField(
        label=_("Answers the pledge (its identifier)"), required=False, max_length=8,
        help_text=_("The 8-character identifier shown on the pledge’s public page, under “Key facts”."),
    )

    class Meta:
        model = Action
        fields = ["partnership_sought"]
        widgets = {"partnership_sought": _textarea(3)}
        help_texts = {"partnership_sought": _("Who you would like to work with, and on what.")}

    inspiration = forms.CharField(
        label=_("Inspired by the action (its identifier)"), required=False, max_length=8,
        help_text=_("If this action replicates or adapts a published action, of another government or your own, "
                    "give its 8-character identifier: that action’s page will show it was replicated."),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, instance=action, **kwargs)
        self.fields["answers"].initial = action.matches.public_id if action.matches_id else ""
        self.fields["inspiration"].initial = action.inspired_by.public_id if action.inspired_by_id else ""
        self.fields = {"answers": self.fields.pop("answers"), "inspiration": self.fields.pop("inspiration"), **self.fields}

    def clean_answers(self):
        public_id = self.cleaned_data["answers"].strip().lower()
        if not public_id:
            return None
        own = {self.instance.public_id, getattr(self.instance.revision_of, "public_id", None)}
        pledge = (
            Action.objects.published().filter(kind=Action.Kind.PLEDGE, public_id=public_id).exclude(public_id__in=own).first()
        )
        if pledge is None:
            raise forms.ValidationError(_("No published pledge has this identifier (it is not a published pledge, or it is this one)."))
        return pledge

    def clean_inspiration(self):
        public_id = self.cleaned_data["inspiration"].strip().lower()
        if not public_id:
            return None
        original = Action.objects.filter(public_id=public_id).first()
        if original is None:
            raise forms.ValidationError(_("No action has this identifier."))
        validate_inspired_by(self.instance, original)
        return original

    def save_changes(self):
        changed = ["inspired_by" if name == "inspiration" else name for name in self.changed_data]
        if changed:
            self.instance.matches = self.cleaned_data.get("answers")
            self.instance.inspired_by = self.cleaned_data.get("inspiration")
            self.save()
        return changed


class CopledgerInviteForm(forms.Form):
    """Choose a verified government to invite to a joint pledge."""

    government = forms.ModelChoiceField(
        label=_("Government to invite"), queryset=Government.objects.none(),
        help_text=_("Only verified governments can be invited. Their focal points confirm or decline."),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, prefix="invite", **kwargs)
        public = action.revision_of or action
        invited = CoPledger.objects.filter(action=public, declined_at__isnull=True).values("government")
        field = self.fields["government"]
        field.queryset = Government.objects.public().exclude(pk=action.government_id).exclude(pk__in=invited).select_related("country")
        field.label_from_instance = lambda government: f"{government.name} ({government.country})"


class CopledgeAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("confirm", _("Join the pledge")), ("decline", _("Decline"))])


# ---------------------------------------------------------------- money


class MoneyForm(forms.ModelForm):
    """Dates, budget and funding."""

    budget = forms.DecimalField(label=_("Budget"), min_value=0, max_digits=16, decimal_places=2, required=False)
    unmet_funding_need = forms.DecimalField(
        label=_("Unmet funding need"), min_value=0, max_digits=16, decimal_places=2, required=False,
        help_text=_("The part of the budget not funded yet; funders and the Global Cities Fund look for it."),
    )
    currency = forms.CharField(
        label=_("Currency"), max_length=3, min_length=3, help_text=_("Three-letter ISO 4217 code, e.g. USD, EUR, XOF."),
        widget=forms.TextInput(attrs={"size": 4, "autocomplete": "off"}),
    )

    class Meta:
        model = Action
        fields = ["start_date", "end_date", "budget", "currency", "funding_sources", "unmet_funding_need"]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "funding_sources": _textarea(3)}
        help_texts = {"end_date": _("Pledges need a start and an end date.")}

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, instance=action, **kwargs)

    def clean_currency(self):
        code = self.cleaned_data["currency"].strip().upper()
        if pycountry.currencies.get(alpha_3=code) is None:
            raise forms.ValidationError(_("“%(code)s” is not an ISO 4217 currency code (such as USD or EUR)."), params={"code": code})
        return code

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned

    def save_changes(self):
        changed = list(self.changed_data)
        if changed:
            self.save()
        return changed


# ---------------------------------------------------------------- translations


class TranslationsForm(forms.Form):
    """The text in the two languages other than the original one, each marked ready or not by the owner."""

    def __init__(self, *args, action, **kwargs):
        self.action = action
        self.languages = [code for code in LANGUAGE_CODES if code != action.original_language]
        initial = {}
        for code in self.languages:
            initial.update({f"{field}_{code}": getattr(action, f"{field}_{code}") for field in TEXT_FIELDS})
            initial[f"provided_{code}"] = action.translation_state(code) in ("submitted", "checked")
        super().__init__(*args, initial=initial, **kwargs)
        for code in self.languages:
            attrs = {"lang": code}
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title"), max_length=300, required=False, widget=forms.TextInput(attrs={**attrs, "size": 60})
            )
            self.fields[f"summary_{code}"] = forms.CharField(label=_("Summary"), required=False, widget=_textarea(3, **attrs))
            self.fields[f"description_{code}"] = forms.CharField(label=_("Description"), required=False, widget=_textarea(6, **attrs))
            self.fields[f"goals_{code}"] = forms.CharField(label=_("Goals"), required=False, widget=_textarea(3, **attrs))
            self.fields[f"provided_{code}"] = forms.BooleanField(
                label=_("This translation is complete (ready for the reviewers to check)"), required=False
            )

    def language_groups(self):
        """[(code, language name, [bound fields])] for one fieldset per language."""
        return [
            (code, language_name(code), [self[f"{field}_{code}"] for field in (*TEXT_FIELDS, "provided")])
            for code in self.languages
        ]

    def clean(self):
        cleaned = super().clean()
        for code in self.languages:
            if cleaned.get(f"provided_{code}") and not cleaned.get(f"title_{code}"):
                self.add_error(f"title_{code}", _("A translation needs at least a title."))
        return cleaned

    def save_changes(self):
        action, changed = self.action, []
        status = dict(action.translation_status)
        for code in self.languages:
            text_changed = False
            for field in TEXT_FIELDS:
                name = f"{field}_{code}"
                if getattr(action, name) != self.cleaned_data[name]:
                    setattr(action, name, self.cleaned_data[name])
                    changed.append(name)
                    text_changed = True
            if self.cleaned_data[f"provided_{code}"]:
                # A reviewer's check stays valid only while the text it checked stays the same.
                keep_checked = status.get(code) == Action.TranslationStatus.CHECKED and not text_changed
                status[code] = Action.TranslationStatus.CHECKED.value if keep_checked else Action.TranslationStatus.SUBMITTED.value
            elif getattr(action, f"title_{code}"):
                # The text is kept, but the owner says it is not a finished translation yet.
                status[code] = Action.TranslationStatus.MISSING.value
            else:
                status.pop(code, None)
        if status != action.translation_status:
            action.translation_status = status
            changed.append("translation_status")
        if changed:
            action.save()
        return changed
