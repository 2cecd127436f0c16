"""Joining the platform: registering a government, asking to join one, reviewers' decisions, invitations and
members. Each function checks that the step and the person are allowed, writes the change, records it in the
activity log and notifies who it concerns, in one transaction. Views call these; nothing else changes who
belongs to a government.

    register ──▶ government (unverified) + requester as focal point + request (pending)
    join     ──▶ request (pending)
    request (pending) ──approve──▶ approved (register: government verified; join: membership created)
                      ──decline──▶ declined (with a reason)
    invitation (pending) ──accept──▶ accepted (membership created) · ──revoke──▶ revoked · expires after N days
"""
import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from localaction.accounts.models import Roles
from localaction.activity.services import record
from localaction.jobs.services import enqueue
from localaction.notifications.services import notify

from .access import membership_of
from .models import Government, GovernmentRequest, Invitation, Membership

FocalPoint = Membership.Role.FOCAL_POINT


class GovernmentError(Exception):
    """A step that is not possible now (already a member, request already decided…); the message says why,
    translated, and can be shown to the user as it is."""


class InvitationError(GovernmentError):
    """An invitation link that cannot be used: unknown, expired, revoked or already used."""


# ---------------------------------------------------------------- helpers


def unique_slug(name):
    """A free slug for a new government: "ville-de-test", then "ville-de-test-2", "-3"… on a clash."""
    base = slugify(name)[:200].strip("-") or "government"
    slug, number = base, 1
    while Government.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def hash_token(token):
    """Invitations keep only this hash, so a copy of the database does not hold usable links."""
    return hashlib.sha256(token.encode()).hexdigest()


def _require_reviewer(user):
    if not (user.is_authenticated and user.has_role(Roles.REVIEWER)):
        raise PermissionDenied


def _require_focal_point(user, government):
    membership = membership_of(user, government)
    if membership is None or membership.role != FocalPoint:
        raise PermissionDenied
    return membership


def _require_pending(government_request):
    if government_request.status != GovernmentRequest.Status.PENDING:
        raise GovernmentError(
            _("This request was already decided: %(status)s.") % {"status": government_request.get_status_display()}
        )


def pending_invitations():
    """Invitations whose link still works: not accepted, not revoked, not expired."""
    return Invitation.objects.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


def _locked(government_request):
    """The request re-read under a row lock, so two reviewers deciding at once cannot both succeed."""
    return GovernmentRequest.objects.select_for_update().select_related("government", "user").get(pk=government_request.pk)


def _my_governments_url(language):
    """The page a notice links to, in the reader's language (the e-mail is read in it too)."""
    with translation.override(language):
        return reverse("governments_workspace:my_governments")


# ---------------------------------------------------------------- requests


@transaction.atomic
def request_registration(user, *, name, kind, country, position, message="", population=None, website="",
                         latitude=None, longitude=None):
    """Register a new government: it is created unverified with `user` as its focal point, and a reviewer is
    asked to verify it. Until then nothing it writes can be published."""
    government = Government.objects.create(
        name=name, slug=unique_slug(name), kind=kind, country=country, population=population, website=website,
        latitude=latitude, longitude=longitude, verified=False,
    )
    Membership.objects.create(user=user, government=government, role=FocalPoint)
    government_request = GovernmentRequest.objects.create(
        user=user, government=government, kind=GovernmentRequest.Kind.REGISTER, role=FocalPoint,
        position=position, message=message,
    )
    record(user, "government.registration_requested", government_request, government=government, name=name)
    return government_request


@transaction.atomic
def request_join(user, government, role, position, message=""):
    """Ask to join a verified government with `role`; refused for members and when a request is already waiting."""
    if role not in Membership.Role.values:
        raise ValueError(role)
    if not government.verified:
        raise GovernmentError(
            _("%(government)s is waiting for verification; it cannot take new members yet.") % {"government": government.name}
        )
    if membership_of(user, government) is not None:
        raise GovernmentError(_("You are already a member of %(government)s.") % {"government": government.name})
    pending = GovernmentRequest.objects.filter(user=user, government=government, status=GovernmentRequest.Status.PENDING)
    if pending.exists():
        raise GovernmentError(
            _("You have already asked to join %(government)s; a reviewer will answer soon.") % {"government": government.name}
        )
    government_request = GovernmentRequest.objects.create(
        user=user, government=government, kind=GovernmentRequest.Kind.JOIN, role=role, position=position, message=message,
    )
    record(user, "government.join_requested", government_request, government=government, role=role)
    return government_request


@transaction.atomic
def approve_request(government_request, by):
    """Reviewer accepts a request: a registered government becomes verified; a person who asked to join
    becomes a member with the role asked for."""
    _require_reviewer(by)
    government_request = _locked(government_request)
    _require_pending(government_request)
    government, now = government_request.government, timezone.now()
    if government_request.kind == GovernmentRequest.Kind.REGISTER:
        government.verified, government.verified_at = True, now
        government.save(update_fields=["verified", "verified_at"])  # the requester is its focal point already
    else:
        Membership.objects.get_or_create(
            user=government_request.user, government=government, defaults={"role": government_request.role}
        )
    government_request.status = GovernmentRequest.Status.APPROVED
    government_request.decided_by, government_request.decided_at = by, now
    government_request.save(update_fields=["status", "decided_by", "decided_at"])
    record(by, "government_request.approved", government_request, government=government, kind=government_request.kind)
    notify(
        government_request.user, "government_request.approved",
        url=_my_governments_url(government_request.user.language), government=government.name,
    )
    return government_request


