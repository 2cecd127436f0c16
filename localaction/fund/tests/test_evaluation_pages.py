"""The evaluation pages as an evaluator and a fund manager use them."""
import pytest
from django.urls import reverse

from localaction.fund.models import ConflictDeclaration, EvaluatorAssignment, Score
from localaction.notifications.models import Notification

from .evaluation_factories import assigned, evaluated, make_evaluator, under_evaluation
from .factories import ApplicationFactory, CriterionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(personas):
    application = under_evaluation(government=personas.government_a, language="fr")
    question = QuestionFactory(round=application.round, label_en="What will you do?")
    application.answers.create(question=question, text="Des cours de langue", language="fr",
                               translation="Language classes", translation_language="en")
    application.budget_lines.create(category="staff", description="Deux enseignants", amount=24000)
    CriterionFactory(round=application.round, name_en="Inclusion", guidance_en="Are migrants part of the design?", order=1)
    CriterionFactory(round=application.round, name_en="Budget", order=2)
    return application


def url(assignment):
    return reverse("fund_workspace:assignment", args=[assignment.pk])


def test_the_evaluator_declares_before_seeing_anything_then_reads_and_scores(client_for, personas, application):
    assignment = assigned(application, personas.evaluator, personas.fund_manager)
    client = client_for("evaluator")
    listing = client.get(reverse("fund_workspace:evaluations")).content.decode()
    assert "Government A" in listing and "Declare any conflict of interest" in listing

    page = client.get(url(assignment)).content.decode()
    assert "Government A" in page
    assert "Des cours de langue" not in page and "Deux enseignants" not in page

    response = client.post(url(assignment), {"has_conflict": "yes", "explanation": ""})
    assert response.status_code == 400
    assert "Explain the conflict of interest" in response.content.decode()
    assert not ConflictDeclaration.objects.exists()

    response = client.post(url(assignment), {"has_conflict": "no", "explanation": ""})
    assert response.status_code == 302
    page = client.get(url(assignment)).content.decode()
    assert "Des cours de langue" in page and 'lang="fr"' in page and "Language classes" in page
    assert "Deux enseignants" in page
    assert "Are migrants part of the design?" in page

    inclusion, budget = application.round.criteria.all()
    response = client.post(url(assignment), {f"score_{inclusion.pk}": "4", f"comment_{inclusion.pk}": "", "save": ""})
    assert response.status_code == 400
    assert "Explain your score." in response.content.decode()
    assert 'value="4"' in response.content.decode()  # what was typed is kept

    client.post(url(assignment), {f"score_{inclusion.pk}": "4", f"comment_{inclusion.pk}": "Co-designed", "save": ""})
    assert Score.objects.get().comment == "Co-designed"
    response = client.post(url(assignment), {f"score_{inclusion.pk}": "4", f"comment_{inclusion.pk}": "Co-designed", "submit": ""})
    assert response.status_code == 400  # the budget is not scored
    client.post(url(assignment), {f"score_{inclusion.pk}": "4", f"comment_{inclusion.pk}": "Co-designed",
                                  f"score_{budget.pk}": "3", f"comment_{budget.pk}": "Fair", "submit": ""})
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert "Submitted on" in client.get(reverse("fund_workspace:evaluations")).content.decode()


def test_a_declared_conflict_hides_the_application_from_the_list_and_its_page(client_for, personas, application):
    assignment = assigned(application, personas.evaluator, personas.fund_manager)
    client = client_for("evaluator")
    response = client.post(url(assignment), {"has_conflict": "yes", "explanation": "I advise the mayor."})
    assert response.url == reverse("fund_workspace:evaluations")

    assert "Government A" not in client.get(reverse("fund_workspace:evaluations")).content.decode()
    assert client.get(url(assignment)).status_code == 404
    assert client.post(url(assignment), {"has_conflict": "no"}).status_code == 404
    manager_page = client_for("fund_manager").get(reverse("fund_workspace:application", args=[application.pk])).content.decode()
    assert "Declared a conflict of interest" in manager_page and "I advise the mayor." in manager_page


def test_another_evaluators_assignment_does_not_exist_for_an_evaluator(client_for, personas, application):
    other = make_evaluator("other@example.org")
    theirs = assigned(application, other, personas.fund_manager)
    assert client_for("evaluator").get(url(theirs)).status_code == 404


def test_others_scores_appear_on_the_page_only_after_submitting_ones_own(client_for, personas, application):
    inclusion, budget = application.round.criteria.all()
    other = make_evaluator("other@example.org", full_name="Olga Other")
    evaluated(application, other, personas.fund_manager, {inclusion: 1, budget: 2})
    mine = evaluated(application, personas.evaluator, personas.fund_manager, {inclusion: 5}, submit=False)
    client = client_for("evaluator")

    page = client.get(url(mine)).content.decode()
    assert "Olga Other" not in page and "Because 1." not in page

    client.post(url(mine), {f"score_{inclusion.pk}": "5", f"comment_{inclusion.pk}": "Strong",
                            f"score_{budget.pk}": "4", f"comment_{budget.pk}": "Sound", "submit": ""})
    page = client.get(url(mine)).content.decode()
    assert "Scores of Olga Other" in page and "Because 1." in page and "Because 2." in page
    assert 'name="submit"' not in page  # locked


def test_the_manager_assigns_evaluators_from_the_application_page(client_for, personas, application):
    make_evaluator("second@example.org", full_name="Sam Second")
    client = client_for("fund_manager")
    detail = reverse("fund_workspace:application", args=[application.pk])
    page = client.get(detail).content.decode()
    assert "Sam Second (second@example.org)" in page
    assert "reviewer@example.org" not in page  # only users with the evaluator role are offered

    response = client.post(reverse("fund_workspace:assign_evaluators", args=[application.pk]),
                           {"evaluators": [personas.evaluator.pk]})
    assert response.status_code == 302
    assignment = EvaluatorAssignment.objects.get()
    assert assignment.evaluator == personas.evaluator
    assert Notification.objects.filter(user=personas.evaluator, verb="fund.evaluator_assigned").exists()
    assert "Has not declared yet." in client.get(detail).content.decode()

    response = client.post(reverse("fund_workspace:assign_evaluators", args=[application.pk]), {"evaluators": [personas.reviewer.pk]})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()

    client.post(reverse("fund_workspace:unassign_evaluator", args=[assignment.pk]))
    assert not EvaluatorAssignment.objects.exists()


def test_the_manager_sees_every_evaluators_scores_on_the_application_page(client_for, personas, application):
    inclusion, budget = application.round.criteria.all()
    evaluated(application, personas.evaluator, personas.fund_manager, {inclusion: 4}, submit=False)
    page = client_for("fund_manager").get(reverse("fund_workspace:application", args=[application.pk])).content.decode()
    assert "Because 4." in page and "scoring (draft)" in page


def test_evaluators_are_assigned_only_once_the_application_is_under_evaluation(client_for, personas):
    application = ApplicationFactory(government=personas.government_a)
    client = client_for("fund_manager")
    page = client.get(reverse("fund_workspace:application", args=[application.pk])).content.decode()
    assert "Evaluators can be assigned once the application is sent to evaluation." in page
    client.post(reverse("fund_workspace:assign_evaluators", args=[application.pk]), {"evaluators": [personas.evaluator.pk]})
    assert not EvaluatorAssignment.objects.exists()
