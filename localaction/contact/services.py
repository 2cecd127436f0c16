"""The relay: who may write to a government, sending and answering messages, the rate limit, and the reviewers'
means against abuse (blocking a sender, verifying partner organisations).

No address leaves the platform until its owner chooses: e-mails come from the platform's own address and name
people by name and body only. A member of the contacted government who answers reveals their address (their
answer reaches the writer with Reply-To set to it); from then on the writer's answers reach that member with
the writer's address as Reply-To. E-mails are sent by the job runner (tasks.send_delivery), one job per e-mail.
"""
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from localaction.accounts.permissions import require_reviewer
from localaction.activity.services import record
from localaction.governments.access import membership_of
from localaction.governments.models import Government, Membership
from localaction.jobs.services import enqueue
from localaction.notifications.models import Notification

from .models import BlockedSender, ContactMessage, ContactReply, Delivery, VerifiedPartner

DELIVERY_JOB = "localaction.contact.tasks.send_delivery"
# Defaults of the settings LOCALACTION_CONTACT_PER_HOUR and LOCALACTION_CONTACT_PER_DAY.
PER_HOUR = 5
PER_DAY = 20
MAX_BODY = 5000
MAX_SUBJECT = 150


class ContactRefused(Exception):
    """The relay does not take this message (the message says why, translated)."""


class RateLimited(ContactRefused):
    """The sender has sent as many messages as the relay takes for now."""


# ---------------------------------------------------------------- who may write


def is_blocked(user):
    return BlockedSender.objects.filter(user_id=user.pk).exists()


def sender_identities(user, government):
    """[(key, label, Government or VerifiedPartner)] on whose behalf `user` may write to `government`: the
    verified governments they belong to, and their verified organisation. Empty for members of `government`
    itself (they talk to each other directly) and for anyone else."""
    if not user.is_authenticated or not user.is_active or membership_of(user, government) is not None:
        return []
    identities = [
        (f"g{g.pk}", g.name, g)
        for g in Government.objects.public().filter(memberships__user=user).exclude(pk=government.pk).order_by("name", "pk")
    ]
    partner = VerifiedPartner.objects.filter(user=user, active=True).first()
    if partner is not None:
        identities.append((f"p{partner.pk}", partner.organisation, partner))
    return identities


def may_contact(user, government):
    """Whether `user` sees "Contact this government" on the actions of `government`."""
    return bool(sender_identities(user, government)) and not is_blocked(user)


def recipients(government):
    """Who receives a government's messages: its active focal points, or every active member when it has none."""
    members = get_user_model().objects.filter(is_active=True, memberships__government=government).exclude(email="")
    focal_points = members.filter(memberships__role=Membership.Role.FOCAL_POINT)
    return list((focal_points if focal_points.exists() else members).distinct().order_by("pk"))


def display_name(user):
    """A person's name as the other side sees it: the full name, never the e-mail address."""
    return (user.full_name or "").strip()


# ---------------------------------------------------------------- rate limit


def sent_since(user, since):
    """How many texts `user` has sent through the relay since `since`: new messages, and answers to their own."""
    messages = ContactMessage.objects.filter(sender=user, created_at__gte=since).count()
    answers = ContactReply.objects.filter(author=user, from_government=False, created_at__gte=since).count()
    return messages + answers


def limits():
    """(per hour, per day): how many texts one person may send through the relay."""
    return (getattr(settings, "LOCALACTION_CONTACT_PER_HOUR", PER_HOUR), getattr(settings, "LOCALACTION_CONTACT_PER_DAY", PER_DAY))


def _check_rate(user):
    """Counted in the database, so every app process applies the same limit; the sender's row is locked first,
    so two messages posted at once are counted one after the other."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    now, (per_hour, per_day) = timezone.now(), limits()
    if sent_since(user, now - timedelta(hours=1)) >= per_hour:
        raise RateLimited(_("You have sent %(count)s messages in the last hour, the most the platform relays; "
                            "please try again later.") % {"count": per_hour})
    if sent_since(user, now - timedelta(days=1)) >= per_day:
        raise RateLimited(_("You have sent %(count)s messages in the last 24 hours, the most the platform relays; "
                            "please try again tomorrow.") % {"count": per_day})


def record_refusal(user, government, reason):
    """Keep a trace of a refused message (over the limit, blocked) for the reviewers; its text is not kept."""
    record(user, "contact.refused", government, government=government, reason=reason)


# ---------------------------------------------------------------- sending and answering


def clean_subject(subject):
    """One line: no newline can reach an e-mail header."""
    return " ".join(str(subject).split())[:MAX_SUBJECT]


def _check_sender(user):
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if is_blocked(user):
        raise ContactRefused(_("You can no longer send messages through the platform. Contact the secretariat if you think this is a mistake."))


def _deliver(message, people, reply=None, reply_to=None):
    """One Delivery and one job per person; `reply_to` maps a person's pk to the address owner they may reach."""
    for person in people:
        delivery = Delivery.objects.create(
            message=message, reply=reply, recipient=person, reply_to=(reply_to or {}).get(person.pk)
        )
        enqueue(DELIVERY_JOB, unique_key=f"contact:delivery:{delivery.pk}", delivery_id=delivery.pk)


