"""Fund grants URLs in the permission matrix; composed by permissions.py."""
import datetime

from localaction.core.tests.matrix import members_of_a, only
from localaction.fund.models import Stage, Tranche

from .factories import ApplicationFactory, GrantFactory

MANAGERS = {"fund_manager", "admin"}


def _slug_and_grant(o):
    return [o["fund_grant"].application.government.slug, o["fund_grant"].pk]


ENTRIES = {
    "fund_workspace:grants": (None, only(MANAGERS)),
    "fund_workspace:grant_create": (lambda o: [o["fund_awarded_application"].pk], only(MANAGERS)),
    "fund_workspace:grant": (lambda o: [o["fund_grant"].pk], only(MANAGERS)),
    "fund_workspace:record_payment": (lambda o: [o["fund_grant"].pk, o["fund_tranche"].pk], only(MANAGERS, status=405)),  # POST only
    # The grantee's pages: government A's members only; fund managers use their own pages.
    "fund_workspace:government_grants": (lambda o: [o["fund_grant"].application.government.slug], members_of_a()),
    "fund_workspace:government_grant": (_slug_and_grant, members_of_a()),
    "fund_workspace:grant_report": (_slug_and_grant, members_of_a()),
}


def make_objects(personas):
    """Government A's awarded application still without grant, and another of its applications with a grant
    and one planned tranche."""
    awarded = ApplicationFactory(government=personas.government_a, stage=Stage.AWARDED)
    grant = GrantFactory(application__government=personas.government_a)
    tranche = Tranche.objects.create(grant=grant, number=1, planned_on=datetime.date(2026, 1, 15), planned_amount=10000)
    return {"fund_awarded_application": awarded, "fund_grant": grant, "fund_tranche": tranche}