@transaction.atomic
def decline_request(government_request, by, reason):
    """Reviewer turns a request down with a reason, which the requester reads. A declined registration leaves
    the government unverified, so nothing of it is ever published."""
    _require_reviewer(by)
    if not (reason or "").strip():
        raise GovernmentError(_("Give the reason for declining."))
    government_request = _locked(government_request)
    _require_pending(government_request)
    government_request.status = GovernmentRequest.Status.DECLINED
    government_request.reason = reason.strip()
    government_request.decided_by, government_request.decided_at = by, timezone.now()
    government_request.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    government = government_request.government
    record(
        by, "government_request.declined", government_request, government=government,
        kind=government_request.kind, reason=government_request.reason,
    )
    notify(
        government_request.user, "government_request.declined",
        url=_my_governments_url(government_request.user.language), government=government.name, reason=government_request.reason,
    )
    return government_request


# ---------------------------------------------------------------- invitations


@transaction.atomic
def invite(government, email, role, by):
    """A focal point invites a colleague by e-mail. Only the token's hash is stored; the raw token goes to the
    e-mail job and is set on the returned invitation as `token` (never saved), so the caller can show or test it.

    The raw token sits in the job's payload until the e-mail is sent (jobs take their arguments from the job
    table); a finished job keeps it, but the link is single-use and expires after LOCALACTION_INVITATION_DAYS."""
    _require_focal_point(by, government)
    if role not in Membership.Role.values:
        raise ValueError(role)
    email = email.strip().lower()
    if Membership.objects.filter(government=government, user__email__iexact=email).exists():
        raise GovernmentError(_("%(email)s is already a member of %(government)s.") % {"email": email, "government": government.name})
    if pending_invitations().filter(government=government, email__iexact=email).exists():
        raise GovernmentError(
            _("An invitation to %(email)s is still waiting. Revoke it first to send a new one.") % {"email": email}
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        government=government, email=email, role=role, token_hash=hash_token(token), invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.LOCALACTION_INVITATION_DAYS),
    )
    record(by, "invitation.created", invitation, government=government, email=email, role=role)
    enqueue("localaction.governments.tasks.send_invitation_email", invitation_id=invitation.pk, token=token)
    invitation.token = token
    return invitation


@transaction.atomic
def revoke_invitation(invitation, by):
    """A focal point withdraws an invitation that was not used yet; its link stops working at once."""
    _require_focal_point(by, invitation.government)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise GovernmentError(_("This invitation was already used or revoked."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record(by, "invitation.revoked", invitation, government=invitation.government, email=invitation.email)
    return invitation


def invitation_for_token(token, for_update=False):
    """The invitation a link's token opens, or InvitationError saying why it cannot be used."""
    invitations = Invitation.objects.select_related("government", "invited_by")
    if for_update:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=hash_token(token or "")).first()
    if invitation is None:
        raise InvitationError(_("This invitation link is not valid. Check that you copied the whole link."))
    if invitation.revoked_at:
        raise InvitationError(
            _("This invitation was revoked. Ask the focal point of %(government)s for a new one.")
            % {"government": invitation.government.name}
        )
    if invitation.accepted_at:
        raise InvitationError(_("This invitation was already used. Each invitation link works once."))
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            _("This invitation has expired. Ask the focal point of %(government)s for a new one.")
            % {"government": invitation.government.name}
        )
    return invitation


def check_invitee(invitation, user):
    """Raise InvitationError unless `user` is the person invited (same e-mail address) and not yet a member.

    A forwarded link must not let someone else in: the focal point vouched for an address, not for a link."""
    if user.email.lower() != invitation.email.lower():
        raise InvitationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.") % {"email": invitation.email}
        )
    if membership_of(user, invitation.government) is not None:
        raise InvitationError(_("You are already a member of %(government)s.") % {"government": invitation.government.name})


@transaction.atomic
def accept_invitation(token, user):
    """The invited person accepts: they become a member with the invited role; the link cannot be used again."""
    invitation = invitation_for_token(token, for_update=True)
    check_invitee(invitation, user)
    membership = Membership.objects.create(user=user, government=invitation.government, role=invitation.role)
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record(user, "invitation.accepted", invitation, government=invitation.government, role=invitation.role)
    return membership


# ---------------------------------------------------------------- members


@transaction.atomic
def remove_member(membership, by):
    """A focal point removes a member (possibly themselves); the last focal point cannot be removed, so a
    government is never left without someone to manage it. The person loses access with their next request."""
    government = membership.government
    _require_focal_point(by, government)
    # Lock the focal points so two focal points removing each other cannot leave none.
    focal_points = list(
        Membership.objects.select_for_update().filter(government=government, role=FocalPoint).values_list("pk", flat=True)
    )
    if membership.role == FocalPoint and focal_points == [membership.pk]:
        raise GovernmentError(
            _("%(government)s needs at least one focal point. Invite or name another focal point first.")
            % {"government": government.name}
        )
    user = membership.user
    membership.delete()
    record(by, "membership.removed", government, government=government, user_id=user.pk, email=user.email, role=membership.role)
    notify(user, "membership.removed", url=_my_governments_url(user.language), government=government.name)
    return government
