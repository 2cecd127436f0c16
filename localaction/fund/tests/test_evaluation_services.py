"""Assigning evaluators, declarations of interest, scoring, and who reads which scores."""
import pytest
from django.core.exceptions import PermissionDenied

from localaction.activity.models import ActivityLog
from localaction.fund import evaluation, services
from localaction.fund.models import ConflictDeclaration, Score, Stage
from localaction.notifications.models import Notification

from .evaluation_factories import assigned, evaluated, make_evaluator, under_evaluation
from .factories import ApplicationFactory, CriterionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(personas):
    application = under_evaluation(government=personas.government_a)
    criteria = [CriterionFactory(round=application.round, max_score=5, order=n) for n in range(2)]
    return application, criteria


def test_a_manager_assigns_evaluators_who_are_notified(personas, setup):
    application, _criteria = setup
    created = evaluation.assign_evaluators(application, personas.fund_manager, [personas.evaluator])

    assert [a.evaluator for a in created] == [personas.evaluator]
    assert created[0].assigned_by == personas.fund_manager
    notice = Notification.objects.get(user=personas.evaluator)
    assert notice.verb == "fund.evaluator_assigned"
    assert notice.url.endswith(f"/evaluations/{created[0].pk}/")
    assert ActivityLog.objects.filter(verb="fund.evaluator_assigned", object_id=str(application.pk)).exists()
    # Assigning again changes nothing and notifies nobody twice.
    assert evaluation.assign_evaluators(application, personas.fund_manager, [personas.evaluator]) == []
    assert Notification.objects.filter(user=personas.evaluator).count() == 1


def test_only_evaluators_can_be_assigned_and_only_under_evaluation(personas, setup):
    application, _criteria = setup
    with pytest.raises(services.TransitionError):
        evaluation.assign_evaluators(application, personas.fund_manager, [personas.reviewer])
    proposal = ApplicationFactory(stage=Stage.PROPOSAL)
    with pytest.raises(services.TransitionError):
        evaluation.assign_evaluators(proposal, personas.fund_manager, [personas.evaluator])
    assert not application.assignments.exists() and not proposal.assignments.exists()


@pytest.mark.parametrize("persona", ["member_a", "reviewer", "evaluator"])
def test_only_fund_managers_assign(personas, setup, persona):
    with pytest.raises(PermissionDenied):
        evaluation.assign_evaluators(setup[0], personas.get(persona), [personas.evaluator])


def test_the_declaration_comes_first_and_only_once(personas, setup):
    application, criteria = setup
    assignment = assigned(application, personas.evaluator, personas.fund_manager)
    with pytest.raises(services.TransitionError):
        evaluation.save_scores(assignment, personas.evaluator, {criteria[0]: (4, "Good")})
    with pytest.raises(services.TransitionError):  # a conflict needs its explanation
        evaluation.declare(assignment, personas.evaluator, True, "  ")
    other = make_evaluator("other@example.org")
    with pytest.raises(PermissionDenied):
        evaluation.declare(assignment, other, False)

    evaluation.declare(assignment, personas.evaluator, False)
    with pytest.raises(services.TransitionError):
        evaluation.declare(assignment, personas.evaluator, True, "Changed my mind")
    assert ConflictDeclaration.objects.get(assignment=assignment).has_conflict is False


def test_a_declared_conflict_hides_the_application_and_tells_the_manager(personas, setup):
    application, criteria = setup
    assignment = assigned(application, personas.evaluator, personas.fund_manager, declared="conflict")

    assert list(evaluation.assignments_for(personas.evaluator)) == []
    with pytest.raises(PermissionDenied):
        evaluation.save_scores(assignment, personas.evaluator, {criteria[0]: (4, "Good")})
    assert list(evaluation.visible_scores(application, personas.evaluator)) == []
    notice = Notification.objects.get(user=personas.fund_manager)
    assert notice.verb == "fund.conflict_declared"
    assert notice.context["evaluator"] == personas.evaluator.email
    progress = evaluation.progress(application)
    assert [(item["status"], item["declaration"].explanation) for item in progress] == [("conflict", "My sister runs the project.")]
    # The manager reassigns: another evaluator.
    other = make_evaluator("other@example.org")
    evaluation.assign_evaluators(application, personas.fund_manager, [other])
    assert [item["status"] for item in evaluation.progress(application)] == ["conflict", "declare"]


