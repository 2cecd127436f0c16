"""Forms of the import pages: upload a file, map its columns, confirm; upload a filled template."""
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .fields import import_fields
from .models import ColumnMapping
from .reading import MAX_BYTES


def _check_size(upload):
    if upload and upload.size > MAX_BYTES:
        raise forms.ValidationError(_("The file is too large (%(size)s); the limit is %(limit)s."), params={
            "size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES),
        })
    return upload


class BatchUploadForm(forms.Form):
    """A spreadsheet of actions to import."""

    file = forms.FileField(label=_("Spreadsheet"), help_text=_("Excel (XLSX) or CSV, one row per action, headers in the first row."))
    source = forms.SlugField(
        label=_("Source"), max_length=100,
        help_text=_("A short name for where the rows come from, e.g. imrf-2022-forms. Importing a file of the same "
                    "source again updates the actions it created instead of adding new ones."),
    )
    default_language = forms.ChoiceField(
        label=_("Language of rows that do not say theirs"), choices=settings.CONTENT_LANGUAGES, initial="en",
    )

    def clean_file(self):
        return _check_size(self.cleaned_data.get("file"))


class MappingForm(forms.Form):
    """One choice of column per field the import knows; a saved mapping can fill them in, and the result can be
    saved under a name."""

    saved = forms.ModelChoiceField(label=_("Use a saved mapping"), queryset=ColumnMapping.objects.all(), required=False)
    save_as = forms.CharField(label=_("Save this mapping as"), max_length=120, required=False,
                              help_text=_("Optional: a name to reuse the mapping for the next file of the same shape."))

    def __init__(self, *args, headers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —")), *((header, header) for header in headers)]
        self.import_fields = import_fields()
        for item in self.import_fields:
            label = f"{item.label} *" if item.required else str(item.label)
            self.fields[f"field_{item.key}"] = forms.ChoiceField(label=label, choices=choices, required=False)

    def field_rows(self):
        return [self[f"field_{item.key}"] for item in self.import_fields]

    def mapping(self):
        return {key[len("field_"):]: header for key, header in self.cleaned_data.items() if key.startswith("field_") and header}

    def clean(self):
        cleaned = super().clean()
        used = {}
        # A copy: add_error() takes the field out of cleaned_data.
        for key, header in list(cleaned.items()):
            if key.startswith("field_") and header:
                if header in used:
                    self.add_error(key, _("The column “%(header)s” is already chosen for another field.") % {"header": header})
                used[header] = key
        return cleaned


class ConfirmForm(forms.Form):
    exclude_errors = forms.BooleanField(
        label=_("Leave out the rows with errors and import the others"), required=False,
        help_text=_("Without this, a file with any bad row imports nothing."),
    )


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("Filled template (XLSX)"))

    def clean_file(self):
        return _check_size(self.cleaned_data.get("file"))
