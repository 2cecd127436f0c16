"""Forms of the grants pages: the grant and its tranches, a payment, and the grantee's report with its rows."""
from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from localaction.actions.forms import DateInput  # the browser's date picker, always YYYY-MM-DD

from .models import Grant

class GrantForm(forms.ModelForm):
    """The grant's terms; the rules (range, pledge, period, tranches) are checked by grants.create_grant."""

    class Meta:
        model = Grant
        fields = ["amount", "currency", "pledge", "starts_on", "ends_on", "reporting_interval_months"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }
        help_texts = {
            "pledge": _("The government’s published pledge this grant funds; shown on the Fund’s public page."),
        }

    def __init__(self, *args, pledges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pledge"].queryset = pledges
        self.fields["reporting_interval_months"].min_value = 1
        self.fields["reporting_interval_months"].widget.attrs["min"] = 1
        self.fields["amount"].widget.attrs["min"] = 0


class TrancheForm(forms.Form):
    planned_on = forms.DateField(label=_("Planned on"), widget=DateInput())
    planned_amount = forms.DecimalField(label=_("Planned amount"), max_digits=14, decimal_places=2, min_value=0.01)


TrancheFormSet = formset_factory(TrancheForm, extra=3)


def filled_rows(formset):
    """The cleaned data of the formset's rows that were filled in (blank extra rows are skipped)."""
    return [form.cleaned_data for form in formset if form.has_changed() and form.cleaned_data]


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput())
    paid_amount = forms.DecimalField(label=_("Amount paid"), max_digits=14, decimal_places=2, min_value=0.01)


class ReportForm(forms.Form):
    period_end = forms.DateField(
        label=_("Period ending on"), widget=DateInput(),
        help_text=_("The report covers the grant from its start or your previous report up to this date."),
    )
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.CONTENT_LANGUAGES, initial="en")
    narrative = forms.CharField(label=_("What was done in the period"), widget=forms.Textarea(attrs={"rows": 6}),
                                help_text=_("Activities, results, difficulties and changes to the plan."))


class ReachForm(forms.Form):
    target_group = forms.ModelChoiceField(label=_("Target group"), queryset=None)
    people_reached = forms.IntegerField(label=_("People reached in the period"), min_value=0)
    people_target = forms.IntegerField(label=_("Target for the whole grant"), min_value=0, required=False)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_group"].queryset = groups


class SpendingForm(forms.Form):
    budget_line = forms.ModelChoiceField(label=_("Budget line"), queryset=None)
    amount_spent = forms.DecimalField(
        label=_("Amount spent in the period"), max_digits=14, decimal_places=2, min_value=0)

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].queryset = lines
        self.fields["budget_line"].label_from_instance = budget_line_label


def budget_line_label(line):
    return f"{line.get_category_display()}: {line.description}"


class UniqueRowsFormSet(forms.BaseFormSet):
    """A formset whose filled rows must not repeat the value of `unique_field`."""

    unique_field = None
    duplicate_message = ""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() or not hasattr(form, "cleaned_data"):
                continue
            value = form.cleaned_data.get(self.unique_field)
            if value is None:
                continue
            if value.pk in seen:
                raise forms.ValidationError(self.duplicate_message)
            seen.add(value.pk)


class ReachFormSet(UniqueRowsFormSet):
    unique_field = "target_group"
    duplicate_message = _("Count each target group once.")


class SpendingFormSet(UniqueRowsFormSet):
    unique_field = "budget_line"
    duplicate_message = _("Report each budget line once.")


ReachRows = formset_factory(ReachForm, formset=ReachFormSet, extra=3)
SpendingRows = formset_factory(SpendingForm, formset=SpendingFormSet, extra=3)
