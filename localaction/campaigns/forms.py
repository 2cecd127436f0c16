"""Forms of the campaigns' back office: "announced at" tags, and asking for a handover package."""
from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .handover.recipients import recipient_choices
from .models import Campaign


class CampaignTagField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, campaign):
        return _("%(name)s (forum on %(date)s)") % {"name": campaign, "date": date_format(campaign.forum_date)}


class AnnouncedAtForm(forms.Form):
    """The forums (campaigns) at which an action was announced; any number, including none."""

    campaigns = CampaignTagField(
        label=_("Announced at"), queryset=Campaign.objects.order_by("-forum_date", "slug"), required=False,
        widget=forms.CheckboxSelectMultiple, to_field_name="slug",
        help_text=_("Tick every forum at which the action was announced. This is separate from the campaign it "
                    "was submitted to, and shows on its public page."),
    )


class HandoverRequestForm(forms.Form):
    """Which recipient the package is for, in which language, and whether the public may download it."""

    recipient = forms.ChoiceField(label=_("Recipient"), choices=recipient_choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.CONTENT_LANGUAGES, initial="en",
        help_text=_("Headers, labels and the compendium in this language; each action's text in it when the "
                    "action has it, otherwise in its original language."),
    )
    is_public = forms.BooleanField(
        label=_("Link it from the public campaign page once it is ready"), required=False,
    )
