"""The Fund's public page: rounds, grantees with their pledges, "by the numbers"; nothing from applications."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory, UserFactory
from localaction.fund import grants
from localaction.fund.models import ConflictDeclaration, EvaluatorAssignment, Round, Score, Stage
from localaction.taxonomy.models import Country, Term

from .factories import ApplicationFactory, CriterionFactory, GrantFactory, GrantReportFactory, QuestionFactory, RoundFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def group(key):
    return Term.objects.get(vocabulary_id="target_groups", key=key)


def reach(report, key, reached, target=None):
    report.reach.create(target_group=group(key), people_reached=reached, people_target=target)


@pytest.fixture
def fixed_set(personas):
    """Three public grants (two governments in France, one in Kenya; USD and EUR) and one hidden by its draft round."""
    kenya = GovernmentFactory(name="Nairobi test", country=Country.objects.get(code="KE"))
    first = GrantFactory(application__government=personas.government_a, amount=20000)
    second = GrantFactory(application__government=personas.government_b, amount=30000)
    third = GrantFactory(application__government=kenya, amount=15000, currency="EUR")
    GrantFactory(application__round=RoundFactory(status=Round.Status.DRAFT), amount=99999)
    report = GrantReportFactory(grant=first, period_end=D(2026, 7, 1))
    reach(report, "refugees", 100, 400)
    reach(report, "migrants", 50)
    later = GrantReportFactory(grant=first, period_end=D(2026, 12, 31))
    reach(later, "refugees", 150, 500)  # the target is revised: 500 replaces 400
    reach(GrantReportFactory(grant=second, period_end=D(2026, 7, 1)), "refugees", 30, 100)
    reach(GrantReportFactory(grant=third, period_end=D(2026, 7, 1), submitted_at=None), "refugees", 999, 999)  # not submitted
    return first, second, third


def test_by_the_numbers_adds_up_the_public_grants(fixed_set):
    numbers = grants.by_the_numbers()
    assert (numbers["grants"], numbers["cities"], numbers["countries"]) == (3, 3, 2)
    assert numbers["amounts"] == [{"currency": "EUR", "total": Decimal(15000)}, {"currency": "USD", "total": Decimal(50000)}]
    by_group = {term.key: (reached, target) for term, reached, target in numbers["people"]}
    assert by_group == {"refugees": (280, 600), "migrants": (50, None)}
    assert (numbers["reached"], numbers["target"]) == (330, 600)


def test_a_new_report_changes_the_numbers(fixed_set, personas):
    _first, second, _third = fixed_set
    grants.submit_report(second, personas.member_b, period_end=D(2026, 12, 31), language="es", narrative="Más familias.",
                         reach=[{"target_group": group("refugees"), "people_reached": 70, "people_target": 120}])
    numbers = grants.by_the_numbers()
    assert (numbers["reached"], numbers["target"]) == (400, 620)


def test_two_grants_to_one_government_count_one_city():
    government = GovernmentFactory()
    GrantFactory(application__government=government)
    GrantFactory(application__government=government)
    numbers = grants.by_the_numbers()
    assert (numbers["grants"], numbers["cities"], numbers["countries"]) == (2, 1, 1)


def test_the_page_shows_grantees_their_published_pledges_and_the_numbers(client, fixed_set, personas):
    first, second, _third = fixed_set
    first.pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True, title_en="Schools for all")
    first.save()
    second.pledge = ActionFactory(government=personas.government_b, kind=Action.Kind.PLEDGE, title_en="A draft pledge")
    second.save()

    page = client.get(reverse("fund:index")).content.decode()

    assert "Government A" in page and "Government B" in page and "Nairobi test" in page and "Kenya" in page
    assert f'href="{first.pledge.get_absolute_url()}"' in page
    assert "A draft pledge" not in page
    assert "99,999" not in page  # the draft round's grant
    assert "50,000 USD" in page and "15,000 EUR" in page
    assert "330" in page and "(target: 600)" in page


def test_an_unverified_governments_grant_is_not_public(client):
    GrantFactory(application__government=GovernmentFactory(name="Unverified town", verified=False))
    assert "Unverified town" not in client.get(reverse("fund:index")).content.decode()
    assert grants.by_the_numbers()["grants"] == 0


def test_the_page_reads_in_a_fixed_number_of_queries(client, django_assert_max_num_queries, fixed_set):
    with django_assert_max_num_queries(20):
        client.get(reverse("fund:index"))
    for _ in range(3):
        GrantFactory()
    with django_assert_max_num_queries(20):
        client.get(reverse("fund:index"))


# Every public page of the Fund (the namespace "fund"); a new one must be added here.
PUBLIC_FUND_PAGES = ["fund:index"]

MARKERS = {
    "answer": "ZQXANSWERMARK", "translation": "ZQXTRANSLATIONMARK", "feedback": "ZQXFEEDBACKMARK",
    "budget": "ZQXBUDGETMARK", "co_funding": "ZQXCOFUNDMARK", "score": "ZQXSCOREMARK", "conflict": "ZQXCONFLICTMARK",
    "evaluator": "ZQXEVALUATORMARK", "declined": "ZQXDECLINEDCITY", "waitlisted": "ZQXWAITLISTEDCITY",
    "override": "ZQXOVERRIDEMARK", "narrative": "ZQXNARRATIVEMARK", "criterion": "ZQXCRITERIONMARK",
}


def plant(application, evaluator):
    """Everything an application and its evaluation can hold, each with its own marker."""
    question = QuestionFactory(round=application.round)
    application.answers.create(question=question, text=MARKERS["answer"], translation=MARKERS["translation"])
    application.events.create(verb="invite", feedback=MARKERS["feedback"])
    application.budget_lines.create(category="staff", description=MARKERS["budget"], amount=1,
                                    co_funding_source=MARKERS["co_funding"])
    application.deadline_overrides.create(stage="intake", until=D(2030, 1, 1), reason=MARKERS["override"])
    criterion = CriterionFactory(round=application.round, name_en=MARKERS["criterion"])
    assignment = EvaluatorAssignment.objects.create(application=application, evaluator=evaluator)
    ConflictDeclaration.objects.create(assignment=assignment, has_conflict=False, explanation=MARKERS["conflict"])
    Score.objects.create(assignment=assignment, criterion=criterion, score=4, comment=MARKERS["score"])


def test_public_fund_pages_leak_nothing_from_applications_in_any_language(client, personas):
    evaluator = UserFactory(full_name=MARKERS["evaluator"], email="zqx-evaluator@example.org")
    round_ = RoundFactory(name_en="Public round", status=Round.Status.COMPLETED)
    grant = GrantFactory(application__round=round_, application__government=personas.government_a)
    plant(grant.application, evaluator)
    report = GrantReportFactory(grant=grant, narrative_en=MARKERS["narrative"])
    report.spending.create(budget_line=grant.application.budget_lines.get(), amount_spent=1)
    for stage, key in ((Stage.DECLINED, "declined"), (Stage.WAITLISTED, "waitlisted")):
        other = ApplicationFactory(round=round_, stage=stage, government=GovernmentFactory(name=MARKERS[key]))
        plant(other, evaluator)

    for language in ("en", "fr", "es"):
        for name in PUBLIC_FUND_PAGES:
            with translation.override(language):
                url = reverse(name)
            page = client.get(url).content.decode()
            assert f'lang="{language}"' in page
            assert "Government A" in page  # the grantee is public…
            leaked = [key for key, marker in MARKERS.items() if marker in page]
            assert not leaked, f"{url} shows {leaked}"  # …nothing else about the applications is


def test_the_leak_test_covers_every_public_fund_page():
    from localaction.fund import urls

    assert {f"fund:{pattern.name}" for pattern in urls.urlpatterns} == set(PUBLIC_FUND_PAGES)