def test_scores_stay_within_the_range_and_need_a_comment(personas, setup):
    application, criteria = setup
    assignment = assigned(application, personas.evaluator, personas.fund_manager, declared="no_conflict")
    for bad in ((6, "Too high"), (-1, "Too low"), (3, "   ")):
        with pytest.raises(services.TransitionError):
            evaluation.save_scores(assignment, personas.evaluator, {criteria[0]: bad})
    assert not Score.objects.exists()
    foreign = CriterionFactory()
    with pytest.raises(services.TransitionError):
        evaluation.save_scores(assignment, personas.evaluator, {foreign: (1, "Another round")})


def test_a_draft_can_be_partial_a_submission_cannot_and_submitted_scores_are_locked(personas, setup):
    application, criteria = setup
    assignment = assigned(application, personas.evaluator, personas.fund_manager, declared="no_conflict")
    evaluation.save_scores(assignment, personas.evaluator, {criteria[0]: (4, "Clear plan"), criteria[1]: (None, "")})
    assert Score.objects.get().score == 4
    with pytest.raises(services.TransitionError):
        evaluation.save_scores(assignment, personas.evaluator, {}, submit=True)
    assignment.refresh_from_db()
    assert assignment.submitted_at is None

    evaluation.save_scores(assignment, personas.evaluator, {criteria[1]: (2, "Thin budget")}, submit=True)
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    with pytest.raises(services.TransitionError):
        evaluation.save_scores(assignment, personas.evaluator, {criteria[1]: (5, "Second thoughts")})
    assert Score.objects.get(criterion=criteria[1]).score == 2
    with pytest.raises(services.TransitionError):  # submitted scores stay on record
        evaluation.unassign(assignment, personas.fund_manager)


def test_evaluators_read_others_scores_only_after_submitting_their_own(personas, setup):
    application, criteria = setup
    other = make_evaluator("other@example.org")
    theirs = evaluated(application, other, personas.fund_manager, {criteria[0]: 1, criteria[1]: 2})
    mine = assigned(application, personas.evaluator, personas.fund_manager)

    assert list(evaluation.visible_scores(application, personas.evaluator)) == []  # not even declared
    evaluation.declare(mine, personas.evaluator, False)
    evaluation.save_scores(mine, personas.evaluator, {criteria[0]: (5, "Mine")})
    visible = evaluation.visible_scores(application, personas.evaluator)
    assert {score.assignment_id for score in visible} == {mine.pk}

    evaluation.save_scores(mine, personas.evaluator, {criteria[1]: (5, "Mine too")}, submit=True)
    visible = evaluation.visible_scores(application, personas.evaluator)
    assert {score.assignment_id for score in visible} == {mine.pk, theirs.pk}
    assert {score.score for score in visible if score.assignment_id == theirs.pk} == {1, 2}


def test_a_submitted_evaluator_does_not_read_another_evaluators_draft(personas, setup):
    application, criteria = setup
    other = make_evaluator("other@example.org")
    draft = evaluated(application, other, personas.fund_manager, {criteria[0]: 1}, submit=False)
    evaluated(application, personas.evaluator, personas.fund_manager, {criteria[0]: 3, criteria[1]: 3})
    visible = evaluation.visible_scores(application, personas.evaluator)
    assert draft.pk not in {score.assignment_id for score in visible}
    # The manager reads everything, drafts included; strangers read nothing.
    assert draft.pk in {score.assignment_id for score in evaluation.visible_scores(application, personas.fund_manager)}
    for name in ("member_a", "reviewer"):
        assert list(evaluation.visible_scores(application, personas.get(name))) == []


def test_a_manager_unassigns_an_evaluator_who_has_not_submitted(personas, setup):
    application, _criteria = setup
    assignment = assigned(application, personas.evaluator, personas.fund_manager, declared="no_conflict")
    with pytest.raises(PermissionDenied):
        evaluation.unassign(assignment, personas.evaluator)
    evaluation.unassign(assignment, personas.fund_manager)
    assert not application.assignments.exists()
    assert ActivityLog.objects.filter(verb="fund.evaluator_unassigned").exists()
