"""The Global Cities Fund end to end, in a real browser (issue #9): a city applies from one of its published pledges
(intake → concept note → proposal with its budget), two evaluators declare no conflict and score, the fund manager
ranks the round, awards, creates the grant and records its payment, the city reports the people it reached, and the
Fund's public "by the numbers" changes by exactly what was reported, without ever showing an application's answers.

Each person works in their own browser context, signed in once. Only the round, the people and the pledge are made
in Python; every step of the application is clicked and typed as a person would.
"""
import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from localaction import factories
from localaction.accounts.models import Roles
from localaction.accounts.tests.browser_helpers import complete_second_factor
from localaction.actions.models import Action
from localaction.fund.models import Criterion, FormStage, Question, Round
from localaction.governments.models import Membership
from localaction.taxonomy.models import Term, Vocabulary

ROUND_NAME = "Inclusive cities 2027"
PLEDGE_TITLE = "Neighbourhood language cafés"
PLEDGE_SUMMARY = "Volunteers meet newcomers every week in three social centres to practise the language."
PREFILLED_QUESTION = "What is the project about?"
INTAKE_QUESTION = "Why does your city need the Fund?"
CONCEPT_QUESTION = "Which partners will carry out the project?"
PROPOSAL_QUESTION = "How will you measure what the project achieves?"
# What the applicant types: none of it may ever reach the public page.
INTAKE_ANSWER = "The municipal budget was cut by a fifth and the cafés close in spring without new money."
CONCEPT_ANSWER = "The Refugee Welcome Network runs the cafés with the university's language department."
PROPOSAL_ANSWER = "Attendance sheets every week and a language test for participants twice a year."
INVITE_FEEDBACK = "Promising: tell us more about the partners in the concept note."
PROPOSAL_FEEDBACK = "Please send a full proposal with a budget that shows the city's own contribution."
AWARD_FEEDBACK = "Awarded: both evaluators praised the partnership with the university."
RELEVANCE, FEASIBILITY = "Relevance to migrants and host communities", "Feasibility of the plan"
PEOPLE_REACHED = 137


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def at(path):
    return re.compile(r"^https?://[^/]+" + re.escape(path) + r"(\?.*)?$")


@pytest.fixture
def fund(transactional_db, django_db_serialized_rollback, live_server):
    """A round open for applications, a verified city with a pledge that still needs money, its focal point, a fund
    manager and two evaluators, committed for the live server."""
    today = timezone.localdate()
    round_ = Round.objects.create(
        name_en=ROUND_NAME, status=Round.Status.OPEN, grant_min=10000, grant_max=50000, currency="USD",
        duration_months=12, intake_deadline=today + datetime.timedelta(days=30),
        concept_note_deadline=today + datetime.timedelta(days=60), proposal_deadline=today + datetime.timedelta(days=90),
    )
    Question.objects.create(round=round_, stage=FormStage.INTAKE, label_en=PREFILLED_QUESTION, order=1,
                            prefill_from=Question.Prefill.SUMMARY)
    Question.objects.create(round=round_, stage=FormStage.INTAKE, label_en=INTAKE_QUESTION, order=2)
    Question.objects.create(round=round_, stage=FormStage.CONCEPT_NOTE, label_en=CONCEPT_QUESTION, order=1)
    Question.objects.create(round=round_, stage=FormStage.PROPOSAL, label_en=PROPOSAL_QUESTION, order=1)
    Criterion.objects.create(round=round_, name_en=RELEVANCE, kind=Criterion.Kind.CRITICAL, pass_mark=3, order=1)
    Criterion.objects.create(round=round_, name_en=FEASIBILITY, order=2)

    government = factories.GovernmentFactory(name="Villeneuve", slug="villeneuve", verified=True)
    pledge = factories.ActionFactory(
        published=True, government=government, kind=Action.Kind.PLEDGE, title_en=PLEDGE_TITLE,
        summary_en=PLEDGE_SUMMARY, budget=120000, unmet_funding_need=40000, currency="USD",
    )
    focal_point = factories.MembershipFactory(
        user__email="camille@villeneuve.example", user__full_name="Camille Martin",
        government=government, role=Membership.Role.FOCAL_POINT,
    ).user

    def with_role(email, full_name, role):
        user = factories.UserFactory(email=email, full_name=full_name)
        user.groups.add(Group.objects.get(name=role))
        return user

    return {
        "round": round_, "government": government, "pledge": pledge, "focal_point": focal_point,
        "manager": with_role("manager@fund.example", "Farah Manager", Roles.FUND_MANAGER),
        "evaluators": [
            with_role("eva@fund.example", "Eva First", Roles.EVALUATOR),
            with_role("emil@fund.example", "Emil Second", Roles.EVALUATOR),
        ],
        "target_group": Term.objects.filter(vocabulary_id=Vocabulary.TARGET_GROUPS, is_active=True).first(),
    }


