"""The evaluation of applications: fund managers assign evaluators; each evaluator first declares any conflict
of interest, then scores every criterion with a comment; the manager ranks the round.

Evaluators are assigned only once an application is under evaluation: they score the proposal as submitted,
never a draft the applicant is still writing.
"""
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from localaction.accounts.models import Roles
from localaction.activity.services import record
from localaction.notifications.services import notify

from .models import Application, ConflictDeclaration, Criterion, EvaluatorAssignment, Score, Stage
from .services import TransitionError, is_fund_manager, require_fund_manager

CENT = Decimal("0.01")
# Stages only reached through evaluation; a declined application is ranked only if evaluators were assigned to it
# (one declined at its intake never was).
RANKED_STAGES = (Stage.UNDER_EVALUATION, Stage.WAITLISTED, Stage.AWARDED)


def evaluators():
    """Active users who hold the evaluator role, the people a manager may assign."""
    return get_user_model().objects.filter(is_active=True, groups__name=Roles.EVALUATOR).order_by("email").distinct()


def assignments_for(user):
    """The user's assignments, except those on which they declared a conflict (those applications are hidden)."""
    return (
        EvaluatorAssignment.objects.filter(evaluator=user)
        .exclude(declaration__has_conflict=True)
        .select_related("application__round", "application__government__country", "declaration")
    )


def status_of(assignment):
    """What the evaluator has to do next: "declare", "score" or "submitted" ("conflict" for the manager)."""
    declaration = getattr(assignment, "declaration", None)
    if declaration is None:
        return "declare"
    if declaration.has_conflict:
        return "conflict"
    return "submitted" if assignment.submitted_at else "score"


# Assigning ----------------------------------------------------------------------------------------------------


@transaction.atomic
def assign_evaluators(application, manager, users):
    """Ask each of `users` (evaluators) to evaluate the application; those already assigned are skipped. Each new
    evaluator is notified. Returns the new assignments."""
    require_fund_manager(manager)
    application = Application.objects.select_for_update().select_related("round", "government").get(pk=application.pk)
    if application.stage != Stage.UNDER_EVALUATION:
        raise TransitionError(_("Evaluators can be assigned only while the application is under evaluation."))
    created = []
    for user in users:
        if not user.is_active or not user.has_role(Roles.EVALUATOR):
            raise TransitionError(_("%(user)s does not have the evaluator role.") % {"user": user})
        assignment, new = EvaluatorAssignment.objects.get_or_create(
            application=application, evaluator=user, defaults={"assigned_by": manager}
        )
        if not new:
            continue
        created.append(assignment)
        record(manager, "fund.evaluator_assigned", application, evaluator=user.pk)
        notify(
            user, "fund.evaluator_assigned", url=reverse("fund_workspace:assignment", args=[assignment.pk]),
            government=application.government.name, round=str(application.round),
        )
    return created


@transaction.atomic
def unassign(assignment, manager):
    """Take an evaluator off an application. Submitted scores are part of the record and stay."""
    require_fund_manager(manager)
    assignment = EvaluatorAssignment.objects.select_for_update().select_related("application").get(pk=assignment.pk)
    if assignment.submitted_at is not None:
        raise TransitionError(_("This evaluator has submitted their scores: the assignment stays on record."))
    record(manager, "fund.evaluator_unassigned", assignment.application, evaluator=assignment.evaluator_id)
    assignment.delete()


# The evaluator's side -------------------------------------------------------------------------------------------


def _own_assignment(assignment, evaluator):
    """The assignment locked for update, if it is the evaluator's own and they still hold the role."""
    if not evaluator.is_authenticated or not evaluator.has_role(Roles.EVALUATOR):
        raise PermissionDenied
    assignment = (
        EvaluatorAssignment.objects.select_for_update()
        .select_related("application__round", "application__government")
        .get(pk=assignment.pk)
    )
    if assignment.evaluator_id != evaluator.pk:
        raise PermissionDenied
    return assignment


