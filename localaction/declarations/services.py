"""State changes of endorsements of the Marrakech Mayors Declaration.

    (none or rejected) ──endorse──▶ submitted ──verify──▶ verified
                                        └──────reject──▶ rejected (a new endorsement may follow)

Each function checks the person and the transition, writes, records the change in the activity log and
notifies who it concerns, in one transaction.
"""
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from localaction.accounts.models import Roles
from localaction.activity.services import record
from localaction.governments.access import membership_of
from localaction.governments.models import Membership
from localaction.notifications.services import notify_government

from .models import Endorsement
from .validators import validate_pdf, validate_signed_on

Status = Endorsement.Status
LIVE = (Status.SUBMITTED, Status.VERIFIED)


class TransitionError(Exception):
    """The endorsement (or the government) is not in a state that allows this step; the message says why."""


def is_reviewer(user):
    """Reviewers (and superusers, who have every role) verify and reject endorsements."""
    return user.is_authenticated and user.has_role(Roles.REVIEWER)


def is_focal_point(user, government):
    """Only a government's focal points may commit it to the Declaration; editors may not."""
    membership = membership_of(user, government)
    return membership is not None and membership.role == Membership.Role.FOCAL_POINT


def can_read_letter(user, endorsement):
    """Reviewers and members of the endorsing government (any role) may read the signed letter."""
    return is_reviewer(user) or membership_of(user, endorsement.government) is not None


def live_endorsement(government):
    """The government's submitted or verified endorsement, or None."""
    return government.endorsements.filter(status__in=LIVE).first()


def current_endorsement(government):
    """What the government's focal points see: the live endorsement, else the latest rejected one, else None."""
    return live_endorsement(government) or government.endorsements.order_by("-created_at", "-id").first()


def _require_reviewer(user):
    if not is_reviewer(user):
        raise PermissionDenied


def _locked(endorsement):
    # Two reviewers deciding at once: the second one waits, then sees the first decision.
    return Endorsement.objects.select_for_update().select_related("government").get(pk=endorsement.pk)


def _notify(endorsement, verb, **context):
    url = reverse("declarations_workspace:endorse", args=[endorsement.government.slug])
    notify_government(endorsement.government, verb, url=url, roles=[Membership.Role.FOCAL_POINT], **context)


@transaction.atomic
def endorse(government, by, signatory_name, signatory_title, signed_on, letter):
    """A focal point of a verified government sends its endorsement, with the signed letter, for verification."""
    if not is_focal_point(by, government):
        raise PermissionDenied
    if not government.verified:
        raise TransitionError(_("Your government is not verified yet; it can endorse the Declaration once a reviewer has verified it."))
    # The form checks these too; the service checks again so no other caller can store a bad letter.
    validate_signed_on(signed_on)
    validate_pdf(letter)
    if live_endorsement(government) is not None:
        raise TransitionError(_("Your government’s endorsement has already been sent."))
    try:
        with transaction.atomic():
            endorsement = Endorsement.objects.create(
                government=government, signatory_name=signatory_name.strip(), signatory_title=signatory_title.strip(),
                signed_on=signed_on, letter=letter, submitted_by=by,
            )
    except IntegrityError as race:
        # Another focal point sent one at the same moment; the database keeps one live endorsement.
        raise TransitionError(_("Your government’s endorsement has already been sent.")) from race
    record(by, "endorsement.submitted", endorsement, signed_on=signed_on.isoformat())
    return endorsement


@transaction.atomic
def verify(endorsement, by):
    """A reviewer confirms the endorsement (the letter is genuine and signed); it joins the public list."""
    _require_reviewer(by)
    endorsement = _locked(endorsement)
    if endorsement.status != Status.SUBMITTED:
        raise TransitionError(_("This endorsement has already been decided."))
    endorsement.status = Status.VERIFIED
    endorsement.reason = ""
    endorsement.decided_by = by
    endorsement.decided_at = timezone.now()
    endorsement.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    record(by, "endorsement.verified", endorsement)
    _notify(endorsement, "endorsement.verified")
    return endorsement


@transaction.atomic
def reject(endorsement, by, reason):
    """A reviewer turns the endorsement down with a reason its focal points read; they may send a new one."""
    _require_reviewer(by)
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Give the reason for rejecting."))
    endorsement = _locked(endorsement)
    if endorsement.status != Status.SUBMITTED:
        raise TransitionError(_("This endorsement has already been decided."))
    endorsement.status = Status.REJECTED
    endorsement.reason = reason
    endorsement.decided_by = by
    endorsement.decided_at = timezone.now()
    endorsement.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    record(by, "endorsement.rejected", endorsement, reason=reason)
    _notify(endorsement, "endorsement.rejected", reason=reason)
    return endorsement
