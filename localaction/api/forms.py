"""The form a user fills in to create an API token."""
from django import forms
from django.utils.translation import gettext_lazy as _

EXPIRY_CHOICES = [
    ("30", _("In 30 days")),
    ("90", _("In 90 days")),
    ("365", _("In one year")),
    ("", _("Never (until you revoke it)")),
]


class ApiTokenForm(forms.Form):
    """A name to recognise the token by, and how long it stays valid."""

    name = forms.CharField(
        label=_("Name"), max_length=100,
        help_text=_("What the token is for, e.g. the name of the system that will use it."),
    )
    expires_in = forms.TypedChoiceField(
        label=_("Expiry"), choices=EXPIRY_CHOICES, coerce=int, empty_value=None, required=False, initial="365",
        widget=forms.RadioSelect,
    )