@transaction.atomic
def declare(assignment, evaluator, has_conflict, explanation=""):
    """The evaluator's declaration of interest, made once and before anything else. A conflict hides the
    application from them and tells the manager who assigned them to find someone else."""
    assignment = _own_assignment(assignment, evaluator)
    if ConflictDeclaration.objects.filter(assignment=assignment).exists():
        raise TransitionError(_("You have already made your declaration for this application."))
    explanation = (explanation or "").strip()
    if has_conflict and not explanation:
        raise TransitionError(_("Explain the conflict of interest, so the manager can judge it."))
    declaration = ConflictDeclaration.objects.create(
        assignment=assignment, has_conflict=bool(has_conflict), explanation=explanation
    )
    application = assignment.application
    record(evaluator, "fund.conflict_declared", application, has_conflict=declaration.has_conflict)
    if declaration.has_conflict:
        notify(
            assignment.assigned_by, "fund.conflict_declared",
            url=reverse("fund_workspace:application", args=[application.pk]),
            evaluator=evaluator.email, government=application.government.name, round=str(application.round),
        )
    return declaration


def _check_score(criterion, score, comment):
    if score < 0 or score > criterion.max_score:
        raise TransitionError(
            _("The score for “%(criterion)s” must be between 0 and %(max)s.") % {"criterion": criterion, "max": criterion.max_score}
        )
    if not comment:
        raise TransitionError(_("Explain your score for “%(criterion)s”.") % {"criterion": criterion})


@transaction.atomic
def save_scores(assignment, evaluator, scores, submit=False):
    """Store the evaluator's scores ({criterion: (score, comment)}; a score of None leaves the criterion
    unscored). Every score needs its comment. With `submit`, every criterion of the round must be scored; the
    scores are then locked and the evaluator may read the other submitted evaluations."""
    assignment = _own_assignment(assignment, evaluator)
    declaration = ConflictDeclaration.objects.filter(assignment=assignment).first()
    if declaration is None:
        raise TransitionError(_("Declare any conflict of interest first."))
    if declaration.has_conflict:
        raise PermissionDenied
    if assignment.submitted_at is not None:
        raise TransitionError(_("Your scores are submitted and can no longer change."))
    if assignment.application.stage != Stage.UNDER_EVALUATION:
        raise TransitionError(_("This application is no longer under evaluation."))
    for criterion, (score, comment) in scores.items():
        if criterion.round_id != assignment.application.round_id:
            raise TransitionError(_("This criterion does not belong to the application’s round."))
        comment = (comment or "").strip()
        if score is None:
            Score.objects.filter(assignment=assignment, criterion=criterion).delete()
            continue
        _check_score(criterion, score, comment)
        Score.objects.update_or_create(
            assignment=assignment, criterion=criterion, defaults={"score": score, "comment": comment}
        )
    if submit:
        missing = Criterion.objects.filter(round_id=assignment.application.round_id).exclude(scores__assignment=assignment)
        if missing.exists():
            raise TransitionError(
                _("Score every criterion before submitting (missing: %(names)s).")
                % {"names": ", ".join(str(criterion) for criterion in missing)}
            )
        assignment.submitted_at = timezone.now()
        assignment.save(update_fields=["submitted_at"])
        record(evaluator, "fund.scores_submitted", assignment.application, evaluator=evaluator.pk)
    else:
        record(evaluator, "fund.scores_saved", assignment.application, evaluator=evaluator.pk)
    return assignment


def visible_scores(application, user):
    """The scores of the application `user` may read: a manager reads them all (drafts included); an evaluator
    reads their own, and the other evaluators' submitted scores once their own are submitted; anyone else none."""
    scores = Score.objects.filter(assignment__application=application).select_related("assignment__evaluator", "criterion")
    if is_fund_manager(user):
        return scores
    if not user.is_authenticated or not user.has_role(Roles.EVALUATOR):
        return scores.none()
    own = assignments_for(user).filter(application=application).first()
    if own is None or status_of(own) == "declare":
        return scores.none()
    if own.submitted_at is None:
        return scores.filter(assignment=own)
    return scores.filter(Q(assignment=own) | Q(assignment__submitted_at__isnull=False))


def group_by_assignment(scores):
    """[(assignment, [scores…])] in assignment order, for pages that show evaluations side by side."""
    grouped = {}
    for score in scores.order_by("assignment__assigned_at", "assignment_id", "criterion__order", "criterion_id"):
        grouped.setdefault(score.assignment, []).append(score)
    return list(grouped.items())


