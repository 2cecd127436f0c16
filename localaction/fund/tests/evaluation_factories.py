"""Helpers for the evaluation tests: evaluators, applications under evaluation, finished evaluations."""
from django.contrib.auth.models import Group

from localaction.accounts.models import Roles
from localaction.factories import UserFactory
from localaction.fund import evaluation
from localaction.fund.models import Stage

from .factories import ApplicationFactory


def make_evaluator(email, **fields):
    user = UserFactory(email=email, **fields)
    user.groups.add(Group.objects.get(name=Roles.EVALUATOR))
    return user


def under_evaluation(**fields):
    return ApplicationFactory(stage=Stage.UNDER_EVALUATION, **fields)


def assigned(application, evaluator, manager, declared=None):
    """The evaluator's assignment, with a declaration of no conflict unless `declared` is None/"conflict"."""
    assignment, = evaluation.assign_evaluators(application, manager, [evaluator])
    if declared == "no_conflict":
        evaluation.declare(assignment, evaluator, False)
    elif declared == "conflict":
        evaluation.declare(assignment, evaluator, True, "My sister runs the project.")
    return assignment


def evaluated(application, evaluator, manager, scores, submit=True):
    """An evaluation with `scores` ({criterion: score}), each with a comment, submitted unless told otherwise."""
    assignment = assigned(application, evaluator, manager, declared="no_conflict")
    evaluation.save_scores(
        assignment, evaluator, {criterion: (score, f"Because {score}.") for criterion, score in scores.items()}, submit=submit
    )
    assignment.refresh_from_db()
    return assignment
