"""The Fund's workspace pages, as a fund manager and an applicant use them."""
import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.fund.models import Application, BudgetLine, FormStage, Question, Round, Stage

from .factories import ApplicationFactory, CriterionFactory, QuestionFactory, RoundFactory

pytestmark = pytest.mark.django_db


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def test_a_fund_manager_creates_a_round_with_its_criteria_and_questions(client_for):
    client = client_for("fund_manager")
    data = {
        "name_en": "Inclusive climate action 2027", "status": "open", "grant_min": "10000", "grant_max": "60000",
        "currency": "USD", "duration_months": "18", "intake_deadline": "2027-03-01",
        **management("criteria", 1), "criteria-0-name_en": "Inclusion of migrants", "criteria-0-kind": "critical",
        "criteria-0-weight": "2", "criteria-0-max_score": "5", "criteria-0-pass_mark": "3", "criteria-0-order": "1",
        **management("questions", 1), "questions-0-stage": "intake", "questions-0-label_en": "What will you do?",
        "questions-0-kind": "text", "questions-0-required": "on", "questions-0-prefill_from": "summary",
        "questions-0-order": "1",
    }
    response = client.post(reverse("fund_workspace:round_create"), data)

    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("fund_workspace:round_edit", args=[round_.pk])
    assert round_.criteria.get().kind == "critical"
    assert round_.questions.get().prefill_from == Question.Prefill.SUMMARY
    assert round_.created_by.email == "fund@example.org"
    assert "Inclusion of migrants" in client.get(response.url).content.decode()


def test_a_round_with_an_inverted_grant_range_comes_back_with_the_error(client_for):
    client = client_for("fund_manager")
    response = client.post(reverse("fund_workspace:round_create"), {
        "name_en": "Round", "status": "draft", "grant_min": "9", "grant_max": "1", "currency": "USD",
        "duration_months": "12", "intake_deadline": "2027-03-01", **management("criteria"), **management("questions"),
    })
    assert response.status_code == 200
    assert "The largest grant cannot be smaller than the smallest." in response.content.decode()
    assert not Round.objects.exists()


def test_a_city_applies_from_its_pledge_and_submits_its_intake(client_for, personas):
    round_ = RoundFactory(name_en="Children and caregivers")
    question = QuestionFactory(round=round_, label_en="Describe the project", prefill_from=Question.Prefill.SUMMARY)
    pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True,
                           partnership_sought="A university", summary_en="Schools for every child who arrives.")
    client = client_for("editor_a")
    slug = personas.government_a.slug

    home = client.get(reverse("fund_workspace:government", args=[slug])).content.decode()
    assert "Children and caregivers" in home
    start = client.get(reverse("fund_workspace:start", args=[slug, round_.pk])).content.decode()
    assert pledge.title_en in start
    response = client.post(reverse("fund_workspace:start", args=[slug, round_.pk]), {"pledge": pledge.pk, "language": "en"})
    application = Application.objects.get()
    assert response.url == reverse("fund_workspace:answer", args=[slug, application.pk])

    page = client.get(response.url).content.decode()
    assert "Schools for every child who arrives." in page  # nothing typed twice
    response = client.post(response.url, {f"q{question.pk}": "Schools for every child, and their parents.", "submit": ""})
    application.refresh_from_db()
    assert application.submitted_at is not None
    assert "the Fund will tell you of its decision" in client.get(response.url).content.decode()


