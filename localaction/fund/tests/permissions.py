"""The Fund's URL names in the permission matrix (see core/tests/matrix.py)."""
from localaction.core.tests.matrix import PUBLIC, members_of_a, only

from . import permissions_evaluation, permissions_grants
from .factories import ApplicationFactory, RoundFactory

MANAGERS = {"fund_manager", "admin"}

ENTRIES = {
    "fund:index": (None, PUBLIC),
    "fund_workspace:rounds": (None, only(MANAGERS)),
    "fund_workspace:round_create": (None, only(MANAGERS)),
    "fund_workspace:round_edit": (lambda o: [o["fund_round"].pk], only(MANAGERS)),
    "fund_workspace:applications": (None, only(MANAGERS)),
    "fund_workspace:application": (lambda o: [o["fund_application"].pk], only(MANAGERS)),
    "fund_workspace:decide": (lambda o: [o["fund_application"].pk], only(MANAGERS, status=405)),  # POST only
    "fund_workspace:override": (lambda o: [o["fund_application"].pk], only(MANAGERS, status=405)),  # POST only
    # The applicant's pages: government A's members; anyone else (fund managers too) does not see them.
    "fund_workspace:government": (lambda o: [o["fund_application"].government.slug], members_of_a()),
    "fund_workspace:start": (lambda o: [o["fund_application"].government.slug, o["fund_open_round"].pk], members_of_a()),
    "fund_workspace:answer": (lambda o: [o["fund_application"].government.slug, o["fund_application"].pk], members_of_a()),
    "fund_workspace:budget": (lambda o: [o["fund_application"].government.slug, o["fund_application"].pk], members_of_a()),
}


ENTRIES.update(permissions_evaluation.ENTRIES)
ENTRIES.update(permissions_grants.ENTRIES)


def make_objects(personas):
    """Government A's application to one round, and another open round it has not applied to; then the
    evaluation's and the grants' objects."""
    application = ApplicationFactory(government=personas.government_a)
    objects = {"fund_application": application, "fund_round": application.round, "fund_open_round": RoundFactory()}
    for module in (permissions_evaluation, permissions_grants):
        objects.update(module.make_objects(personas))
    return objects
