"""Account forms: the admin's user forms, adapted to e-mail sign-in, and the public sign-up form."""
from django import forms
from django.contrib.auth.forms import BaseUserCreationForm
from django.contrib.auth.forms import UserChangeForm as BaseUserChangeForm
from django.contrib.auth.forms import UserCreationForm as BaseUserCreationFormWithUsername
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import current_language

from .models import User


class UserCreationForm(BaseUserCreationFormWithUsername):
    class Meta:
        model = User
        fields = ("email", "full_name", "language")


class UserChangeForm(BaseUserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class HoneypotInput(forms.TextInput):
    """A text box people never see (bots fill every box). It counts as hidden so core/_form.html puts it with the
    hidden fields, without a visible label; aria-hidden and tabindex keep it away from screen readers and Tab."""

    is_hidden = True

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "tabindex": "-1", "autocomplete": "off"}
        box = super().render(name, "", attrs, renderer)
        return format_html(
            '<div class="visually-hidden" aria-hidden="true"><label for="{}">{}</label>{}</div>',
            attrs.get("id", ""), gettext("Leave this field empty"), box,
        )


class SignupForm(BaseUserCreationForm):
    """A new account: e-mail, name, preferred language and a password checked by Django's validators."""

    homepage = forms.CharField(required=False, widget=HoneypotInput, label=_("Leave this field empty"))

    class Meta:
        model = User
        fields = ("email", "full_name", "language")
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["language"].initial = current_language()
        self.fields["email"].help_text = _("You sign in with this address; it is never shown on public pages.")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account with this e-mail address already exists. Sign in, or reset your password if you have forgotten it."),
                code="unique",
            )
        return email

    def clean(self):
        if self.cleaned_data.get("homepage"):
            # Only robots see this box; the message stays vague on purpose.
            raise ValidationError(_("Your account could not be created. Please try again."), code="honeypot")
        return super().clean()
