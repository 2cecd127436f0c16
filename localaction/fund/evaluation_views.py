"""Evaluation pages: the evaluator's list and assignment page (declaration first, then scoring); the manager's
assigning of evaluators and the round's ranking, on screen and as CSV.

An evaluator reaches an application only through their own assignment; an assignment that is not theirs, or on
which they declared a conflict, does not exist for them (404)."""
import csv

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.opendata.renderers import neutralise

from . import evaluation, services
from .evaluation_forms import AssignForm, DeclarationForm, ScoresForm
from .models import Application, EvaluatorAssignment, Round, Stage
from .workspace_views import render_application

# Evaluators ----------------------------------------------------------------------------------------------------


@role_required(Roles.EVALUATOR)
def my_evaluations(request):
    """The applications the evaluator is asked to evaluate (not those they declared a conflict on)."""
    rows = [(assignment, evaluation.status_of(assignment)) for assignment in evaluation.assignments_for(request.user)]
    return render(request, "fund/workspace/evaluation/list.html", {"rows": rows})


def get_assignment_for_evaluator(request, pk):
    """The signed-in evaluator's own assignment; 404 for anyone else's and for one they declared a conflict on."""
    assignment = get_object_or_404(evaluation.assignments_for(request.user), pk=pk)
    if evaluation.status_of(assignment) == "conflict":
        raise Http404
    return assignment


@role_required(Roles.EVALUATOR)
@require_http_methods(["GET", "POST"])
def assignment_detail(request, pk):
    """Declaration of interest first (only the government's name is shown), then the application and scoring."""
    assignment = get_assignment_for_evaluator(request, pk)
    if evaluation.status_of(assignment) == "declare":
        return _declaration(request, assignment)
    return _scoring(request, assignment)


def _declaration(request, assignment):
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            declaration = evaluation.declare(
                assignment, request.user, form.cleaned_data["has_conflict"], form.cleaned_data["explanation"]
            )
        except services.TransitionError as error:
            messages.error(request, str(error))
        else:
            if declaration.has_conflict:
                messages.success(request, _("Your conflict of interest is recorded; this application is no longer shown to you."))
                return redirect("fund_workspace:evaluations")
            messages.success(request, _("Your declaration is recorded. You can now read and score the application."))
            return redirect("fund_workspace:assignment", pk=assignment.pk)
    return render(request, "fund/workspace/evaluation/declare.html", {"assignment": assignment, "form": form},
                  status=400 if form.errors else 200)


def _scoring(request, assignment):
    application = assignment.application
    criteria = application.round.criteria.all()
    own = {score.criterion_id: score for score in assignment.scores.all()}
    open_for_scores = assignment.submitted_at is None and application.stage == Stage.UNDER_EVALUATION
    submitting = "submit" in request.POST
    form = ScoresForm(request.POST or None, criteria=criteria, scores=own, submitting=submitting) if open_for_scores else None
    status = 200
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Your scores can no longer change."))
            return redirect("fund_workspace:assignment", pk=assignment.pk)
        if form.is_valid():
            try:
                evaluation.save_scores(assignment, request.user, form.scores(), submit=submitting)
            except services.TransitionError as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(request, _("Your scores are submitted.") if submitting else _("Your draft scores are saved."))
                return redirect("fund_workspace:assignment", pk=assignment.pk)
        else:
            status = 400
    others = evaluation.visible_scores(application, request.user).exclude(assignment=assignment)
    return render(request, "fund/workspace/evaluation/assignment.html", {
        "assignment": assignment, "application": application, "form": form, "own_scores": list(assignment.scores.select_related("criterion")),
        "other_evaluations": evaluation.group_by_assignment(others),
        **_application_content(application),
    }, status=status)


def _application_content(application):
    """What the evaluator reads: every submitted answer (with its language and any translation) and the budget."""
    lines = list(application.budget_lines.all())
    return {
        "answers": application.answers.select_related("question").order_by("question__stage", "question__order", "question_id"),
        "budget_lines": lines,
        "budget_totals": {"amount": sum(line.amount for line in lines), "co_funding": sum(line.co_funding for line in lines)},
    }


# Fund managers -------------------------------------------------------------------------------------------------


@role_required(Roles.FUND_MANAGER)
@require_POST
def assign(request, pk):
    """Assign the evaluators ticked on the application page."""
    application = get_object_or_404(Application.objects.for_listing(), pk=pk)
    form = AssignForm(request.POST, application=application)
    if not form.is_valid():
        return render_application(request, application, assign_form=form, status=400)
    try:
        created = evaluation.assign_evaluators(application, request.user, form.cleaned_data["evaluators"])
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)s evaluator(s) assigned and notified.") % {"count": len(created)})
    return redirect("fund_workspace:application", pk=application.pk)


@role_required(Roles.FUND_MANAGER)
@require_POST
def unassign(request, pk):
    """Take an evaluator off an application (not once they have submitted)."""
    assignment = get_object_or_404(EvaluatorAssignment, pk=pk)
    try:
        evaluation.unassign(assignment, request.user)
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The evaluator is no longer assigned."))
    return redirect("fund_workspace:application", pk=assignment.application_id)


@role_required(Roles.FUND_MANAGER)
def ranking(request, pk):
    """The round's applications ranked on their submitted evaluations, with each criterion's average and spread."""
    round_ = get_object_or_404(Round, pk=pk)
    return render(request, "fund/workspace/evaluation/ranking.html", {
        "round": round_, "criteria": list(round_.criteria.all()), "rows": evaluation.ranking(round_),
    })


@role_required(Roles.FUND_MANAGER)
def ranking_csv(request, pk):
    """The ranking as CSV: one row per application, four columns per criterion (average, standard deviation,
    lowest, highest). Only internal figures: no evaluator's name or comment."""
    round_ = get_object_or_404(Round, pk=pk)
    criteria = list(round_.criteria.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fund-round-{round_.pk}-ranking.csv"'
    writer = csv.writer(response)
    header = [_("Rank"), _("Government"), _("Country"), _("Stage"), _("Submitted evaluations"), _("Assigned evaluators")]
    for criterion in criteria:
        name = str(criterion)
        header += [f"{name}: {_('average')}", f"{name}: {_('standard deviation')}", f"{name}: {_('lowest')}", f"{name}: {_('highest')}"]
    writer.writerow([neutralise(str(cell)) for cell in [*header, _("Weighted total (0–100)"), _("Flagged"), _("Failed critical criteria")]])
    for row in evaluation.ranking(round_):
        application = row.application
        cells = [row.rank or "", neutralise(application.government.name), neutralise(str(application.government.country)),
                 application.get_stage_display(), row.evaluations, row.assigned]
        for result in row.results:
            cells += [_blank(result.average), _blank(result.stdev), _blank(result.low), _blank(result.high)]
        cells += [_blank(row.total), _("yes") if row.flagged else _("no"),
                  neutralise("; ".join(str(criterion) for criterion in row.failed_criteria))]
        writer.writerow(cells)
    return response


def _blank(value):
    return "" if value is None else value
