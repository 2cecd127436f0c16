"""State changes of campaigns: "announced at" tags on actions, the freeze of a campaign's snapshot, and requests
for handover packages. Each checks the person, writes, and records the change in the activity log, in one
transaction. (Submission windows are checked in windows.py, which the action editor and workflow call.)"""
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from localaction.accounts.permissions import require_reviewer
from localaction.activity.services import record
from localaction.core.translation import LANGUAGE_CODES
from localaction.reports import services as reports
from localaction.reports.models import GeneratedFile

from . import snapshots
from .handover.recipients import RECIPIENTS
from .models import Campaign, CampaignSnapshot, SnapshotEntry

BUILD_TASK = "localaction.campaigns.tasks.build_handover"


class CampaignError(Exception):
    """A campaign step that is not possible now (the message says why, translated)."""


# ---------------------------------------------------------------- announced at


@transaction.atomic
def set_announced_at(action, campaigns, by):
    """A reviewer records the forums (campaigns) at which an action was announced. Returns the slugs added and
    removed. The tags sit outside the action's reviewed content: they apply at once and make no revision."""
    require_reviewer(by)
    before = set(action.announced_at.values_list("slug", flat=True))
    after = {campaign.slug for campaign in campaigns}
    if before == after:
        return [], []
    action.announced_at.set(campaigns)
    added, removed = sorted(after - before), sorted(before - after)
    record(by, "action.announced_at_changed", action, added=added, removed=removed)
    return added, removed


# ---------------------------------------------------------------- freeze


def freeze(campaign, by=None, now=None, progress=None):
    """Freeze the campaign's snapshot: every action it hands over, as it stands now. Idempotent: a campaign
    freezes once, and a second call (a second reviewer, the job after the button) returns the snapshot already
    frozen. `by` is the reviewer who pressed the button, or None for the scheduled job on the forum date.
    Returns (snapshot, created)."""
    if by is not None:
        require_reviewer(by)
    existing = CampaignSnapshot.objects.filter(campaign=campaign).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            # The row lock makes a concurrent freeze wait here, then find the snapshot and return it.
            Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
            existing = CampaignSnapshot.objects.filter(campaign=campaign).first()
            if existing is not None:
                return existing, False
            built = snapshots.build_entries(campaign, progress=progress)
            frozen_at = (now or timezone.now()).replace(microsecond=0)
            snapshot = CampaignSnapshot.objects.create(
                campaign=campaign, frozen_at=frozen_at, frozen_by=by, action_count=len(built)
            )
            SnapshotEntry.objects.bulk_create(
                [
                    SnapshotEntry(snapshot=snapshot, action=action, public_id=action.public_id, position=position,
                                  revision=revision, data=data)
                    for position, (action, revision, data) in enumerate(built, start=1)
                ],
                batch_size=500,
            )
            record(by, "campaign.frozen", campaign, government=None, actions=len(built),
                   before_forum=frozen_at.date() < campaign.forum_date, scheduled=by is None)
    except IntegrityError:
        # Another process froze it between our check and our insert (no row locks on SQLite): theirs stands.
        return CampaignSnapshot.objects.get(campaign=campaign), False
    return snapshot, True


def campaigns_due(today=None):
    """Campaigns whose forum date has come and whose snapshot is not frozen yet."""
    today = today or timezone.localdate()
    return Campaign.objects.filter(forum_date__lte=today, snapshot__isnull=True).order_by("forum_date", "pk")


# ---------------------------------------------------------------- handover packages


@transaction.atomic
def request_handover(campaign, recipient, by, language="en", is_public=False):
    """A reviewer asks for a handover package of a frozen campaign for one recipient; a job builds it. Returns the
    queued GeneratedFile."""
    require_reviewer(by)
    if recipient not in RECIPIENTS:
        raise CampaignError(_("Unknown recipient."))
    if language not in LANGUAGE_CODES:
        raise CampaignError(_("Unknown language."))
    if not CampaignSnapshot.objects.filter(campaign=campaign).exists():
        raise CampaignError(_("Freeze the campaign first: a package is built from its frozen snapshot."))
    with translation.override(language):
        title = _("Handover package: %(campaign)s, for %(recipient)s") % {
            "campaign": campaign.translated("name", language).text, "recipient": RECIPIENTS[recipient].name,
        }
    return reports.request_file(
        GeneratedFile.Kind.HANDOVER, title=title, task=BUILD_TASK, by=by, language=language, campaign=campaign,
        parameters={"recipient": recipient}, is_public=is_public,
    )


@transaction.atomic
def set_public(generated, is_public, by):
    """A reviewer links a ready package from the public campaign page, or stops linking it."""
    require_reviewer(by)
    if generated.kind != GeneratedFile.Kind.HANDOVER:
        raise CampaignError(_("Only handover packages are published from here."))
    if generated.is_public == is_public:
        return generated
    generated.is_public = is_public
    generated.save(update_fields=["is_public"])
    record(by, "handover.published" if is_public else "handover.unpublished", generated, government=None)
    return generated