def progress(application):
    """For the manager: every assignment of the application with its status, declaration and scores."""
    scores = {}
    for score in Score.objects.filter(assignment__application=application).select_related("criterion"):
        scores.setdefault(score.assignment_id, []).append(score)
    assignments = application.assignments.select_related("evaluator", "declaration").order_by("assigned_at", "id")
    return [
        {"assignment": a, "status": status_of(a), "declaration": getattr(a, "declaration", None), "scores": scores.get(a.pk, [])}
        for a in assignments
    ]


# Ranking ------------------------------------------------------------------------------------------------------


def _decimal(value):
    """A Fraction rounded half up to two decimals."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def _sqrt(value):
    with localcontext() as context:
        context.prec = 28
        return (Decimal(value.numerator) / Decimal(value.denominator)).sqrt().quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class CriterionResult:
    """One criterion's scores over the submitted evaluations of one application.

    `average` is the mean; the spread is given twice: `stdev`, the population standard deviation (square root of
    the mean squared distance to the mean), and `low`–`high`, the lowest and highest score. All None when no
    submitted evaluation scored it."""

    criterion: Criterion
    count: int = 0
    average: Decimal | None = None
    stdev: Decimal | None = None
    low: int | None = None
    high: int | None = None
    failed: bool = False
    exact_average: Fraction | None = None


@dataclass
class RankedApplication:
    """One row of the ranking."""

    application: Application
    results: list = field(default_factory=list)
    total: Decimal | None = None
    flagged: bool = False
    evaluations: int = 0
    assigned: int = 0
    rank: int | None = None

    @property
    def failed_criteria(self):
        return [result.criterion for result in self.results if result.failed]


def _criterion_result(criterion, values):
    result = CriterionResult(criterion=criterion, count=len(values))
    if not values:
        return result
    mean = Fraction(sum(values), len(values))
    variance = sum((Fraction(value) - mean) ** 2 for value in values) / len(values)
    result.exact_average, result.average, result.stdev = mean, _decimal(mean), _sqrt(variance)
    result.low, result.high = min(values), max(values)
    result.failed = criterion.kind == Criterion.Kind.CRITICAL and mean < criterion.pass_mark
    return result


def _weighted_total(results):
    """sum(weight × average / highest score) / sum(weight), on a 0–100 scale, over the criteria scored."""
    scored = [result for result in results if result.exact_average is not None and result.criterion.max_score]
    weights = sum(Fraction(str(result.criterion.weight)) for result in scored)
    if not scored or not weights:
        return None
    weighted = sum(
        Fraction(str(result.criterion.weight)) * result.exact_average / result.criterion.max_score for result in scored
    )
    return _decimal(weighted / weights * 100)


def ranking(round_):
    """The round's evaluated applications, best first: those passing every critical criterion by weighted total
    (highest first), then the flagged ones by total, then those without any submitted evaluation. Only
    submitted evaluations count."""
    criteria = list(round_.criteria.all())
    applications = (
        Application.objects.filter(round=round_)
        .filter(Q(stage__in=RANKED_STAGES) | Q(assignments__isnull=False))
        .distinct()
        .select_related("government__country")
    )
    values = {}
    for application_id, criterion_id, score in Score.objects.filter(
        assignment__application__round=round_, assignment__submitted_at__isnull=False
    ).values_list("assignment__application_id", "criterion_id", "score"):
        values.setdefault((application_id, criterion_id), []).append(score)
    counts = {}
    for application_id, submitted in EvaluatorAssignment.objects.filter(application__round=round_).values_list(
        "application_id", "submitted_at"
    ):
        assigned, done = counts.get(application_id, (0, 0))
        counts[application_id] = (assigned + 1, done + (submitted is not None))
    rows = []
    for application in applications:
        results = [_criterion_result(criterion, values.get((application.pk, criterion.pk), [])) for criterion in criteria]
        assigned, done = counts.get(application.pk, (0, 0))
        rows.append(RankedApplication(
            application=application, results=results, total=_weighted_total(results),
            flagged=any(result.failed for result in results), evaluations=done, assigned=assigned,
        ))
    rows.sort(key=lambda row: (
        row.total is None, row.flagged, -(row.total or 0), row.application.government.name, row.application.pk
    ))
    for position, row in enumerate(rows, start=1):
        row.rank = position if row.total is not None else None
    return rows
