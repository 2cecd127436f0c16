"""Forms of the evaluation pages: the manager's choice of evaluators, the declaration of interest, the scores."""
from django import forms
from django.utils.translation import gettext_lazy as _

from . import evaluation


class EvaluatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name} ({user.email})" if user.full_name else user.email


class AssignForm(forms.Form):
    """The manager picks evaluators among the users holding the role who are not assigned yet."""

    evaluators = EvaluatorChoiceField(
        label=_("Evaluators to assign"), queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only users with the evaluator role are listed. Each one is notified."),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluators"].queryset = evaluation.evaluators().exclude(fund_assignments__application=application)


class DeclarationForm(forms.Form):
    """Asked before anything of the application is shown; no answer is pre-selected."""

    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this government or its project?"),
        choices=[("no", _("No, I have no conflict of interest")), ("yes", _("Yes, I have a conflict of interest"))],
        coerce=lambda value: value == "yes", widget=forms.RadioSelect,
        help_text=_("For example: you work for, advise or are related to someone in this government or one of its partners."),
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you declare a conflict; the fund manager reads it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("has_conflict") and not cleaned.get("explanation", "").strip():
            self.add_error("explanation", _("Explain the conflict of interest, so the manager can judge it."))
        return cleaned


class ScoresForm(forms.Form):
    """Two fields per criterion, score_<pk> and comment_<pk>. A draft accepts blanks; submitting needs every score
    and comment. A score without its comment is refused either way."""

    def __init__(self, *args, criteria, scores, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("Score (0 to %(max)s)") % {"max": criterion.max_score}, min_value=0,
                max_value=criterion.max_score, required=submitting,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"), required=submitting, widget=forms.Textarea(attrs={"rows": 3}),
            )
            if criterion.pk in scores:
                self.initial[f"score_{criterion.pk}"] = scores[criterion.pk].score
                self.initial[f"comment_{criterion.pk}"] = scores[criterion.pk].comment

    def clean(self):
        cleaned = super().clean()
        for criterion in self.criteria:
            score, comment = cleaned.get(f"score_{criterion.pk}"), cleaned.get(f"comment_{criterion.pk}", "")
            if score is not None and not (comment or "").strip() and f"comment_{criterion.pk}" not in self.errors:
                self.add_error(f"comment_{criterion.pk}", _("Explain your score."))
        return cleaned

    def rows(self):
        """(criterion, score field, comment field) for the template's one row per criterion."""
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self):
        return {
            criterion: (self.cleaned_data.get(f"score_{criterion.pk}"), self.cleaned_data.get(f"comment_{criterion.pk}", ""))
            for criterion in self.criteria
        }
