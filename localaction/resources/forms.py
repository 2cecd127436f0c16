"""The reviewers' resource form (also the admin's): content in three languages, facts, objectives, and either an
uploaded file (checked by its content) or an https link."""
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import Resource
from .uploads import ACCEPTED, max_bytes, validate_resource_file


class ResourceForm(forms.ModelForm):
    remove_file = forms.BooleanField(
        label=_("Remove the current file"), required=False,
        help_text=_("Tick this to replace the file with a link."),
    )

    class Meta:
        model = Resource
        fields = [
            "title_en", "title_fr", "title_es", "summary_en", "summary_fr", "summary_es", "type", "language", "year",
            "publisher", "gcm_objectives", "gcr_objectives", "sdgs", "file", "remove_file", "url", "is_published",
        ]
        widgets = {
            "gcm_objectives": forms.CheckboxSelectMultiple,
            "gcr_objectives": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            # No "currently: …" link: stored files are only reachable through the published resource's page.
            "file": forms.FileInput,
        }
        field_classes = {"url": forms.URLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["url"].assume_scheme = "https"
        self.fields["file"].help_text = _(
            "%(accepted)s, up to %(limit)s; checked by its content, not its name. If the page comes back with an "
            "error, choose the file again: files are not kept."
        ) % {"accepted": ACCEPTED, "limit": filesizeformat(max_bytes())}
        if not self.instance.file:
            # Nothing to remove; hidden rather than dropped so the admin's field list stays the same.
            self.fields["remove_file"].widget = forms.HiddenInput()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload is not self.initial.get("file"):
            kind = validate_resource_file(upload)
            # The stored name's extension follows the content, never the name the sender chose.
            upload.name = f"resource.{kind}"
            self.instance.file_kind, self.instance.file_size = kind, upload.size
        return upload

    def clean(self):
        cleaned = super().clean()
        if "file" in self.errors:
            return cleaned  # the file's own error says what to do
        new_upload = bool(self.files.get("file"))
        if cleaned.get("remove_file") and not new_upload:
            cleaned["file"] = False  # FileField.save_form_data stores "" for False
            self.instance.file_kind, self.instance.file_size = "", None
        kept_file = bool(self.instance.file) and not cleaned.get("remove_file")
        url = cleaned.get("url")
        if (new_upload or kept_file) and url:
            if new_upload:
                self.add_error("url", _("Give either a file or a link, not both."))
            else:
                self.add_error(
                    "url", _("This resource has a file: tick “Remove the current file” to use a link instead.")
                )
        elif not (new_upload or kept_file or url) and "url" not in self.errors:
            self.add_error("url", _("Upload a file or give a link."))
        return cleaned
