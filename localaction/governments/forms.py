"""Forms of the governments workspace: registering, joining, deciding requests, inviting."""
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import current_language
from localaction.taxonomy.models import Country

from .models import Government, GovernmentRequest, Invitation, Membership

POSITION_LABEL = capfirst(GovernmentRequest._meta.get_field("position").verbose_name)
POSITION_HELP = GovernmentRequest._meta.get_field("position").help_text
MESSAGE_LABEL = capfirst(GovernmentRequest._meta.get_field("message").verbose_name)


class CountryChoiceField(forms.ModelChoiceField):
    """Countries by their name in the reader's language."""

    def label_from_instance(self, country):
        return str(country.t.name)


def countries_in_reading_order():
    return Country.objects.order_by(f"name_{current_language()}")


class RegistrationForm(forms.ModelForm):
    """A new government and the requester's position. Validation only: the service creates the records."""

    country = CountryChoiceField(label=_("Country"), queryset=Country.objects.none(), empty_label=_("Choose a country"))
    position = forms.CharField(label=POSITION_LABEL, help_text=POSITION_HELP, max_length=200)
    message = forms.CharField(
        label=MESSAGE_LABEL, required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything that helps reviewers verify the government and your role in it."),
    )

    class Meta:
        model = Government
        fields = ("name", "kind", "country", "population", "website", "latitude", "longitude")
        help_texts = {
            "name": _("The official name, as the government writes it."),
            "latitude": _("Optional. Decimal degrees, e.g. 14.69 for Dakar; it places the government on the map."),
            "longitude": _("Optional. Decimal degrees, e.g. -17.44 for Dakar."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries_in_reading_order()
        for name, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            field = self.fields[name]
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.widget.attrs.update(min=low, max=high, step="any")

    def service_arguments(self):
        """The cleaned data as keyword arguments of services.request_registration."""
        return {name: self.cleaned_data[name] for name in (*self.Meta.fields, "position", "message")}


ROLE_HELP = _("Focal points manage the government's members and speak for it; editors write actions and pledges.")


class GovernmentSearchForm(forms.Form):
    """Find a verified government to join (a GET form: searching changes nothing)."""

    q = forms.CharField(label=_("Name of the government"), max_length=100, required=False)


class JoinForm(forms.Form):
    """The role and position of someone asking to join a government chosen from the search results."""

    government = forms.ModelChoiceField(
        queryset=Government.objects.public(), to_field_name="slug", widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Choose a government from the search results.")},
    )
    role = forms.ChoiceField(
        label=_("Role you ask for"), choices=Membership.Role.choices, initial=Membership.Role.EDITOR, help_text=ROLE_HELP
    )
    position = forms.CharField(label=POSITION_LABEL, help_text=POSITION_HELP, max_length=200)
    message = forms.CharField(
        label=MESSAGE_LABEL, required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E.g. who in the government can confirm your role."),
    )


class DecisionForm(forms.Form):
    """A reviewer's decision on a request; declining needs a reason, which the requester reads."""

    class Decision:
        APPROVE = "approve"
        DECLINE = "decline"

    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(Decision.APPROVE, _("Approve")), (Decision.DECLINE, _("Decline"))],
    )
    reason = forms.CharField(
        label=_("Reason for declining"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when declining; the requester reads it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.Decision.DECLINE and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for declining."))
        return cleaned


class InvitationForm(forms.ModelForm):
    """A focal point's invitation: the colleague's e-mail address and role."""

    class Meta:
        model = Invitation
        fields = ("email", "role")
        help_texts = {"role": ROLE_HELP}
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}
