"""The Fund's back office: fund managers run rounds and decide on applications; a government's members apply."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.governments.access import get_government_for_member

from . import evaluation, services
from .evaluation_forms import AssignForm
from .forms import AnswersForm, BudgetFormSet, CriterionFormSet, DecisionForm, OverrideForm, QuestionFormSet, RoundForm, StartForm
from .models import Application, FormStage, Round, Stage

DECISION_LABELS = {
    "invite": gettext_lazy("Invite to a concept note"),
    "request_proposal": gettext_lazy("Ask for a full proposal"),
    "evaluate": gettext_lazy("Send to evaluation"),
    "award": gettext_lazy("Award"),
    "waitlist": gettext_lazy("Waitlist"),
    "decline": gettext_lazy("Decline"),
}


# Fund managers -------------------------------------------------------------------------------------------------


@role_required(Roles.FUND_MANAGER)
def rounds(request):
    """Every round, drafts included, with its number of applications."""
    return render(request, "fund/workspace/rounds.html", {"rounds": Round.objects.annotate(applications_count=Count("applications"))})


@role_required(Roles.FUND_MANAGER)
@require_http_methods(["GET", "POST"])
def round_edit(request, pk=None):
    """Create or edit a round with its criteria and questions on one page."""
    round_ = get_object_or_404(Round, pk=pk) if pk else Round()
    data = request.POST if request.method == "POST" else None
    form = RoundForm(data, instance=round_)
    criteria = CriterionFormSet(data, instance=round_, prefix="criteria")
    questions = QuestionFormSet(data, instance=round_, prefix="questions")
    if data is not None and form.is_valid() and criteria.is_valid() and questions.is_valid():
        saved = services.save_round(request.user, form, (criteria, questions))
        messages.success(request, _("The round is saved."))
        return redirect("fund_workspace:round_edit", pk=saved.pk)
    return render(request, "fund/workspace/round_edit.html", {"round": round_, "form": form, "criteria": criteria, "questions": questions})


@role_required(Roles.FUND_MANAGER)
def applications(request):
    """Applications of every round (or of `?round=`), newest first."""
    listed = Application.objects.for_listing()
    round_id = request.GET.get("round", "")
    if not round_id.isdigit():
        round_id = ""
    if round_id:
        listed = listed.filter(round_id=round_id)
    return render(request, "fund/workspace/applications.html", {"applications": listed, "rounds": Round.objects.all(), "round_id": round_id})


def render_application(request, application, decision_form=None, override_form=None, assign_form=None, status=200):
    """The manager's application page (also re-rendered with a form's errors by the views that post to it)."""
    context = {
        "application": application,
        "answers": application.answers.select_related("question").order_by("question__stage", "question__order", "question_id"),
        "budget_lines": application.budget_lines.all(),
        "budget_totals": application.budget_lines.aggregate(amount=Sum("amount"), co_funding=Sum("co_funding")),
        "events": application.events.select_related("actor"),
        "overrides": application.deadline_overrides.select_related("granted_by"),
        "decisions": [(name, DECISION_LABELS[name]) for name in services.available_decisions(application)],
        "decision_form": decision_form or DecisionForm(),
        "override_form": override_form or OverrideForm(),
        "evaluation": evaluation.progress(application),
        "assign_form": assign_form or AssignForm(application=application),
        "can_assign": application.stage == Stage.UNDER_EVALUATION,
    }
    return render(request, "fund/workspace/application.html", context, status=status)


@role_required(Roles.FUND_MANAGER)
def application_detail(request, pk):
    """Everything the applicant wrote, the history and the decisions possible now."""
    return render_application(request, get_object_or_404(Application.objects.for_listing(), pk=pk))


@role_required(Roles.FUND_MANAGER)
@require_POST
def decide(request, pk):
    application = get_object_or_404(Application.objects.for_listing(), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return render_application(request, application, decision_form=form, status=400)
    try:
        services.decide(application, request.user, form.cleaned_data["decision"], form.cleaned_data["feedback"])
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The decision is recorded and the applicant can read your feedback."))
    return redirect("fund_workspace:application", pk=application.pk)


@role_required(Roles.FUND_MANAGER)
@require_POST
def override_deadline(request, pk):
    application = get_object_or_404(Application.objects.for_listing(), pk=pk)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        return render_application(request, application, override_form=form, status=400)
    data = form.cleaned_data
    try:
        services.override_deadline(application, request.user, data["stage"], data["until"], data["reason"])
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The exception to the deadline is recorded."))
    return redirect("fund_workspace:application", pk=application.pk)


# Applicants ----------------------------------------------------------------------------------------------------


@login_required
def government_home(request, slug):
    """The government's applications and the open rounds it has not applied to yet."""
    government, _membership = get_government_for_member(request, slug)
    own = Application.objects.filter(government=government).select_related("round")
    open_rounds = [
        (round_, services.eligibility_problem(round_, government))
        for round_ in Round.objects.filter(status=Round.Status.OPEN).exclude(applications__government=government)
        .prefetch_related("eligible_regions")
    ]
    return render(request, "fund/workspace/government.html", {"government": government, "applications": own, "open_rounds": open_rounds})


