"""Grants: created from awards within the round's rules, tranches and payments, reports by the grantee only."""
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory
from localaction.fund import grants
from localaction.fund.models import Stage
from localaction.notifications.messages import render_message
from localaction.notifications.models import Notification
from localaction.taxonomy.models import Term

from .factories import ApplicationFactory, GrantFactory, RoundFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def awarded(personas, **fields):
    round_ = RoundFactory(grant_min=10000, grant_max=50000, currency="EUR")
    return ApplicationFactory(round=round_, government=personas.government_a, stage=Stage.AWARDED, **fields)


def terms(amount=30000, **overrides):
    return {"amount": amount, "starts_on": D(2026, 1, 1), "ends_on": D(2027, 6, 30), **overrides}


def group(key):
    return Term.objects.get(vocabulary_id="target_groups", key=key)


def test_an_awarded_application_becomes_a_grant_with_the_rounds_currency_and_the_applications_pledge(personas):
    pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True)
    application = awarded(personas, pledge=pledge)
    tranches = [{"planned_on": D(2026, 7, 1), "planned_amount": Decimal(10000)},
                {"planned_on": D(2026, 1, 15), "planned_amount": Decimal(20000)}]

    grant = grants.create_grant(application, personas.fund_manager, **terms(), tranches=tranches)

    assert (grant.currency, grant.pledge, grant.amount) == ("EUR", pledge, 30000)
    assert [(t.number, t.planned_on) for t in grant.tranches.all()] == [(1, D(2026, 1, 15)), (2, D(2026, 7, 1))]
    entry = ActivityLog.objects.get(verb="fund.grant_created")
    assert (entry.actor, entry.government) == (personas.fund_manager, personas.government_a)
    told = set(Notification.objects.filter(verb="fund.grant_created").values_list("user__email", flat=True))
    assert told == {"a@example.org", "editor-a@example.org"}


@pytest.mark.parametrize("stage", [Stage.UNDER_EVALUATION, Stage.WAITLISTED, Stage.DECLINED, Stage.PROPOSAL])
def test_only_an_awarded_application_gets_a_grant(personas, stage):
    application = awarded(personas)
    application.stage = stage
    application.save()
    with pytest.raises(grants.GrantError):
        grants.create_grant(application, personas.fund_manager, **terms())


def test_an_application_gets_one_grant_only(personas):
    application = awarded(personas)
    grants.create_grant(application, personas.fund_manager, **terms())
    with pytest.raises(grants.GrantError):
        grants.create_grant(application, personas.fund_manager, **terms())


@pytest.mark.parametrize("persona", ["member_a", "reviewer", "evaluator", "member_b"])
def test_only_fund_managers_create_grants(personas, persona):
    with pytest.raises(PermissionDenied):
        grants.create_grant(awarded(personas), personas.get(persona), **terms())


@pytest.mark.parametrize("amount", [9999.99, 50000.01])
def test_the_amount_must_be_within_the_rounds_range(personas, amount):
    with pytest.raises(grants.GrantError) as error:
        grants.create_grant(awarded(personas), personas.fund_manager, **terms(amount=amount))
    assert error.value.field == "amount"
    assert "10000.00 to 50000.00 EUR" in str(error.value)


def test_the_range_bounds_are_accepted(personas):
    assert grants.create_grant(awarded(personas), personas.fund_manager, **terms(amount=50000)).amount == 50000


def test_the_grant_must_end_after_it_starts(personas):
    with pytest.raises(grants.GrantError) as error:
        grants.create_grant(awarded(personas), personas.fund_manager, **terms(ends_on=D(2026, 1, 1)))
    assert error.value.field == "ends_on"


def test_the_funded_pledge_must_be_a_published_pledge_of_the_grantee(personas):
    others = ActionFactory(government=personas.government_b, kind=Action.Kind.PLEDGE, published=True)
    draft = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE)
    practice = ActionFactory(government=personas.government_a, published=True)
    for pledge in (others, draft, practice):
        with pytest.raises(grants.GrantError) as error:
            grants.create_grant(awarded(personas), personas.fund_manager, **terms(pledge=pledge))
        assert error.value.field == "pledge"


def test_planned_tranches_may_not_exceed_the_grant(personas):
    application = awarded(personas)
    too_much = [{"planned_on": D(2026, 1, 15), "planned_amount": Decimal("20000")},
                {"planned_on": D(2026, 7, 1), "planned_amount": Decimal("10000.01")}]
    with pytest.raises(grants.GrantError):
        grants.create_grant(application, personas.fund_manager, **terms(), tranches=too_much)
    exact = [{**too_much[0]}, {**too_much[1], "planned_amount": Decimal("10000")}]
    grant = grants.create_grant(application, personas.fund_manager, **terms(), tranches=exact)
    assert grants.tranche_totals(grant) == {"planned": Decimal(30000), "paid": Decimal(0)}


