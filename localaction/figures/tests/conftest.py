"""The fixed data set of the figures tests, whose totals the tests compute by hand."""
import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from localaction.actions.models import Action, CoPledger
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.figures.models import ExchangeRate
from localaction.progress.models import ProgressUpdate
from localaction.taxonomy.models import Country

from .factories import PledgeFactory, ProgressUpdateFactory

D = datetime.date
PUBLISHED, DRAFT, SUBMITTED = (ProgressUpdate.Status.PUBLISHED, ProgressUpdate.Status.DRAFT, ProgressUpdate.Status.SUBMITTED)


@pytest.fixture
def test_rates(db):
    """Round made-up rates instead of the shipped table, so totals can be computed by hand:
    1 EUR = 1.10 USD from 2023, 1.20 USD from 2024; 1 CAD = 0.75 USD from 2024; nothing for COP."""
    ExchangeRate.objects.all().delete()
    for currency, day, rate in (("EUR", D(2023, 1, 1), "1.10"), ("EUR", D(2024, 1, 1), "1.20"), ("CAD", D(2024, 1, 1), "0.75")):
        ExchangeRate.objects.create(currency=currency, date=day, usd_per_unit=Decimal(rate), source="Test rate")


@pytest.fixture
def dataset(test_rates):
    """Campaign "first" holds pledges 1, 2, 3, 5 and 8 (plus a practice and an unpublished pledge, both ignored);
    campaign "second" holds pledge 4. Governments: france (Europe), canada (Northern America), colombia (South
    America). GCM objective 16: pledges 1, 2 and 4."""
    first = CampaignFactory(slug="first", name_en="First cohort", name_fr="Première cohorte", name_es="Primera cohorte")
    second = CampaignFactory(slug="second", name_en="Second cohort")
    france = GovernmentFactory(name="Ville A", slug="ville-a")
    canada = GovernmentFactory(name="City B", slug="city-b", country=Country.objects.get(code="CA"))
    colombia = GovernmentFactory(name="Ciudad C", slug="ciudad-c", country=Country.objects.get(code="CO"))

    # 1. France, EUR: the latest PUBLISHED update (2024) counts; a newer draft and a newer submitted one do not.
    pledge1 = PledgeFactory(government=france, campaign=first, gcm_objectives=[16], currency="EUR")
    ProgressUpdateFactory(action=pledge1, reported_on=D(2023, 6, 30), stage="in_progress", currency="EUR",
                          money_committed=Decimal("1000"), money_spent=Decimal("100"), people={"migrants": 50})
    ProgressUpdateFactory(action=pledge1, reported_on=D(2024, 3, 31), stage="fulfilled", currency="EUR",
                          money_committed=Decimal("2000"), money_spent=Decimal("1500"),
                          people={"migrants": 120, "refugees": 30})
    ProgressUpdateFactory(action=pledge1, status=DRAFT, reported_on=D(2024, 9, 30), stage="discontinued",
                          currency="EUR", money_committed=Decimal("9999"), people={"migrants": 9999})
    ProgressUpdateFactory(action=pledge1, status=SUBMITTED, reported_on=D(2024, 10, 31), stage="in_progress",
                          currency="EUR", money_spent=Decimal("8888"), people={"refugees": 8888})

    # 2. Canada, CAD, co-pledged by France (confirmed): counted for Canada only.
    pledge2 = PledgeFactory(government=canada, campaign=first, gcm_objectives=[16], currency="CAD")
    CoPledger.objects.create(action=pledge2, government=france, confirmed_at=timezone.now())
    ProgressUpdateFactory(action=pledge2, reported_on=D(2024, 5, 1), stage="in_progress", currency="CAD",
                          money_committed=Decimal("10000"), people={"refugees": 200})

    # 3. Colombia, COP: no rate, so its money is listed apart, never dropped.
    pledge3 = PledgeFactory(government=colombia, campaign=first, gcm_objectives=[2], currency="COP")
    ProgressUpdateFactory(action=pledge3, reported_on=D(2024, 2, 1), stage="planning", currency="COP",
                          money_committed=Decimal("5000000"), money_spent=Decimal("1000000"), people={"migrants": 10})

    # 4. France, second campaign, never reported.
    pledge4 = PledgeFactory(government=france, campaign=second, gcm_objectives=[16])

    # 5. Canada, EUR reported in 2022, before the first EUR rate (2023): converted at that earliest rate.
    pledge5 = PledgeFactory(government=canada, campaign=first, currency="EUR")
    ProgressUpdateFactory(action=pledge5, reported_on=D(2022, 6, 30), stage="discontinued", currency="EUR",
                          money_committed=Decimal("500"), money_spent=Decimal("300"))

    # 6. A practice with a published update: ignored.
    practice = ActionFactory(published=True, kind=Action.Kind.PRACTICE, government=france, campaign=first, gcm_objectives=[16])
    ProgressUpdateFactory(action=practice, stage="fulfilled", money_committed=Decimal("1000000"), people={"migrants": 999})

    # 7. A pledge waiting for review, with a published update: ignored.
    unpublished = PledgeFactory(government=france, campaign=first, status=Action.Status.SUBMITTED, published_at=None,
                                gcm_objectives=[16])
    ProgressUpdateFactory(action=unpublished, stage="fulfilled", money_committed=Decimal("777"), people={"migrants": 777})

    # 8. Colombia, USD, fulfilled; a fulfilled pledge shown as a practice is still a pledge.
    pledge8 = PledgeFactory(government=colombia, campaign=first, show_as_practice=True)
    ProgressUpdateFactory(action=pledge8, reported_on=D(2025, 1, 15), stage="fulfilled", currency="USD",
                          money_committed=Decimal("3000"), money_spent=Decimal("2999.99"), people={"host_communities": 1000})

    return SimpleNamespace(
        first=first, second=second, france=france, canada=canada, colombia=colombia,
        pledges=[pledge1, pledge2, pledge3, pledge4, pledge5, pledge8], practice=practice, unpublished=unpublished,
    )
