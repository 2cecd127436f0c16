"""The freeze: a campaign's snapshot keeps each action as it was handed over, whatever happens to it later."""
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from localaction.actions import services as action_services
from localaction.actions.tests.factories_review import proposed_change, submitted_action
from localaction.activity.models import ActivityLog
from localaction.jobs.services import run_due

from .. import services
from ..models import CampaignSnapshot, FrozenError, SnapshotEntry
from .factories import build, campaign, gcm_action, gcr_action, records

pytestmark = pytest.mark.django_db


def test_freezing_keeps_every_published_action_submitted_to_or_announced_at_the_campaign(personas):
    imrf, other = campaign(), campaign()
    submitted = gcm_action(personas.government_a, imrf)
    announced = gcr_action(personas.government_b, other)
    announced.announced_at.add(imrf)
    gcm_action(personas.government_a, other)  # another campaign's
    submitted_action(personas.government_a, campaign=imrf)  # not published

    snapshot, created = services.freeze(imrf, by=personas.reviewer)

    assert created and snapshot.action_count == 2
    assert {entry.public_id for entry in snapshot.entries.all()} == {submitted.public_id, announced.public_id}
    entry = snapshot.entries.get(public_id=submitted.public_id)
    assert entry.revision == 1
    assert entry.data["content"] == action_services.snapshot_data(submitted)  # the revisions' own serialization
    assert entry.data["government"]["name"] == "Government A"
    assert entry.data["terms"] == ["gcm_pledge_types:policy_oriented", "target_groups:migrants"]


def test_the_snapshot_keeps_the_version_handed_over_after_later_edits(personas):
    imrf = campaign()
    public = gcm_action(personas.government_a, imrf, title_en="Language cafés")
    services.freeze(imrf, by=personas.reviewer)

    copy = proposed_change(public, personas.member_a, title_en="Language cafés, now in twelve libraries")
    action_services.approve(copy, personas.reviewer)
    action_services.fix_mapping(public, personas.reviewer, gcm_objectives=[5])
    public.refresh_from_db()

    assert public.title_en == "Language cafés, now in twelve libraries"
    entry = SnapshotEntry.objects.get(public_id=public.public_id)
    assert entry.data["content"]["title_en"] == "Language cafés"
    assert entry.data["content"]["gcm_objectives"] == ["16", "2"]
    assert entry.revision == 1
    # A package built after the edits hands over the frozen version.
    generated = build(imrf, "un_network", personas.reviewer)
    (record,) = records(generated)
    assert (record["title"], record["gcm_objective_numbers"]) == ("Language cafés", [2, 16])


def test_a_campaign_freezes_once(personas):
    imrf = campaign()
    gcm_action(personas.government_a, imrf)
    first, created = services.freeze(imrf, by=personas.reviewer)
    gcm_action(personas.government_b, imrf)  # published after the freeze

    again, created_again = services.freeze(imrf)

    assert created and not created_again and again == first
    assert CampaignSnapshot.objects.count() == 1 and again.entries.count() == 1
    assert ActivityLog.objects.filter(verb="campaign.frozen").count() == 1


def test_a_frozen_snapshot_and_its_entries_refuse_to_change(personas):
    imrf = campaign()
    gcm_action(personas.government_a, imrf)
    snapshot, _created = services.freeze(imrf, by=personas.reviewer)
    entry = snapshot.entries.get()

    entry.data["content"]["title_en"] = "Rewritten"
    with pytest.raises(FrozenError):
        entry.save()
    with pytest.raises(FrozenError):
        snapshot.save()
    assert SnapshotEntry.objects.get().data["content"]["title_en"] != "Rewritten"


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_freeze(personas, persona):
    imrf = campaign()
    with pytest.raises(PermissionDenied):
        services.freeze(imrf, by=personas.get(persona))
    assert not CampaignSnapshot.objects.exists()


def test_a_reviewer_freezes_before_the_forum_with_the_button(client_for, personas):
    imrf = campaign()
    gcm_action(personas.government_a, imrf)

    response = client_for("reviewer").post(reverse("campaigns_workspace:freeze", args=[imrf.slug]), follow=True)

    snapshot = CampaignSnapshot.objects.get(campaign=imrf)
    assert (snapshot.frozen_by, snapshot.action_count) == (personas.reviewer, 1)
    assert "is frozen with 1 action." in response.content.decode()
    log = ActivityLog.objects.get(verb="campaign.frozen")
    assert (log.actor, log.payload["before_forum"], log.payload["scheduled"]) == (personas.reviewer, True, False)
    again = client_for("reviewer").post(reverse("campaigns_workspace:freeze", args=[imrf.slug]), follow=True)
    assert "was already frozen" in again.content.decode()


def test_the_periodic_job_freezes_campaigns_on_their_forum_date(personas):
    today = timezone.localdate()
    due = campaign(opens_on=today - timedelta(days=60), closes_on=today - timedelta(days=5), forum_date=today)
    later = campaign()
    frozen_early = campaign()
    gcm_action(personas.government_a, due)
    early, _created = services.freeze(frozen_early, by=personas.reviewer)

    call_command("periodic", stdout=open("/dev/null", "w"))
    run_due()

    snapshot = CampaignSnapshot.objects.get(campaign=due)
    assert (snapshot.frozen_by, snapshot.action_count) == (None, 1)
    assert not CampaignSnapshot.objects.filter(campaign=later).exists()
    assert CampaignSnapshot.objects.get(campaign=frozen_early) == early
    # Running it again the same day (or the next) changes nothing.
    call_command("periodic", stdout=open("/dev/null", "w"))
    run_due()
    assert CampaignSnapshot.objects.count() == 2