def test_a_payment_is_recorded_logged_and_told_to_the_grantee(personas):
    grant = grants.create_grant(awarded(personas), personas.fund_manager, **terms(), tranches=[
        {"planned_on": D(2026, 1, 15), "planned_amount": Decimal(20000)},
        {"planned_on": D(2026, 7, 1), "planned_amount": Decimal(10000)}])
    first, second = grant.tranches.all()

    grants.record_payment(first, personas.fund_manager, D(2026, 1, 20), Decimal("19500"))

    first.refresh_from_db()
    assert (first.paid_on, first.paid_amount) == (D(2026, 1, 20), Decimal("19500"))
    assert grants.tranche_totals(grant) == {"planned": Decimal(30000), "paid": Decimal(19500)}
    assert ActivityLog.objects.filter(verb="fund.payment_recorded", government=personas.government_a).exists()
    assert Notification.objects.filter(verb="fund.payment_recorded", user=personas.member_a).exists()
    with pytest.raises(grants.GrantError):  # 19,500 + 10,500.01 > 30,000
        grants.record_payment(second, personas.fund_manager, D(2026, 7, 2), Decimal("10500.01"))
    with pytest.raises(PermissionDenied):
        grants.record_payment(second, personas.member_a, D(2026, 7, 2), Decimal("10"))
    with pytest.raises(grants.GrantError):
        grants.record_payment(second, personas.fund_manager, D(2999, 1, 1), Decimal("10"))


def report(grant, member, period_end=D(2026, 7, 1), **fields):
    defaults = {"language": "fr", "narrative": "Deux écoles ouvertes.", "reach": [], "spending": []}
    return grants.submit_report(grant, member, period_end=period_end, **{**defaults, **fields})


def test_a_member_reports_reach_and_spending_on_the_proposals_budget_lines(personas):
    grant = GrantFactory(application__government=personas.government_a)
    line = grant.application.budget_lines.create(category="staff", description="Teachers", amount=12000)
    reach = [{"target_group": group("refugees"), "people_reached": 120, "people_target": 400}]

    submitted = report(grant, personas.editor_a, reach=reach, spending=[{"budget_line": line, "amount_spent": Decimal(5000)}])

    assert submitted.narrative_fr == "Deux écoles ouvertes." and submitted.original_language == "fr"
    assert submitted.submitted_by == personas.editor_a and submitted.submitted_at is not None
    assert [(r.target_group.key, r.people_reached, r.people_target) for r in submitted.reach.all()] == [("refugees", 120, 400)]
    assert submitted.spending.get().amount_spent == 5000
    assert ActivityLog.objects.filter(verb="fund.report_submitted", government=personas.government_a).exists()
    assert Notification.objects.filter(verb="fund.report_submitted", user=personas.member_a).exists()
    assert not Notification.objects.filter(verb="fund.report_submitted", user=personas.editor_a).exists()


@pytest.mark.parametrize("persona", ["member_b", "fund_manager", "reviewer", "evaluator"])
def test_only_the_grantees_members_submit_reports(personas, persona):
    grant = GrantFactory(application__government=personas.government_a)
    with pytest.raises(PermissionDenied):
        report(grant, personas.get(persona))
    assert not grant.reports.exists()


def test_spending_only_on_the_grants_own_budget_lines(personas):
    grant = GrantFactory(application__government=personas.government_a)
    foreign = ApplicationFactory(government=personas.government_b).budget_lines.create(category="staff", description="x", amount=1)
    with pytest.raises(grants.GrantError):
        report(grant, personas.member_a, spending=[{"budget_line": foreign, "amount_spent": Decimal(1)}])


def test_reach_only_in_target_groups_and_each_once(personas):
    grant = GrantFactory(application__government=personas.government_a)
    theme = Term.objects.filter(vocabulary_id="themes").first()
    with pytest.raises(grants.GrantError):
        report(grant, personas.member_a, reach=[{"target_group": theme, "people_reached": 1, "people_target": None}])
    twice = [{"target_group": group("refugees"), "people_reached": 1, "people_target": None}] * 2
    with pytest.raises(grants.GrantError):
        report(grant, personas.member_a, reach=twice)


def test_one_report_per_period_and_a_narrative_is_required(personas):
    grant = GrantFactory(application__government=personas.government_a)
    with pytest.raises(grants.GrantError):
        report(grant, personas.member_a, narrative="  ")
    report(grant, personas.member_a)
    with pytest.raises(grants.GrantError) as error:
        report(grant, personas.member_a)
    assert error.value.field == "period_end"


def test_the_grant_report_is_read_in_its_original_language_when_not_translated(personas):
    from django.utils import translation

    submitted = report(GrantFactory(application__government=personas.government_a), personas.member_a)
    with translation.override("es"):
        narrative = submitted.t.narrative
    assert (narrative.text, narrative.language, narrative.is_fallback) == ("Deux écoles ouvertes.", "fr", True)


def test_an_unpublished_application_pledge_is_not_carried_over(personas):
    pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE)  # a draft
    grant = grants.create_grant(awarded(personas, pledge=pledge), personas.fund_manager, **terms())
    assert grant.pledge is None


def test_every_grant_notice_reads_as_a_sentence(personas):
    grant = grants.create_grant(awarded(personas), personas.fund_manager, **terms(), tranches=[
        {"planned_on": D(2026, 1, 15), "planned_amount": Decimal(20000)}])
    grants.record_payment(grant.tranches.get(), personas.fund_manager, D(2026, 1, 20), Decimal(20000))
    report(grant, personas.member_a)
    notices = Notification.objects.filter(verb__startswith="fund.")
    assert {n.verb for n in notices} == {"fund.grant_created", "fund.payment_recorded", "fund.report_submitted", "fund.report_received"}
    for notice in notices:
        sentence = render_message(notice.verb, notice.context)
        assert "…" not in sentence and notice.verb not in sentence
    assert notices.get(verb="fund.report_received").user == personas.fund_manager