@login_required
@require_http_methods(["GET", "POST"])
def start(request, slug, round_pk):
    """Start the intake of an open round, from a pledge seeking support or from nothing."""
    government, _membership = get_government_for_member(request, slug)
    round_ = get_object_or_404(Round, pk=round_pk, status=Round.Status.OPEN)
    problem = services.eligibility_problem(round_, government)
    if problem:
        # Said before the applicant types anything; the service refuses the same case if the form is posted anyway.
        return render(request, "fund/workspace/start.html", {
            "government": government, "round": round_, "problem": problem, "terms": services.eligibility_terms(round_),
        })
    form = StartForm(request.POST or None, pledges=services.pledges_seeking_support(government))
    if request.method == "POST" and form.is_valid():
        try:
            application = services.start_intake(round_, government, request.user, **form.cleaned_data)
        except services.TransitionError as error:
            messages.error(request, str(error))
            return redirect("fund_workspace:government", slug=government.slug)
        messages.success(request, _("Your application is started. Check the answers taken from your pledge."))
        return redirect("fund_workspace:answer", slug=government.slug, pk=application.pk)
    return render(request, "fund/workspace/start.html", {
        "government": government, "round": round_, "form": form, "terms": services.eligibility_terms(round_),
    })


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, slug, pk):
    """The application as the applicant sees it: the current stage's questions, the feedback received."""
    government, _membership = get_government_for_member(request, slug)
    application = get_object_or_404(Application.objects.select_related("round", "pledge"), pk=pk, government=government)
    form_stage = application.answering_stage
    form = None
    if form_stage is not None:
        questions = application.round.questions.filter(stage=form_stage)
        answers = {a.question_id: a for a in application.answers.filter(question__stage=form_stage)}
        submitting = "submit" in request.POST
        form = AnswersForm(request.POST or None, questions=questions, answers=answers, submitting=submitting)
        if request.method == "POST" and form.is_valid():
            try:
                services.save_answers(application, request.user, form.answers(), submit=submitting)
            except services.TransitionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your answers are submitted.") if submitting else _("Your answers are saved."))
                return redirect("fund_workspace:answer", slug=government.slug, pk=application.pk)
    context = {
        "government": government, "application": application, "form": form, "form_stage": form_stage,
        "form_stage_label": FormStage(form_stage).label if form_stage else "",
        "deadline": services.deadline_for(application, form_stage) if form_stage else None,
        "feedback": services.feedback_for_applicant(application),
        "submitted_answers": application.answers.select_related("question").order_by("question__stage", "question__order"),
    }
    return render(request, "fund/workspace/answer.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def budget(request, slug, pk):
    """The proposal's budget table: lines, categories, amounts asked and co-funding."""
    government, _membership = get_government_for_member(request, slug)
    application = get_object_or_404(Application.objects.select_related("round"), pk=pk, government=government)
    editable = application.answering_stage == FormStage.PROPOSAL
    formset = BudgetFormSet(request.POST or None, instance=application, prefix="lines")
    if request.method == "POST":
        if not editable:
            messages.error(request, _("The budget can be changed only while the proposal is being written."))
            return redirect("fund_workspace:answer", slug=government.slug, pk=application.pk)
        if formset.is_valid():
            services.save_budget(application, request.user, formset)
            messages.success(request, _("The budget is saved."))
            return redirect("fund_workspace:budget", slug=government.slug, pk=application.pk)
    lines = application.budget_lines.all()
    totals = {"amount": sum(line.amount for line in lines), "co_funding": sum(line.co_funding for line in lines)}
    return render(request, "fund/workspace/budget.html", {
        "government": government, "application": application, "formset": formset, "editable": editable,
        "lines": lines, "totals": totals,
    })
