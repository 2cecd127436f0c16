"""Forms of the Fund's workspace pages. The answer form is built from a round's Question rows."""
from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from localaction.actions.forms import DateInput  # the browser's date picker, always YYYY-MM-DD
from localaction.taxonomy.models import IncomeGroup

from .models import Application, BudgetLine, Criterion, Question, Round
from .services import DECISIONS


class RoundForm(forms.ModelForm):
    eligible_income_groups = forms.MultipleChoiceField(
        label=_("Eligible income groups"), choices=IncomeGroup.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Leave empty to accept every income group."),
    )

    class Meta:
        model = Round
        fields = [
            "name_en", "name_fr", "name_es", "description_en", "description_fr", "description_es", "status",
            "themes", "eligible_regions", "eligible_income_groups", "grant_min", "grant_max", "currency",
            "duration_months", "intake_deadline", "concept_note_deadline", "proposal_deadline",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "intake_deadline": DateInput(),
            "concept_note_deadline": DateInput(),
            "proposal_deadline": DateInput(),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "description_fr": forms.Textarea(attrs={"rows": 3}),
            "description_es": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("grant_min"), cleaned.get("grant_max")
        if low is not None and high is not None and low > high:
            self.add_error("grant_max", _("The largest grant cannot be smaller than the smallest."))
        return cleaned


CriterionFormSet = inlineformset_factory(
    Round, Criterion, extra=2, can_delete=True,
    fields=["name_en", "name_fr", "name_es", "guidance_en", "kind", "weight", "max_score", "pass_mark", "order"],
    widgets={"guidance_en": forms.Textarea(attrs={"rows": 2})},
)

QuestionFormSet = inlineformset_factory(
    Round, Question, extra=3, can_delete=True,
    fields=["stage", "label_en", "label_fr", "label_es", "help_en", "kind", "choices", "required", "prefill_from", "order"],
    widgets={"help_en": forms.Textarea(attrs={"rows": 2}), "choices": forms.Textarea(attrs={"rows": 2})},
)


class StartForm(forms.Form):
    """Start an intake, optionally from one of the government's pledges seeking support."""

    pledge = forms.ModelChoiceField(
        label=_("Start from a pledge"), queryset=None, required=False, empty_label=_("No pledge: start from nothing"),
        help_text=_("The answers the round takes from a pledge are filled in for you."),
    )
    language = forms.ChoiceField(label=_("Language of the application"), choices=settings.CONTENT_LANGUAGES, initial="en")

    def __init__(self, *args, pledges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pledge"].queryset = pledges


def answer_field(question):
    """The form field that asks one question."""
    common = {"label": str(question.t.label), "required": question.required, "help_text": str(question.t.help)}
    if question.kind == question.Kind.NUMBER:
        return forms.DecimalField(**common)
    if question.kind == question.Kind.CHOICE:
        return forms.ChoiceField(choices=[("", "—"), *((c, c) for c in question.choice_list())], **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)


class AnswersForm(forms.Form):
    """One field per question of the stage, named q<pk>; saving a draft accepts blanks, submitting does not."""

    def __init__(self, *args, questions, answers, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            field = answer_field(question)
            if not submitting:
                field.required = False
            self.fields[f"q{question.pk}"] = field
            if question.pk in answers:
                self.initial[f"q{question.pk}"] = answers[question.pk].text

    def answers(self):
        return {question: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}


BudgetFormSet = inlineformset_factory(
    Application, BudgetLine, extra=3, can_delete=True,
    fields=["category", "description", "amount", "co_funding", "co_funding_source"],
)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[(name, name) for name in DECISIONS])
    feedback = forms.CharField(
        label=_("Feedback to the applicant"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant reads this with the decision."),
    )


class OverrideForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Question._meta.get_field("stage").choices)
    until = forms.DateField(label=_("Accept submissions until"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
