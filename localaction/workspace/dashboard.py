"""What a signed-in person's workspace shows: their governments, what needs their attention and, for
reviewers, the queues. Read-only; a fixed number of queries however many governments and actions there are."""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from localaction.accounts.models import Roles
from localaction.actions.models import Action, CoPledger
from localaction.governments.models import GovernmentRequest, Membership

from .queues import review_queue_summary

Status = Action.Status

# The statuses counted on each government's panel, in the order of the workflow.
COUNTED_STATUSES = [
    Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED, Status.REJECTED, Status.WITHDRAWN,
]


@dataclass
class GovernmentPanel:
    """One of the user's governments with its counts and what waits for its members."""

    membership: Membership
    counts: list = field(default_factory=list)  # [(status, label, number)]
    proposed_changes: list = field(default_factory=list)  # working copies of published actions
    changes_requested: list = field(default_factory=list)
    copledge_invitations: list = field(default_factory=list)

    @property
    def government(self):
        return self.membership.government

    @property
    def is_focal_point(self):
        return self.membership.role == Membership.Role.FOCAL_POINT

    @property
    def needs_attention(self):
        return bool(self.changes_requested or self.copledge_invitations)


def government_panels(user):
    """A panel for each government the user belongs to, by government name."""
    memberships = list(
        Membership.objects.filter(user=user).select_related("government").order_by("government__name", "government_id")
    )
    if not memberships:
        return []
    panels = {m.government_id: GovernmentPanel(membership=m) for m in memberships}
    ids = list(panels)

    counts = defaultdict(dict)
    # Working copies of published actions are not actions of their own: they are listed, not counted.
    rows = (
        Action.objects.filter(government_id__in=ids, revision_of__isnull=True)
        .values("government_id", "status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["government_id"]][row["status"]] = row["number"]
    for government_id, panel in panels.items():
        panel.counts = [
            (status.value, status.label, counts[government_id].get(status.value, 0)) for status in COUNTED_STATUSES
        ]

    for action in Action.objects.filter(government_id__in=ids, revision_of__isnull=False).order_by("-updated_at"):
        panels[action.government_id].proposed_changes.append(action)
    for action in Action.objects.filter(government_id__in=ids, status=Status.CHANGES_REQUESTED).order_by("-updated_at"):
        panels[action.government_id].changes_requested.append(action)

    # Only focal points answer invitations to join another government's pledge.
    focal_ids = [m.government_id for m in memberships if m.role == Membership.Role.FOCAL_POINT]
    invitations = (
        CoPledger.objects.filter(government_id__in=focal_ids, confirmed_at__isnull=True, declined_at__isnull=True)
        .select_related("action__government")
        .order_by("invited_at", "pk")
    )
    for link in invitations:
        panels[link.government_id].copledge_invitations.append(link)
    return list(panels.values())


def pending_requests(user):
    """The user's requests to register or join a government that wait for a reviewer."""
    pending = GovernmentRequest.objects.filter(user=user, status=GovernmentRequest.Status.PENDING)
    return list(pending.select_related("government"))


def dashboard(user):
    """Everything the workspace home page shows to `user`."""
    is_reviewer = user.has_role(Roles.REVIEWER)
    return {
        "panels": government_panels(user),
        "pending_requests": pending_requests(user),
        "is_reviewer": is_reviewer,
        "is_fund_manager": user.has_role(Roles.FUND_MANAGER),
        "is_evaluator": user.has_role(Roles.EVALUATOR),
        "review_summary": review_queue_summary() if is_reviewer else None,
    }
