"""Forms of the reviewers' screens: the queue's filters, the decision and the mapping fix."""
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from localaction.campaigns.models import Campaign
from localaction.taxonomy.models import SDG, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term

from . import services
from .models import Action

Status = Action.Status


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string (a GET form: shareable, works without JavaScript)."""

    SUBMITTED, PUBLISHED = "submitted", "published"
    STATES = [
        (SUBMITTED, _("Waiting for review")),
        (Status.CHANGES_REQUESTED.value, _("Changes requested")),
        (Status.REJECTED.value, _("Rejected")),
        (PUBLISHED, _("Published in the last 30 days")),
    ]
    NEW, REVISION = "new", "revision"

    state = forms.ChoiceField(label=_("State"), choices=STATES, required=False)
    change = forms.ChoiceField(
        label=_("Submission"), required=False,
        choices=[("", _("New actions and proposed changes")), (NEW, _("New actions")), (REVISION, _("Proposed changes"))],
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.all(), to_field_name="slug", required=False, empty_label=_("All campaigns")
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), to_field_name="code", required=False, empty_label=_("All regions")
    )
    language = forms.ChoiceField(
        label=_("Original language"), required=False, choices=[("", _("All languages")), *settings.CONTENT_LANGUAGES]
    )
    age = forms.TypedChoiceField(
        label=_("Waiting"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any time")), ("7", _("More than 7 days")), ("30", _("More than 30 days"))],
    )

    def filters(self):
        """The valid filters (invalid ones are ignored, and shown as errors next to their field)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        values = {name: cleaned.get(name) for name in self.fields}
        values["state"] = values["state"] or self.SUBMITTED
        return values


class DecisionForm(forms.Form):
    """A reviewer's decision with the checklist items they ticked; a note is required to send back or reject."""

    APPROVE, REQUEST_CHANGES, REJECT = "approve", "request_changes", "reject"

    checklist = forms.MultipleChoiceField(
        label=_("Review checklist"), choices=services.REVIEW_CHECKLIST, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what the submission meets; the ticked items are kept with your decision."),
    )
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(APPROVE, _("Approve and publish")), (REQUEST_CHANGES, _("Request changes")), (REJECT, _("Reject"))],
    )
    note = forms.CharField(
        label=_("Note to the government"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required to request changes (say what to change) or to reject (give the reason)."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in (self.REQUEST_CHANGES, self.REJECT) and not cleaned.get("note", "").strip():
            message = _("Say what needs to change.") if cleaned["decision"] == self.REQUEST_CHANGES else _("Give the reason for rejecting.")
            self.add_error("note", message)
        return cleaned


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.vocabulary}: {obj}"


def _choices(model, label):
    return forms.ModelMultipleChoiceField(label=label, queryset=model.objects.all(), required=False, widget=forms.CheckboxSelectMultiple)


class MappingForm(forms.Form):
    """The mapping a reviewer may correct (services.fix_mapping), starting from the action's current one."""

    gcm_objectives = _choices(GCMObjective, _("GCM objectives"))
    guiding_principles = _choices(GuidingPrinciple, _("GCM guiding principles"))
    gcr_objectives = _choices(GCRObjective, _("GCR objectives"))
    gcr_areas = _choices(GCRArea, _("GCR areas of focus"))
    sdgs = _choices(SDG, _("Sustainable Development Goals"))
    terms = TermChoiceField(
        label=_("Themes, target groups and other terms"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Term.objects.select_related("vocabulary").order_by("vocabulary__position", "vocabulary__key", "position", "key"),
    )

    def __init__(self, *args, action, **kwargs):
        initial = {field: [obj.pk for obj in getattr(action, field).all()] for field in services.M2M_FIELDS}
        super().__init__(*args, initial=initial, prefix="mapping", **kwargs)
        # Inactive terms stay offered only where the action already uses them, so a fix never drops them silently.
        self.fields["terms"].queryset = self.fields["terms"].queryset.filter(Q(is_active=True) | Q(pk__in=initial["terms"]))
