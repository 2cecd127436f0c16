"""The ranking's arithmetic on a fixed set: 3 applications × 2–3 evaluators × 3 criteria, one of them critical."""
from decimal import Decimal

import pytest
from django.urls import reverse

from localaction.factories import GovernmentFactory
from localaction.fund import evaluation
from localaction.fund.models import Criterion, Stage

from .evaluation_factories import evaluated, make_evaluator, under_evaluation
from .factories import ApplicationFactory, CriterionFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixed_set(personas):
    """Alpha: 82.50; Beta: 75.00 but fails the critical criterion (2.5 < 3); Gamma: 65.83 with three evaluators.
    A draft of a third evaluator on Alpha must not count."""
    round_ = RoundFactory()
    impact = CriterionFactory(round=round_, name_en="Impact", kind=Criterion.Kind.CRITICAL, weight=2, max_score=5, pass_mark=3, order=1)
    budget = CriterionFactory(round=round_, name_en="Budget", weight=1, max_score=5, order=2)
    partners = CriterionFactory(round=round_, name_en="Partners", weight=1, max_score=10, order=3)
    e1, e2, e3 = personas.evaluator, make_evaluator("e2@example.org"), make_evaluator("e3@example.org")
    manager = personas.fund_manager
    apps = {name: under_evaluation(round=round_, government=GovernmentFactory(name=name)) for name in ("Alpha", "Beta", "Gamma")}
    sheet = {
        "Alpha": [(e1, (4, 5, 8)), (e2, (5, 3, 6))],
        "Beta": [(e1, (2, 5, 10)), (e2, (3, 5, 10))],
        "Gamma": [(e1, (3, 4, 5)), (e2, (4, 2, 4)), (e3, (5, 3, 4))],
    }
    for name, rows in sheet.items():
        for evaluator, (i, b, p) in rows:
            evaluated(apps[name], evaluator, manager, {impact: i, budget: b, partners: p})
    evaluated(apps["Alpha"], e3, manager, {impact: 0, budget: 0}, submit=False)
    return round_, apps


def figures(row):
    return [(r.average, r.stdev, r.low, r.high, r.failed) for r in row.results]


def test_the_ranking_gives_exact_averages_spreads_totals_flags_and_order(fixed_set):
    round_, apps = fixed_set
    rows = evaluation.ranking(round_)

    assert [row.application.government.name for row in rows] == ["Alpha", "Gamma", "Beta"]
    alpha, gamma, beta = rows
    D = Decimal
    assert figures(alpha) == [(D("4.50"), D("0.50"), 4, 5, False), (D("4.00"), D("1.00"), 3, 5, False), (D("7.00"), D("1.00"), 6, 8, False)]
    assert (alpha.total, alpha.flagged, alpha.evaluations, alpha.assigned, alpha.rank) == (D("82.50"), False, 2, 3, 1)
    # Gamma: impact 3, 4, 5 → σ = √(2/3); partners 5, 4, 4 → mean 13/3, σ = √2/3.
    assert figures(gamma) == [(D("4.00"), D("0.82"), 3, 5, False), (D("3.00"), D("0.82"), 2, 4, False), (D("4.33"), D("0.47"), 4, 5, False)]
    assert (gamma.total, gamma.flagged, gamma.evaluations, gamma.rank) == (D("65.83"), False, 3, 2)
    assert figures(beta) == [(D("2.50"), D("0.50"), 2, 3, True), (D("5.00"), D("0.00"), 5, 5, False), (D("10.00"), D("0.00"), 10, 10, False)]
    assert (beta.total, beta.flagged, beta.rank) == (D("75.00"), True, 3)
    assert [str(c) for c in beta.failed_criteria] == ["Impact"]


def test_an_application_without_submitted_evaluations_comes_last_without_a_total(fixed_set):
    round_, _apps = fixed_set
    under_evaluation(round=round_, government=GovernmentFactory(name="Delta"))
    ApplicationFactory(round=round_, government=GovernmentFactory(name="Declined at intake"), stage=Stage.DECLINED)
    rows = evaluation.ranking(round_)
    assert len(rows) == 4
    last = rows[-1]
    assert (last.application.government.name, last.total, last.rank, last.flagged) == ("Delta", None, None, False)


def test_the_ranking_page_marks_flagged_rows_in_words_and_the_csv_has_the_same_figures(client_for, fixed_set):
    round_, _apps = fixed_set
    client = client_for("fund_manager")
    page = client.get(reverse("fund_workspace:ranking", args=[round_.pk])).content.decode()
    assert "<strong>Flagged</strong>: Impact" in page
    assert page.index("Alpha") < page.index("Gamma") < page.index("Beta")
    assert "σ 0.82, 3–5" in page

    response = client.get(reverse("fund_workspace:ranking_csv", args=[round_.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("Rank,Government,Country,Stage,Submitted evaluations,Assigned evaluators,Impact: average,")
    assert lines[1].split(",")[:2] == ["1", "Alpha"]
    assert lines[3] == "3,Beta,France,Under evaluation,2,2,2.50,0.50,2,3,5.00,0.00,5,5,10.00,0.00,10,10,75.00,yes,Impact"
    assert "Because" not in response.content.decode()  # evaluators' comments stay on the pages


def test_evaluators_cannot_see_the_ranking(client_for, fixed_set):
    round_, _apps = fixed_set
    assert client_for("evaluator").get(reverse("fund_workspace:ranking", args=[round_.pk])).status_code == 403
    assert client_for("evaluator").get(reverse("fund_workspace:ranking_csv", args=[round_.pk])).status_code == 403
