"""The figures pages in the permission matrix: public for everyone."""
from localaction.core.tests.matrix import PUBLIC
from localaction.factories import CampaignFactory


def make_objects(personas):
    return {"figures_campaign": CampaignFactory(slug="matrix-campaign")}


ENTRIES = {
    "figures:campaign": (lambda o: [o["figures_campaign"].slug], PUBLIC),
}