def test_submitting_without_a_required_answer_shows_the_error_and_keeps_the_stage_open(client_for, personas):
    question = QuestionFactory(label_en="Describe the project")
    application = ApplicationFactory(round=question.round, government=personas.government_a)
    url = reverse("fund_workspace:answer", args=[personas.government_a.slug, application.pk])
    response = client_for("member_a").post(url, {f"q{question.pk}": "", "submit": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    application.refresh_from_db()
    assert application.submitted_at is None


def test_another_governments_application_does_not_exist_for_a_member(client_for, personas):
    application = ApplicationFactory(government=personas.government_b)
    url = reverse("fund_workspace:answer", args=[personas.government_a.slug, application.pk])
    assert client_for("member_a").get(url).status_code == 404


def test_the_manager_decides_and_the_applicant_reads_the_feedback(client_for, personas):
    application = ApplicationFactory(government=personas.government_a, submitted_at="2026-01-01T00:00:00Z")
    manager = client_for("fund_manager")
    detail = manager.get(reverse("fund_workspace:application", args=[application.pk])).content.decode()
    assert "Invite to a concept note" in detail and "Award" not in detail

    manager.post(reverse("fund_workspace:decide", args=[application.pk]),
                 {"decision": "invite", "feedback": "Strong link to your pledge; say more about the partners."})

    application.refresh_from_db()
    assert application.stage == Stage.INVITED
    page = client_for("member_a").get(reverse("fund_workspace:answer", args=[personas.government_a.slug, application.pk]))
    assert "Strong link to your pledge; say more about the partners." in page.content.decode()


def test_the_manager_grants_an_exception_to_a_deadline_from_the_application_page(client_for, personas):
    application = ApplicationFactory(government=personas.government_a)
    response = client_for("fund_manager").post(reverse("fund_workspace:override", args=[application.pk]),
                                               {"stage": "intake", "until": "2030-01-01", "reason": "Elections"})
    assert response.status_code == 302
    assert application.deadline_overrides.get().reason == "Elections"


def test_the_budget_table_is_filled_in_at_the_proposal_stage(client_for, personas):
    application = ApplicationFactory(government=personas.government_a, stage=Stage.PROPOSAL)
    url = reverse("fund_workspace:budget", args=[personas.government_a.slug, application.pk])
    client = client_for("member_a")
    client.post(url, {**management("lines", 1), "lines-0-category": "staff", "lines-0-description": "Two teachers",
                      "lines-0-amount": "24000", "lines-0-co_funding": "6000", "lines-0-co_funding_source": "City"})
    line = BudgetLine.objects.get()
    assert (line.application, line.amount, line.co_funding) == (application, 24000, 6000)
    assert "Two teachers" in client.get(url).content.decode()


def test_the_budget_cannot_change_outside_the_proposal_stage(client_for, personas):
    application = ApplicationFactory(government=personas.government_a, stage=Stage.INTAKE)
    url = reverse("fund_workspace:budget", args=[personas.government_a.slug, application.pk])
    client_for("member_a").post(url, {**management("lines", 1), "lines-0-category": "staff",
                                      "lines-0-description": "x", "lines-0-amount": "1", "lines-0-co_funding": "0"})
    assert not BudgetLine.objects.exists()


def test_the_public_fund_page_shows_rounds_and_no_application_content(client_for, personas):
    round_ = RoundFactory(name_en="Inclusive pandemic response")
    RoundFactory(name_en="Secret draft round", status=Round.Status.DRAFT)
    CriterionFactory(round=round_, name_en="Hidden criterion name")
    question = QuestionFactory(round=round_, stage=FormStage.INTAKE)
    application = ApplicationFactory(round=round_, government=personas.government_a, language="fr")
    application.answers.create(question=question, text="Confidential answer text")
    application.budget_lines.create(category="staff", description="Confidential budget line", amount=1)
    application.events.create(verb="invite", feedback="Confidential feedback")

    for persona in ("anonymous", "member_b", "evaluator"):
        page = client_for(persona).get(reverse("fund:index")).content.decode()
        assert "Inclusive pandemic response" in page
        for secret in ("Secret draft round", "Confidential", "Government A", "Hidden criterion name"):
            assert secret not in page


def test_the_start_page_says_who_may_apply_before_anything_is_typed(client_for, personas):
    open_to_all = RoundFactory(name_en="Open to all")
    restricted = RoundFactory(name_en="Low income only", eligible_income_groups=["low"])
    client = client_for("member_a")
    slug = personas.government_a.slug

    page = client.get(reverse("fund_workspace:start", args=[slug, open_to_all.pk])).content.decode()
    assert "Every government may apply." in page and "Start the application" in page

    page = client.get(reverse("fund_workspace:start", args=[slug, restricted.pk])).content.decode()
    assert "Countries in these income groups: Low income." in page
    assert "please contact the Fund" in page
    assert "Start the application" not in page
    home = client.get(reverse("fund_workspace:government", args=[slug])).content.decode()
    assert "Not open to your government:" in home

    client.post(reverse("fund_workspace:start", args=[slug, restricted.pk]), {"language": "en"})
    assert not Application.objects.filter(round=restricted).exists()
