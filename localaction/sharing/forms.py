"""The options a webmaster can give a widget in its address (?limit=5&kind=pledge)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action

DEFAULT_LIMIT = 5
MAX_LIMIT = 20


class WidgetOptionsForm(forms.Form):
    """How many of the latest published actions a widget lists, and of which kind."""

    limit = forms.IntegerField(label=_("Number of actions"), min_value=1, max_value=MAX_LIMIT, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All"))] + Action.Kind.choices, required=False)

    def options(self):
        """(limit, kind) once valid; kind is "" for every kind."""
        return self.cleaned_data["limit"] or DEFAULT_LIMIT, self.cleaned_data["kind"]
