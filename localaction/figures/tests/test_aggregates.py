"""The aggregates equal the totals computed by hand on the fixed data set (see conftest.py)."""
import datetime
from decimal import Decimal

import pytest

from localaction.actions.models import Action
from localaction.factories import CampaignFactory, GovernmentFactory
from localaction.figures import services
from localaction.taxonomy.models import Country

from .factories import PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def people(figures):
    return {row["target_group"].key: row["count"] for row in figures.people_reached}


def test_a_campaigns_figures_equal_the_hand_computed_totals(dataset):
    figures = services.campaign_figures(dataset.first)

    # Pledges 1, 2, 3, 5 and 8; the practice and the pledge under review are left out.
    assert figures.count == 5
    assert figures.by_stage == {"planning": 1, "in_progress": 1, "fulfilled": 2, "discontinued": 1, "not_reported": 0}
    # Fulfilled ÷ all pledges, discontinued included: 2 / 5.
    assert figures.fulfilment_rate == Decimal("0.4000")
    # Latest published updates only: pledge 1 reports 120 migrants and 30 refugees (not its older 50, nor its
    # draft's 9,999); pledge 2 200 refugees; pledge 3 10 migrants; pledge 8 1,000 people of host communities.
    assert people(figures) == {"migrants": 130, "refugees": 230, "host_communities": 1000}
    assert figures.people_reached_total == 1360
    # Committed: pledge 1 2,000 EUR × 1.20 (2024) = 2,400; pledge 2 10,000 CAD × 0.75 = 7,500;
    # pledge 5 500 EUR × 1.10 (reported in 2022, before the first rate: the earliest, 2023) = 550; pledge 8 3,000.
    assert figures.money_committed_usd == Decimal("13450.00")
    # Spent: 1,500 × 1.20 = 1,800; pledge 2 reports none; 300 × 1.10 = 330; 2,999.99 → 5,129.99.
    assert figures.money_spent_usd == Decimal("5129.99")
    assert figures.pledges_reporting_money == 5
    # Pledge 3's pesos have no rate: reported apart, in pesos, with the reason.
    assert set(figures.unconverted) == {"COP"}
    assert figures.unconverted["COP"]["committed"] == Decimal("5000000")
    assert figures.unconverted["COP"]["spent"] == Decimal("1000000")
    assert "COP" in figures.unconverted["COP"]["reason"]
    assert [(r.currency, r.date.year) for r in figures.rates_used] == [("CAD", 2024), ("EUR", 2023), ("EUR", 2024)]


def test_a_governments_figures_count_the_pledges_it_leads_not_those_it_co_pledged(dataset):
    figures = services.government_figures(dataset.france)

    # Pledges 1 and 4; pledge 2, which France co-pledged, counts for Canada.
    assert figures.count == 2
    assert figures.by_stage == {"planning": 0, "in_progress": 0, "fulfilled": 1, "discontinued": 0, "not_reported": 1}
    assert figures.fulfilment_rate == Decimal("0.5000")
    assert people(figures) == {"migrants": 120, "refugees": 30}
    assert figures.money_committed_usd == Decimal("2400.00")
    assert figures.money_spent_usd == Decimal("1800.00")
    assert figures.unconverted == {}

    canada = services.government_figures(dataset.canada)
    assert canada.count == 2
    assert canada.money_committed_usd == Decimal("8050.00")  # 7,500 + 550
    assert canada.money_spent_usd == Decimal("330.00")


def test_a_regions_figures_include_its_sub_regions_and_a_sub_region_only_its_own(dataset):
    americas = services.region_figures("019")
    assert americas.count == 4  # pledges 2, 5 (Canada), 3, 8 (Colombia)
    assert americas.by_stage["fulfilled"] == 1
    assert americas.money_committed_usd == Decimal("11050.00")  # 7,500 + 550 + 3,000

    south_america = services.region_figures("005")
    assert south_america.count == 2
    assert people(south_america) == {"migrants": 10, "host_communities": 1000}
    assert south_america.fulfilment_rate == Decimal("0.5000")

    europe = services.region_figures(Country.objects.get(code="FR").region)
    assert europe.count == 2


