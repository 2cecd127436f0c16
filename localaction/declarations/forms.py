"""Forms of the endorsement workflow: the focal point's endorsement and the reviewer's decision."""
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import Endorsement
from .validators import validate_pdf, validate_signed_on


class EndorsementForm(forms.ModelForm):
    """Who signed, when, and the signed letter. The service stores it; this form only checks the input."""

    class Meta:
        model = Endorsement
        fields = ["signatory_name", "signatory_title", "signed_on", "letter"]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "letter": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
        }
        help_texts = {
            "signatory_name": _("The person who signed the letter, e.g. the mayor. Shown on the public list of signatories."),
            "signed_on": _("As written on the letter (year-month-day), not earlier than 8 December 2018."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signatory_title"].help_text = _("E.g. Mayor of Lyon. Shown on the public list of signatories.")
        self.fields["signed_on"].validators.append(validate_signed_on)
        self.fields["letter"].validators.append(validate_pdf)
        # Browsers never keep a chosen file after an error, so say so up front; every other field is kept.
        self.fields["letter"].help_text = _(
            "A PDF of the signed letter, up to %(limit)s. If the form shows an error, choose the file again: "
            "browsers do not keep a chosen file."
        ) % {"limit": filesizeformat(settings.LOCALACTION_MAX_UPLOAD_BYTES)}


class DecisionForm(forms.Form):
    """A reviewer's decision on one endorsement; rejecting needs a reason."""

    VERIFY, REJECT = "verify", "reject"

    # Sent by the button the reviewer presses (one form, two buttons), so it has no widget of its own on the page.
    decision = forms.ChoiceField(label=_("Decision"), choices=[(VERIFY, _("Verify")), (REJECT, _("Reject"))])
    reason = forms.CharField(
        label=_("Reason (required to reject)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to the government’s focal points."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for rejecting."))
        return cleaned
