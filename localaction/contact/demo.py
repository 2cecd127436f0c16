"""Demo content of the relay and of replication (DEMO ONLY), called by seed_demo after the core seeder.

Montréal's focal point (government A) has written to Bogotá (government B) about one of its published actions,
and Bogotá's focal point has answered, so both personas find a conversation in their workspace; a partner
organisation is verified (its account cannot sign in); and three published actions of other governments say
they were inspired by one of Montréal's, whose page then shows "Replicated by 3 actions". Rows are written
directly: no e-mail is queued for invented conversations.
"""
from django.contrib.auth import get_user_model
from django.utils import timezone

from localaction.actions.models import Action, ActionRevision
from localaction.core.demo_data import GOVERNMENT_A, GOVERNMENT_B
from localaction.governments.models import Government

from .models import ContactMessage, ContactReply, VerifiedPartner

FOCAL_POINT_A = "focal.point@localaction.test"
FOCAL_POINT_B = "member.b@localaction.test"
PARTNER = "partner.demo@localaction.test"
REPLICATIONS = 3


def _published(government):
    return Action.objects.published().filter(government=government).order_by("pk")


def _conversation(sender, answerer, government_a, action):
    if ContactMessage.objects.filter(sender=sender, government=action.government).exists():
        return 0
    message = ContactMessage.objects.create(
        sender=sender, sender_name=sender.full_name, sender_government=government_a, sender_organisation=government_a.name,
        government=action.government, action=action, subject="Your programme: how did you involve newcomers?",
        body="Hello,\n\nWe are preparing a similar programme and would like to learn how you involved migrants and "
             "refugees in its design. Could we talk for half an hour next month?\n\nBest regards",
        status=ContactMessage.Status.ANSWERED, relayed_at=timezone.now(),
    )
    ContactReply.objects.create(
        message=message, author=answerer, author_name=answerer.full_name, from_government=True,
        body="Hello,\n\nWith pleasure: our community advisory board met every month. I will send you a few dates.",
    )
    return 1


def _replications(government_a):
    original = _published(government_a).first()
    if original is None or Action.objects.filter(inspired_by=original).exists():
        return 0
    copies = Action.objects.published().exclude(government=government_a).filter(inspired_by__isnull=True).order_by("pk")
    ids = list(copies.values_list("pk", flat=True)[:REPLICATIONS])
    # A plain UPDATE: the link is not indexed for search, so no re-indexing is needed. The approved snapshots
    # (revisions) carry the link too, as if it had been there when the reviewer approved them.
    updated = Action.objects.filter(pk__in=ids).update(inspired_by=original)
    for revision in ActionRevision.objects.filter(action_id__in=ids):
        revision.data["inspired_by_id"] = original.pk
        revision.save(update_fields=["data"])
    return updated


def seed(write):
    """Create this app's demo rows; `write` prints a line of the summary."""
    users = get_user_model().objects
    sender, answerer = users.filter(email=FOCAL_POINT_A).first(), users.filter(email=FOCAL_POINT_B).first()
    government_a = Government.objects.filter(name=GOVERNMENT_A).first()
    government_b = Government.objects.filter(name=GOVERNMENT_B).first()
    action = _published(government_b).first() if government_b else None
    conversations = 0
    if sender and answerer and government_a and action:
        conversations = _conversation(sender, answerer, government_a, action)
    partner_user, created = users.get_or_create(email=PARTNER, defaults={"full_name": "Demo Partner"})
    if created:
        partner_user.set_unusable_password()
        partner_user.save(update_fields=["password"])
    VerifiedPartner.objects.get_or_create(
        user=partner_user, defaults={"organisation": "Migrant-led Network (demo)", "verified_at": timezone.now()}
    )
    replications = _replications(government_a) if government_a else 0
    write(f"Contact: {conversations} conversation(s), 1 verified partner, {replications} replication link(s).")
