"""contact entries in the permission matrix (see core/tests/matrix.py)."""
from localaction.core.tests.matrix import only, reviewers, signed_in
from localaction.factories import ActionFactory

from .factories import ContactMessageFactory, VerifiedPartnerFactory

ENTRIES = {
    # Members of another government write; B's own focal point and people without a government may not.
    "contact:new": (lambda o: [o["contact_action"].public_id], only({"member_a", "editor_a"})),
    "contact_workspace:inbox": (None, signed_in(200)),
    # A conversation: its writer (member_a) and the government contacted (B); nobody else, not even colleagues.
    "contact_workspace:thread": (lambda o: [o["contact_message"].pk], only({"member_a", "member_b"}, others=404)),
    "contact_workspace:log": (None, reviewers()),
    "contact_workspace:log_detail": (lambda o: [o["contact_message"].pk], reviewers()),
    "contact_workspace:block": (lambda o: [o["contact_message"].sender_id], reviewers(405)),  # POST only
    "contact_workspace:partners": (None, reviewers()),
    "contact_workspace:partner_toggle": (lambda o: [o["contact_partner"].pk], reviewers(405)),  # POST only
}


def make_objects(personas):
    """A published action of government B, member_a's message about it, and a verified partner."""
    action = ActionFactory(published=True, government=personas.government_b)
    message = ContactMessageFactory(sender=personas.member_a, sender_government=personas.government_a, action=action)
    return {"contact_action": action, "contact_message": message, "contact_partner": VerifiedPartnerFactory()}