# ---------------------------------------------------------------- what a person does


def signed_in(new_context, user):
    """A new browser, signed in as `user`."""
    page = new_context().new_page()
    page.goto(url("accounts:login"))
    form = page.locator("main form")
    form.locator('input[name="username"]').fill(user.email)
    form.locator('input[name="password"]').fill(factories.PASSWORD)
    form.get_by_role("button", name="Sign in").click()
    complete_second_factor(page, user)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def message(page, text):
    expect(page.locator(".messages")).to_contain_text(text)


def manager_decides(page, application, decision, feedback):
    page.goto(url("fund_workspace:application", application.pk))
    page.get_by_label("Feedback to the applicant").fill(feedback)
    page.get_by_role("button", name=decision, exact=True).click()
    message(page, "The decision is recorded")


def applicant_opens_application(page, government):
    page.goto(url("fund_workspace:government", government.slug))
    page.get_by_role("link", name=ROUND_NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your application to “{ROUND_NAME}”")


def fill_budget_line(page, number, category, description, amount, co_funding, source):
    line = page.get_by_role("group", name=f"Budget line {number}", exact=True)
    line.get_by_label("Category").select_option(label=category)
    line.get_by_label("Description").fill(description)
    line.get_by_label("Amount asked").fill(amount)
    line.get_by_label("Co-funding", exact=True).fill(co_funding)
    line.get_by_label("Co-funding from").fill(source)


def evaluator_scores(page, scores):
    """From "My evaluations": declare no conflict, then score each criterion with a comment and submit."""
    page.goto(url("fund_workspace:evaluations"))
    page.get_by_role("link", name="Villeneuve").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Declaration of interest")
    page.get_by_label("No, I have no conflict of interest").check()
    page.get_by_role("button", name="Record my declaration").click()
    message(page, "Your declaration is recorded")
    expect(page.get_by_role("region", name="Answers")).to_contain_text(PROPOSAL_ANSWER)
    for criterion, (score, comment) in scores.items():
        group = page.get_by_role("group", name=criterion)
        group.get_by_label("Score (0 to 5)").fill(str(score))
        group.get_by_label("Comment").fill(comment)


def numbers(page):
    """The public page's "by the numbers" section, freshly loaded."""
    page.goto(url("fund:index"))
    return page.get_by_role("region", name="The Fund by the numbers")


def people_reached(section):
    figure = section.get_by_role("listitem").filter(has_text=re.compile(r"(person|people) reached"))
    return int(figure.locator(".stat-number").inner_text().replace(",", "").strip())


# ---------------------------------------------------------------- the test


def test_a_city_applies_from_its_pledge_is_evaluated_awarded_and_reports_and_the_public_figures_follow(
    fund, new_context
):
    government, round_ = fund["government"], fund["round"]
    applicant = signed_in(new_context, fund["focal_point"])
    manager = signed_in(new_context, fund["manager"])

    # 1. Intake, started from the pledge: the round's question about the project starts with the pledge's summary.
    applicant.goto(url("fund_workspace:government", government.slug))
    applicant.get_by_role("link", name=f"Apply to {ROUND_NAME}").click()
    applicant.get_by_label("Start from a pledge").select_option(label=PLEDGE_TITLE)
    applicant.get_by_role("button", name="Start the application").click()
    message(applicant, "Your application is started")
    application = round_.applications.get(government=government)
    assert application.pledge == fund["pledge"]
    expect(applicant.get_by_label(PREFILLED_QUESTION)).to_have_value(PLEDGE_SUMMARY)
    applicant.get_by_label(INTAKE_QUESTION).fill(INTAKE_ANSWER)
    applicant.get_by_role("button", name="Submit this stage").click()
    message(applicant, "Your answers are submitted.")
    expect(applicant.get_by_role("region", name="Your answers")).to_contain_text(INTAKE_ANSWER)

    # 2. Invited with feedback; concept note; asked for a proposal; proposal with its budget; sent to evaluation.
    manager_decides(manager, application, "Invite to a concept note", INVITE_FEEDBACK)
    applicant_opens_application(applicant, government)
    expect(applicant.get_by_role("region", name="Feedback from the Fund")).to_contain_text(INVITE_FEEDBACK)
    applicant.get_by_label(CONCEPT_QUESTION).fill(CONCEPT_ANSWER)
    applicant.get_by_role("button", name="Submit this stage").click()
    message(applicant, "Your answers are submitted.")

    manager_decides(manager, application, "Ask for a full proposal", PROPOSAL_FEEDBACK)
    applicant_opens_application(applicant, government)
    expect(applicant.get_by_role("region", name="Feedback from the Fund")).to_contain_text(PROPOSAL_FEEDBACK)
    applicant.get_by_label(PROPOSAL_QUESTION).fill(PROPOSAL_ANSWER)
    applicant.get_by_role("button", name="Save a draft").click()
    message(applicant, "Your answers are saved.")
    applicant.get_by_role("link", name="Fill in the budget").click()
    fill_budget_line(applicant, 1, "Staff", "Language teachers", "15000", "5000", "City of Villeneuve")
    fill_budget_line(applicant, 2, "Activities", "Café evenings", "5000", "2000", "Regional council")
    applicant.get_by_role("button", name="Save the budget").click()
    message(applicant, "The budget is saved.")
    budget = applicant.get_by_role("table", name="Budget lines (in USD)")
    expect(budget.locator("tbody tr")).to_have_count(2)
    expect(budget.locator("tfoot")).to_contain_text("20000.00")
    expect(budget.locator("tfoot")).to_contain_text("7000.00")
    applicant.get_by_role("link", name="Back to the application").click()
    expect(applicant.get_by_label(PROPOSAL_QUESTION)).to_have_value(PROPOSAL_ANSWER)
    applicant.get_by_role("button", name="Submit this stage").click()
    message(applicant, "Your answers are submitted.")

    manager_decides(manager, application, "Send to evaluation", "Your proposal goes to two evaluators.")
    for evaluator in fund["evaluators"]:
        manager.get_by_label(f"{evaluator.full_name} ({evaluator.email})").check()
    manager.get_by_role("button", name="Assign and notify").click()
    message(manager, "2 evaluator(s) assigned and notified.")

    # 3. Two evaluators; the second sees the first's scores only once their own are submitted.
    first, second = (signed_in(new_context, evaluator) for evaluator in fund["evaluators"])
    evaluator_scores(first, {RELEVANCE: (4, "Clearly serves newcomers."), FEASIBILITY: (3, "Tight timetable.")})
    first.get_by_role("button", name="Submit my scores").click()
    message(first, "Your scores are submitted.")
    expect(first.get_by_role("region", name="The other evaluators’ scores")).to_contain_text(
        "No other evaluator has submitted scores yet.")

    evaluator_scores(second, {RELEVANCE: (5, "Exactly what the round is for."), FEASIBILITY: (4, "Realistic.")})
    expect(second.get_by_role("region", name="The other evaluators’ scores")).to_have_count(0)
    expect(second.locator("main")).not_to_contain_text("Clearly serves newcomers.")
    second.get_by_role("button", name="Submit my scores").click()
    message(second, "Your scores are submitted.")
    others = second.get_by_role("table", name="Scores of Eva First")
    expect(others).to_contain_text("Clearly serves newcomers.")
    expect(others.get_by_role("row").filter(has_text=RELEVANCE)).to_contain_text("4 / 5")

    # 4. The ranking shows the averages; the manager awards, creates the grant and records its payment.
    manager.goto(url("fund_workspace:rounds"))
    manager.get_by_role("link", name=f"Ranking of “{ROUND_NAME}”").click()
    row = manager.get_by_role("row").filter(has=manager.get_by_role("link", name="Villeneuve"))
    expect(row).to_contain_text("2 / 2")
    expect(row).to_contain_text("4.50")  # relevance: (4 + 5) / 2
    expect(row).to_contain_text("3.50")  # feasibility: (3 + 4) / 2
    expect(row).to_contain_text("All passed")
    row.get_by_role("link", name="Villeneuve").click()
    manager.get_by_label("Feedback to the applicant").fill(AWARD_FEEDBACK)
    manager.get_by_role("button", name="Award", exact=True).click()
    message(manager, "The decision is recorded")

    manager.get_by_role("link", name="Create the grant").click()
    today = timezone.localdate()
    terms = manager.get_by_role("region", name="Terms of the grant")
    terms.get_by_label("Amount", exact=True).fill("20000")
    terms.get_by_label("Starts on").fill(today.isoformat())
    terms.get_by_label("Ends on").fill((today + datetime.timedelta(days=365)).isoformat())
    tranche = manager.get_by_role("group", name="Tranche 1", exact=True)
    tranche.get_by_label("Planned on").fill(today.isoformat())
    tranche.get_by_label("Planned amount").fill("20000")
    manager.get_by_role("button", name="Create the grant").click()
    message(manager, "The grant is created")
    manager.get_by_role("group", name="Record the payment of tranche 1").get_by_label("Amount paid").fill("20000")
    manager.get_by_role("button", name="Record the payment", exact=True).click()
    message(manager, "The payment is recorded.")
    expect(manager.get_by_role("table", name="Tranches (in USD)").locator("tfoot")).to_contain_text("20,000.00")

    # 6 (before). The public figures count the grant, and no one reached yet.
    visitor = new_context().new_page()
    section = numbers(visitor)
    expect(section.get_by_role("listitem").filter(has_text=re.compile(r"^\s*1\s+grant\s*$"))).to_have_count(1)
    reached_before = people_reached(section)

    # 5. The city reports whom it reached and what it spent on a budget line.
    applicant.goto(url("fund_workspace:government", government.slug))
    applicant.get_by_role("link", name="Your grants").click()
    applicant.get_by_role("link", name=ROUND_NAME).click()
    expect(applicant.get_by_role("table", name="Tranches (in USD)")).to_contain_text("20,000.00")
    applicant.get_by_role("link", name="Submit a grant report").click()
    applicant.get_by_label("What was done in the period").fill("Forty café evenings in three neighbourhoods.")
    reach = applicant.get_by_role("group", name="Target group 1", exact=True)
    reach.get_by_label("Target group").select_option(label=str(fund["target_group"]))
    reach.get_by_label("People reached in the period").fill(str(PEOPLE_REACHED))
    reach.get_by_label("Target for the whole grant").fill("400")
    spending = applicant.get_by_role("group", name="Budget line 1", exact=True)
    spending.get_by_label("Budget line", exact=True).select_option(label="Staff: Language teachers")
    spending.get_by_label("Amount spent in the period").fill("6000")
    applicant.get_by_role("button", name="Submit the report").click()
    message(applicant, "Your report is submitted.")

    # 6 (after). "By the numbers" has grown by the people reported, and shows nothing of the application.
    section = numbers(visitor)
    expect(section.get_by_role("listitem").filter(has_text=re.compile(r"^\s*1\s+grant\s*$"))).to_have_count(1)
    assert people_reached(section) == reached_before + PEOPLE_REACHED
    expect(section).to_contain_text("(target: 400)")
    main = visitor.locator("main")
    expect(main.get_by_role("row").filter(has_text="Villeneuve")).to_contain_text(PLEDGE_TITLE)
    for private in (INTAKE_ANSWER, CONCEPT_ANSWER, PROPOSAL_ANSWER, INVITE_FEEDBACK, PROPOSAL_FEEDBACK,
                    AWARD_FEEDBACK, "Language teachers", "Clearly serves newcomers."):
        expect(main).not_to_contain_text(private)
