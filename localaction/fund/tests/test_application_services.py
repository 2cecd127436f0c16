"""The application's stages, who may move them, deadlines and their logged override, intake from a pledge."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory
from localaction.fund import services
from localaction.fund.models import Answer, FormStage, Question, Round, Stage
from localaction.taxonomy.models import IncomeGroup
from localaction.notifications.messages import MESSAGES, render_message
from localaction.notifications.models import Notification
from localaction.taxonomy.models import Region

from .factories import QuestionFactory, RoundFactory

pytestmark = pytest.mark.django_db


def pledge_of(government, **fields):
    defaults = {"kind": Action.Kind.PLEDGE, "published": True, "unmet_funding_need": 20000, "original_language": "fr",
                "title_fr": "Un centre d’accueil", "summary_fr": "Un guichet unique pour les nouveaux arrivants."}
    return ActionFactory(government=government, **{**defaults, **fields})


def submitted_intake(personas, round_=None):
    application = services.start_intake(round_ or RoundFactory(), personas.government_a, personas.member_a)
    return services.save_answers(application, personas.member_a, {}, submit=True)


def test_an_intake_started_from_a_pledge_has_its_answers_filled_in(personas):
    round_ = RoundFactory()
    title = QuestionFactory(round=round_, prefill_from=Question.Prefill.TITLE)
    need = QuestionFactory(round=round_, prefill_from=Question.Prefill.UNMET_FUNDING_NEED, kind=Question.Kind.NUMBER)
    QuestionFactory(round=round_, stage=FormStage.CONCEPT_NOTE, prefill_from=Question.Prefill.SUMMARY)
    pledge = pledge_of(personas.government_a)

    application = services.start_intake(round_, personas.government_a, personas.editor_a, pledge=pledge)

    answers = {answer.question: answer for answer in application.answers.all()}
    assert answers[title].text == "Un centre d’accueil"
    assert answers[title].language == "fr"
    assert answers[need].text == "20000.00"
    assert len(answers) == 2  # the concept note's questions wait for their stage
    assert application.language == "fr"
    assert application.pledge == pledge
    assert ActivityLog.objects.filter(verb="fund.application_started", object_id=str(application.pk)).exists()


def test_only_the_governments_own_published_pledges_seeking_support_can_start_an_intake(personas):
    round_ = RoundFactory()
    others = pledge_of(personas.government_b)
    not_seeking = pledge_of(personas.government_a, unmet_funding_need=None, partnership_sought="")
    draft = pledge_of(personas.government_a, published=False)
    for pledge in (others, not_seeking, draft):
        with pytest.raises(services.TransitionError):
            services.start_intake(round_, personas.government_a, personas.member_a, pledge=pledge)
    assert list(services.pledges_seeking_support(personas.government_a)) == []


def test_strangers_and_platform_roles_cannot_apply_for_a_government(personas):
    round_ = RoundFactory()
    for name in ("member_b", "reviewer", "fund_manager", "evaluator"):
        with pytest.raises(PermissionDenied):
            services.start_intake(round_, personas.government_a, personas.get(name))


def test_a_government_cannot_apply_to_a_draft_round_or_twice(personas):
    with pytest.raises(services.TransitionError):
        services.start_intake(RoundFactory(status=Round.Status.DRAFT), personas.government_a, personas.member_a)
    round_ = RoundFactory()
    services.start_intake(round_, personas.government_a, personas.member_a)
    with pytest.raises(services.TransitionError):
        services.start_intake(round_, personas.government_a, personas.editor_a)


def test_the_application_goes_through_every_stage_to_the_award(personas):
    round_ = RoundFactory()
    concept = QuestionFactory(round=round_, stage=FormStage.CONCEPT_NOTE)
    manager, applicant = personas.fund_manager, personas.editor_a
    application = submitted_intake(personas, round_)
    assert (application.stage, application.answering_stage) == (Stage.INTAKE, None)

    application = services.decide(application, manager, "invite", "Welcome to the concept note stage.")
    assert (application.stage, application.answering_stage) == (Stage.INVITED, FormStage.CONCEPT_NOTE)
    application = services.save_answers(application, applicant, {concept: "Our idea"}, submit=True)
    assert application.stage == Stage.CONCEPT_NOTE
    application = services.decide(application, manager, "request_proposal", "Please write a full proposal.")
    assert application.answering_stage == FormStage.PROPOSAL
    application = services.save_answers(application, applicant, {}, submit=True)
    application = services.decide(application, manager, "evaluate", "Sent to the evaluators.")
    assert application.stage == Stage.UNDER_EVALUATION
    application = services.decide(application, manager, "waitlist", "On the waiting list.")
    application = services.decide(application, manager, "award", "Congratulations.")

    assert application.stage == Stage.AWARDED
    assert [e.to_stage for e in application.events.all()] == [
        Stage.INTAKE, Stage.INTAKE, Stage.INVITED, Stage.CONCEPT_NOTE, Stage.PROPOSAL, Stage.PROPOSAL,
        Stage.UNDER_EVALUATION, Stage.WAITLISTED, Stage.AWARDED,
    ]
    decided = application.events.get(verb="award")
    assert (decided.actor, decided.feedback) == (manager, "Congratulations.")
    assert [e.feedback for e in services.feedback_for_applicant(application)][-1] == "Congratulations."
    assert Answer.objects.get(application=application, question=concept).text == "Our idea"


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "reviewer", "evaluator"])
def test_only_fund_managers_decide(personas, persona):
    application = submitted_intake(personas)
    with pytest.raises(PermissionDenied):
        services.decide(application, personas.get(persona), "invite", "Welcome.")
    application.refresh_from_db()
    assert application.stage == Stage.INTAKE


def test_a_decision_needs_feedback_and_the_right_stage(personas):
    application = services.start_intake(RoundFactory(), personas.government_a, personas.member_a)
    with pytest.raises(services.TransitionError):  # the intake is not submitted yet
        services.decide(application, personas.fund_manager, "invite", "Welcome.")
    application = services.save_answers(application, personas.member_a, {}, submit=True)
    with pytest.raises(services.TransitionError):
        services.decide(application, personas.fund_manager, "invite", "   ")
    with pytest.raises(services.TransitionError):
        services.decide(application, personas.fund_manager, "award", "Too early.")
    declined = services.decide(application, personas.fund_manager, "decline", "Not eligible this time.")
    assert declined.stage == Stage.DECLINED
    assert services.available_decisions(declined) == []


def test_nobody_else_answers_for_the_government(personas):
    application = services.start_intake(RoundFactory(), personas.government_a, personas.member_a)
    for name in ("member_b", "fund_manager", "evaluator"):
        with pytest.raises(PermissionDenied):
            services.save_answers(application, personas.get(name), {}, submit=True)


def test_a_stage_cannot_be_submitted_after_its_deadline(personas):
    round_ = RoundFactory(intake_deadline=timezone.localdate() - datetime.timedelta(days=1))
    question = QuestionFactory(round=round_)
    application = services.start_intake(round_, personas.government_a, personas.member_a)
    services.save_answers(application, personas.member_a, {question: "A draft is still fine"})
    with pytest.raises(services.DeadlinePassed):
        services.save_answers(application, personas.member_a, {question: "Final"}, submit=True)
    application.refresh_from_db()
    assert application.submitted_at is None


def test_a_managers_override_lets_one_application_submit_late_and_is_logged(personas):
    round_ = RoundFactory(intake_deadline=timezone.localdate() - datetime.timedelta(days=1))
    application = services.start_intake(round_, personas.government_a, personas.member_a)
    until = timezone.localdate() + datetime.timedelta(days=2)
    with pytest.raises(PermissionDenied):
        services.override_deadline(application, personas.member_a, FormStage.INTAKE, until, "Please")

    services.override_deadline(application, personas.fund_manager, FormStage.INTAKE, until, "Flooding closed the city hall.")
    application = services.save_answers(application, personas.member_a, {}, submit=True)

    assert application.submitted_at is not None
    entry = ActivityLog.objects.get(verb="fund.deadline_overridden")
    assert entry.actor == personas.fund_manager
    assert entry.government == personas.government_a
    assert entry.payload == {"stage": "intake", "until": until.isoformat(), "reason": "Flooding closed the city hall."}


# Eligibility --------------------------------------------------------------------------------------------------


def test_a_round_for_some_regions_accepts_a_country_of_one_of_them_by_region_or_sub_region(personas):
    france = personas.government_a.country  # Europe (150), Western Europe (155)
    by_region = RoundFactory()
    by_region.eligible_regions.set([france.region])
    by_subregion = RoundFactory()
    by_subregion.eligible_regions.set([france.subregion])
    elsewhere = RoundFactory()
    elsewhere.eligible_regions.set([Region.objects.get(code="002")])  # Africa

    assert services.start_intake(by_region, personas.government_a, personas.member_a).stage == Stage.INTAKE
    assert services.start_intake(by_subregion, personas.government_a, personas.member_a).stage == Stage.INTAKE
    with pytest.raises(services.TransitionError, match="open to governments in Africa only"):
        services.start_intake(elsewhere, personas.government_a, personas.member_a)
    assert not elsewhere.applications.exists()


def test_a_round_for_some_income_groups_needs_the_countrys_recorded_group(personas):
    round_ = RoundFactory(eligible_income_groups=[IncomeGroup.LOW, IncomeGroup.LOWER_MIDDLE])
    country = personas.government_a.country
    with pytest.raises(services.TransitionError, match="not recorded on the platform: please contact the Fund"):
        services.start_intake(round_, personas.government_a, personas.member_a)

    country.income_group = IncomeGroup.HIGH
    country.save()
    with pytest.raises(services.TransitionError, match="income groups only: Low income, Lower-middle income"):
        services.start_intake(round_, personas.government_a, personas.member_a)

    country.income_group = IncomeGroup.LOWER_MIDDLE
    country.save()
    assert services.start_intake(round_, personas.government_a, personas.member_a).round == round_


# Notifications ------------------------------------------------------------------------------------------------


def test_the_applicants_are_told_of_each_decision_with_the_new_stage_and_a_link(personas):
    application = submitted_intake(personas)
    services.decide(application, personas.fund_manager, "invite", "Welcome.")

    notices = Notification.objects.filter(verb="fund.decision.invite")
    assert {notice.user for notice in notices} == {personas.member_a, personas.editor_a}
    notice = notices.first()
    assert notice.url == reverse("fund_workspace:answer", args=[personas.government_a.slug, application.pk])
    assert "is now at the stage “Invited to a concept note”" in render_message(notice.verb, notice.context)
    assert not Notification.objects.filter(user=personas.member_b).exists()


@pytest.mark.parametrize("decision", list(services.DECISIONS))
def test_every_decision_has_its_sentence(decision):
    assert f"fund.decision.{decision}" in MESSAGES