def _notice(people, verb, message, **context):
    """The in-app notice; its e-mail copy is the relayed e-mail itself, so none is queued here."""
    url = reverse("contact_workspace:thread", args=[message.pk])
    title = str(message.action.t.title) if message.action_id else ""
    plain = {key: str(value) for key, value in {"title": title, "subject": message.subject, **context}.items()}
    Notification.objects.bulk_create([Notification(user=person, verb=verb, url=url, context=plain) for person in people])


@transaction.atomic
def send_message(user, action, identity, subject, body):
    """`user` writes to the lead government of a published `action` on behalf of `identity` (a key of
    sender_identities); the message is e-mailed to the government's focal points by the job runner."""
    _check_sender(user)
    if not action.is_published:
        raise PermissionDenied
    government = action.government
    identities = {key: obj for key, _label, obj in sender_identities(user, government)}
    if identity not in identities:
        raise PermissionDenied
    _check_rate(user)
    on_behalf = identities[identity]
    body = str(body).strip()[:MAX_BODY]
    message = ContactMessage.objects.create(
        sender=user, sender_name=display_name(user),
        sender_government=on_behalf if isinstance(on_behalf, Government) else None,
        sender_partner=on_behalf if isinstance(on_behalf, VerifiedPartner) else None,
        sender_organisation=on_behalf.name if isinstance(on_behalf, Government) else on_behalf.organisation,
        government=government, action=action, subject=clean_subject(subject), body=body,
    )
    people = recipients(government)
    _deliver(message, people)
    _notice(people, "contact.received", message, sender=message.sender_name or message.sender_organisation,
            organisation=message.sender_organisation)
    record(user, "contact.sent", message, government=government, action=action.public_id,
           on_behalf=identity, size=len(body), recipients=len(people))
    return message


def thread_role(user, message):
    """"sender", "government" (a member of the government contacted) or None."""
    if not user.is_authenticated:
        return None
    if message.sender_id == user.pk:
        return "sender"
    if membership_of(user, message.government) is not None:
        return "government"
    return None


def _government_repliers(message):
    """Members of the government contacted who have answered: they revealed their address."""
    ids = message.replies.filter(from_government=True, author__isnull=False).values("author")
    return get_user_model().objects.filter(pk__in=ids, is_active=True)


@transaction.atomic
def reply(message, user, body):
    """An answer in a conversation, e-mailed to the other side. An answer from the government reveals its
    author's address to the writer (Reply-To); the writer's answers reveal theirs only to those who answered."""
    _check_sender(user)
    role = thread_role(user, message)
    if role is None:
        raise PermissionDenied
    if role == "sender":
        _check_rate(user)
    body = str(body).strip()[:MAX_BODY]
    answer = ContactReply.objects.create(
        message=message, author=user, author_name=display_name(user), from_government=role == "government", body=body
    )
    if role == "government":
        people = [message.sender] if message.sender.is_active else []
        _deliver(message, people, reply=answer, reply_to={message.sender_id: user})
        message.status = ContactMessage.Status.ANSWERED
        message.save(update_fields=["status"])
        _notice(people, "contact.replied", message, government=message.government.name)
    else:
        repliers = list(_government_repliers(message))
        people = {person.pk: person for person in [*recipients(message.government), *repliers]}
        revealed = {person.pk: user for person in repliers}
        _deliver(message, [people[pk] for pk in sorted(people)], reply=answer, reply_to=revealed)
        _notice(people.values(), "contact.replied", message, government=message.sender_organisation)
    record(user, "contact.replied", message, government=message.government, from_government=role == "government", size=len(body))
    return answer


# ---------------------------------------------------------------- reviewers


@transaction.atomic
def block_sender(user, by, reason):
    """A reviewer bars `user` from the relay; what they sent stays visible in the relay log."""
    require_reviewer(by)
    if not str(reason).strip():
        raise ContactRefused(_("Give the reason for blocking."))
    block, _created = BlockedSender.objects.update_or_create(user=user, defaults={"reason": reason, "blocked_by": by})
    record(by, "contact.sender_blocked", user, government=None, reason=reason)
    return block


@transaction.atomic
def unblock_sender(user, by):
    """A reviewer lets a blocked person use the relay again."""
    require_reviewer(by)
    deleted, _rows = BlockedSender.objects.filter(user=user).delete()
    if deleted:
        record(by, "contact.sender_unblocked", user, government=None)
    return bool(deleted)


@transaction.atomic
def verify_partner(user, organisation, by):
    """A reviewer lets `user` write to governments on behalf of `organisation`."""
    require_reviewer(by)
    partner, _created = VerifiedPartner.objects.update_or_create(
        user=user, defaults={"organisation": organisation.strip(), "verified_by": by, "verified_at": timezone.now(), "active": True}
    )
    record(by, "contact.partner_verified", partner, government=None, organisation=partner.organisation)
    return partner


@transaction.atomic
def set_partner_active(partner, active, by):
    """A reviewer suspends a verified partner, or restores them."""
    require_reviewer(by)
    partner.active = active
    partner.save(update_fields=["active"])
    record(by, "contact.partner_activated" if active else "contact.partner_suspended", partner, government=None)
    return partner


def relay_log(sender=None):
    """The reviewers' view of the relay, newest first, optionally of one sender."""
    messages = ContactMessage.objects.select_related("sender", "sender_government", "government", "action").order_by("-created_at", "-pk")
    if sender is not None:
        messages = messages.filter(Q(sender=sender))
    return messages
