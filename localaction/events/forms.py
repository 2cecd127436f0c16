"""Forms of the reviewers' event pages. Date and time fields are read and shown in the event's time zone: the
views activate it around the forms (see workspace_views.zone_for)."""
from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from localaction.campaigns.models import Campaign

from .models import INTERPRETATION_LANGUAGES, Event, Slot, Speaker, normalise_hashtags

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
IN_EVENT_ZONE = _("In the event's time zone.")


class EventForm(forms.ModelForm):
    interpretation_languages = forms.MultipleChoiceField(
        label=_("Interpretation languages"), choices=INTERPRETATION_LANGUAGES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hashtags = forms.CharField(
        label=_("Hashtags"), required=False, help_text=_("Separated by spaces or commas, with or without “#”."),
    )
    campaigns = forms.ModelMultipleChoiceField(
        label=_("Campaigns handed over at this event"), queryset=Campaign.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The actions announced at these campaigns are listed on the event's page."),
    )

    class Meta:
        model = Event
        fields = [
            "slug", "title_en", "title_fr", "title_es", "description_en", "description_fr", "description_es",
            "time_zone", "starts_at", "ends_at", "venue_name", "venue_address", "online", "livestream_url",
            "interpretation_languages", "hashtags", "organisers", "partners", "campaigns", "is_published",
        ]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "description_es": forms.Textarea(attrs={"rows": 4}),
            "venue_address": forms.Textarea(attrs={"rows": 2}),
            "organisers": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"starts_at": IN_EVENT_ZONE, "ends_at": IN_EVENT_ZONE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["hashtags"] = " ".join(f"#{tag}" for tag in self.instance.hashtags)

    def clean_hashtags(self):
        return normalise_hashtags(self.cleaned_data["hashtags"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("venue_name") and not cleaned.get("online"):
            self.add_error("venue_name", _("Give a venue, or say that the event is online (or both)."))
        return cleaned


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["starts_at", "ends_at", "title_en", "title_fr", "title_es", "order"]
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET}
        help_texts = {"starts_at": IN_EVENT_ZONE, "ends_at": IN_EVENT_ZONE}


SlotFormSet = inlineformset_factory(Event, Slot, form=SlotForm, extra=2, can_delete=True)

SpeakerFormSet = inlineformset_factory(
    Slot, Speaker, extra=3, can_delete=True,
    fields=["name", "title", "organisation", "role", "to_be_confirmed", "order"],
)
