"""The declarations app's URL names in the permission matrix (see core/tests/matrix.py)."""
from localaction.core.tests.matrix import PUBLIC, members_of_a, only, reviewers

from .factories import EndorsementFactory

ENTRIES = {
    "declarations:signatories": (None, PUBLIC),
    # Only a focal point endorses: an editor of A is refused (403), anyone outside A does not see the page (404).
    "declarations_workspace:endorse": (lambda o: [o["declarations_endorsement"].government.slug], members_of_a(editor=403)),
    "declarations_workspace:queue": (None, reviewers()),
    "declarations_workspace:decide": (lambda o: [o["declarations_endorsement"].pk], reviewers(405)),  # POST only
    # The signed letter: reviewers and any member of the endorsing government; to anyone else it does not exist.
    "declarations_workspace:letter": (
        lambda o: [o["declarations_endorsement"].pk],
        only({"member_a", "editor_a", "reviewer", "admin"}, others=404),
    ),
}


def make_objects(personas):
    """A submitted endorsement of government A, with a small PDF letter under the matrix's temporary MEDIA_ROOT."""
    return {"declarations_endorsement": EndorsementFactory(government=personas.government_a)}
