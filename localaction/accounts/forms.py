"""Account forms: the admin's user forms, adapted to e-mail sign-in, the public sign-up and password-reset forms
(with a honeypot and a time check against robots), the second-factor forms and the account deletion form."""
import time

from django import forms
from django.conf import settings
from django.contrib.auth.forms import BaseUserCreationForm
from django.contrib.auth.forms import PasswordResetForm as BasePasswordResetForm
from django.core import signing
from django.contrib.auth.forms import UserChangeForm as BaseUserChangeForm
from django.contrib.auth.forms import UserCreationForm as BaseUserCreationFormWithUsername
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import page_language

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


FORM_STAMP_SALT = "localaction.accounts.form-started"


class RobotCheckMixin(forms.Form):
    """Refuses public forms that robots send: the hidden honeypot box filled in, or the form sent back sooner than
    LOCALACTION_FORM_MIN_SECONDS after it was shown (a signed timestamp, so it cannot be forged). No third-party
    captcha: nothing leaves the site. The message stays vague on purpose."""

    robot_message = _("Your request could not be processed. Please wait a moment and try again.")

    homepage = forms.CharField(required=False, widget=HoneypotInput, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["started"].initial = signing.dumps(time.time(), salt=FORM_STAMP_SALT)

    def is_robot(self):
        if self.data.get(self.add_prefix("homepage")):
            return True
        minimum = getattr(settings, "LOCALACTION_FORM_MIN_SECONDS", 0)
        if not minimum:
            return False
        try:
            shown_at = signing.loads(self.data.get(self.add_prefix("started"), ""), salt=FORM_STAMP_SALT, max_age=86400)
        except signing.BadSignature:
            return True
        return time.time() - float(shown_at) < minimum

    def clean(self):
        if self.is_robot():
            raise ValidationError(self.robot_message, code="robot")
        return super().clean()


class SignupForm(RobotCheckMixin, BaseUserCreationForm):
    """A new account: e-mail, name, preferred language and a password checked by Django's validators."""

    robot_message = _("Your account could not be created. Please try again.")

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
        self.fields["language"].initial = page_language()
        self.fields["email"].help_text = _("You sign in with this address; it is never shown on public pages.")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account with this e-mail address already exists. Sign in, or reset your password if you have forgotten it."),
                code="unique",
            )
        return email


class PasswordResetForm(RobotCheckMixin, BasePasswordResetForm):
    """Django's reset form behind the robot checks, so that nobody can make the site mail people in bulk."""


class TwoFactorCodeForm(forms.Form):
    """A six-digit code from an authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"), max_length=16, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=_("The six-digit code your authenticator app shows now, or one of your backup codes."),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "")


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password once more."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."), code="password_incorrect")
        return password
