"""Forms of the reports pages: an annual report's edition, a PDF build request, a certificate request, and the
verification code."""
import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action
from localaction.core.translation import current_language

from .models import AnnualReport

PUBLIC_ID_SEPARATORS = re.compile(r"[\s,;]+")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AnnualReportForm(forms.ModelForm):
    """The edition's period, introduction in each language, and highlighted actions typed as public ids (one list
    that works without JavaScript, whatever the number of actions)."""

    highlighted = forms.CharField(
        label=_("Highlighted actions"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Public identifiers of published actions (the 8 characters in their address), separated by "
                    "spaces or commas, in any order."),
    )

    class Meta:
        model = AnnualReport
        fields = ["period_start", "period_end", "intro_en", "intro_fr", "intro_es"]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "intro_en": forms.Textarea(attrs={"rows": 8, "lang": "en"}),
            "intro_fr": forms.Textarea(attrs={"rows": 8, "lang": "fr"}),
            "intro_es": forms.Textarea(attrs={"rows": 8, "lang": "es"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            ids = self.instance.highlighted_actions.order_by("public_id").values_list("public_id", flat=True)
            self.initial["highlighted"] = " ".join(ids)

    def clean_highlighted(self):
        typed = PUBLIC_ID_SEPARATORS.split(self.cleaned_data["highlighted"])
        ids = [value.strip().lower() for value in typed if value.strip()]
        ids = list(dict.fromkeys(ids))
        found = {action.public_id: action for action in Action.objects.published().filter(public_id__in=ids)}
        unknown = [value for value in ids if value not in found]
        if unknown:
            raise forms.ValidationError(
                _("No published action has the identifier %(ids)s."), params={"ids": ", ".join(unknown)},
                code="unknown_action",
            )
        return [found[value] for value in ids]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The period must end on or after its first day."))
        return cleaned


class LanguageForm(forms.Form):
    """The language of a PDF to make."""

    language = forms.ChoiceField(label=_("Language"), choices=settings.CONTENT_LANGUAGES)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"language": current_language()})
        super().__init__(*args, **kwargs)


class CertificateForm(LanguageForm):
    """Which recognition (its key, from certificates.recognitions) and in which language."""

    recognition = forms.CharField(widget=forms.HiddenInput)


class VerificationForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"), max_length=40,
        help_text=_("Printed at the bottom of the certificate, e.g. 7K2M-9QXD-4HTA."),
    )