def test_an_objectives_figures_count_the_pledges_mapped_to_it(dataset):
    figures = services.objective_figures(16)

    assert figures.count == 3  # pledges 1, 2 and 4
    assert figures.by_stage == {"planning": 0, "in_progress": 1, "fulfilled": 1, "discontinued": 0, "not_reported": 1}
    assert figures.fulfilment_rate == Decimal("0.3333")
    assert people(figures) == {"migrants": 120, "refugees": 230}
    assert figures.money_committed_usd == Decimal("9900.00")  # 2,400 + 7,500


def test_unpublished_updates_and_pledges_and_practices_are_ignored(test_rates):
    campaign = CampaignFactory()
    pledge = PledgeFactory(campaign=campaign)
    ProgressUpdateFactory(action=pledge, status="draft", stage="fulfilled", money_committed=Decimal("10"), people={"migrants": 1})
    ProgressUpdateFactory(action=pledge, status="returned", stage="fulfilled", money_committed=Decimal("10"))
    draft_pledge = PledgeFactory(campaign=campaign, status=Action.Status.DRAFT, published_at=None)
    ProgressUpdateFactory(action=draft_pledge, stage="fulfilled", money_committed=Decimal("10"))
    practice = PledgeFactory(campaign=campaign, kind=Action.Kind.PRACTICE)
    ProgressUpdateFactory(action=practice, stage="fulfilled", money_committed=Decimal("10"))

    figures = services.campaign_figures(campaign)

    assert figures.count == 1
    assert figures.by_stage["not_reported"] == 1
    assert figures.fulfilment_rate == Decimal("0.0000")
    assert figures.people_reached == []
    assert figures.money_committed_usd == Decimal("0.00")
    assert figures.pledges_reporting_money == 0


def test_the_latest_update_is_the_latest_situation_not_the_latest_written(test_rates):
    pledge = PledgeFactory()
    ProgressUpdateFactory(action=pledge, reported_on=datetime.date(2024, 12, 31), stage="fulfilled", people={"migrants": 80})
    # Published afterwards, but about an earlier date: the December report stays the current one.
    ProgressUpdateFactory(action=pledge, reported_on=datetime.date(2024, 6, 30), stage="in_progress", people={"migrants": 40})

    figures = services.government_figures(pledge.government)

    assert figures.by_stage["fulfilled"] == 1
    assert people(figures) == {"migrants": 80}


def test_no_pledge_gives_empty_figures_without_a_rate(db):
    figures = services.campaign_figures(CampaignFactory())

    assert figures.count == 0
    assert figures.fulfilment_rate is None
    assert figures.as_dict()["fulfilment_rate"] is None


def test_figures_are_plain_data_for_exports_and_the_api(dataset):
    data = services.campaign_figures(dataset.first).as_dict()

    assert data["pledges"] == 5
    assert data["fulfilment_rate"] == "0.4000"
    assert data["money_committed_usd"] == "13450.00"
    assert data["unconverted"]["COP"]["committed"] == "5000000.00"
    assert {"target_group": "refugees", "count": 230} in data["people_reached"]
    assert data["rates_used"][0] == {"currency": "CAD", "date": "2024-01-01", "usd_per_unit": "0.75000000", "source": "Test rate"}


def test_the_number_of_queries_does_not_grow_with_the_pledges(test_rates, django_assert_max_num_queries):
    campaign = CampaignFactory()
    currencies = ["USD", "EUR", "CAD", "COP"]
    for number in range(12):
        pledge = PledgeFactory(campaign=campaign, government=GovernmentFactory())
        for year in (2023, 2024):
            ProgressUpdateFactory(action=pledge, reported_on=datetime.date(year, 3, 1), currency=currencies[number % 4],
                                  money_committed=Decimal("100"), money_spent=Decimal("10"),
                                  people={"migrants": number, "refugees": 1})

    with django_assert_max_num_queries(5):
        figures = services.campaign_figures(campaign)
        str(figures.people_reached[0]["target_group"])  # the terms are loaded already

    assert figures.count == 12
    assert figures.people_reached_total == sum(range(12)) + 12
