"""Forms of the relay: writing to a government, answering, and the reviewers' forms."""
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from . import services


class ContactForm(forms.Form):
    """A message to a government about one of its actions, on behalf of one of the writer's identities."""

    on_behalf = forms.ChoiceField(label=_("Writing on behalf of"))
    subject = forms.CharField(label=_("Subject"), max_length=services.MAX_SUBJECT, widget=forms.TextInput(attrs={"size": 60}))
    body = forms.CharField(
        label=_("Message"), max_length=services.MAX_BODY, widget=forms.Textarea(attrs={"rows": 10, "cols": 60}),
        help_text=_("Plain text. Say who you are and what you would like to learn or share."),
    )

    def __init__(self, *args, identities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_behalf"].choices = [(key, label) for key, label, _obj in identities]
        if len(identities) == 1:
            self.fields["on_behalf"].initial = identities[0][0]

    def clean_subject(self):
        subject = services.clean_subject(self.cleaned_data["subject"])
        if not subject:
            raise forms.ValidationError(_("Give your message a subject."))
        return subject


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"), max_length=services.MAX_BODY, widget=forms.Textarea(attrs={"rows": 8, "cols": 60}),
        help_text=_("Plain text. It is e-mailed to the other side."),
    )


class BlockForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))


class PartnerForm(forms.Form):
    """A reviewer names the account and the organisation of a partner to verify."""

    email = forms.EmailField(label=_("E-mail address of the person's account"))
    organisation = forms.CharField(label=_("Organisation"), max_length=200)

    def clean_email(self):
        user = get_user_model().objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account has this address; the person must sign up first."))
        return user
