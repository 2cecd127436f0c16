"""Campaigns, published actions mapped to either Compact, frozen snapshots and built packages, for the campaigns
tests. Actions are made the way the review tests make them (through the services where one exists)."""
import io
import json
import zipfile
from datetime import date, timedelta

from django.utils import timezone

from localaction.actions.tests.factories_review import published_action
from localaction.factories import CampaignFactory
from localaction.jobs.services import run_due
from localaction.reports.models import GeneratedFile
from localaction.taxonomy.models import Term

from .. import services


def campaign(**fields):
    """A campaign whose window is open today and whose forum is in a month."""
    today = timezone.localdate()
    fields.setdefault("opens_on", today - timedelta(days=30))
    fields.setdefault("closes_on", today + timedelta(days=10))
    fields.setdefault("forum_date", today + timedelta(days=30))
    return CampaignFactory(**fields)


def gcm_action(government, campaign, **fields):
    """A published pledge mapped to GCM objectives 2 and 16 only, typed as a policy-oriented commitment."""
    fields.setdefault("kind", "pledge")
    fields.setdefault("stage", "in_progress")
    fields.setdefault("gcm_objectives", [16, 2])
    fields.setdefault("start_date", date(2025, 1, 1))
    fields.setdefault("end_date", date(2027, 12, 31))
    action = published_action(government, campaign=campaign, **fields)
    action.terms.add(Term.objects.get(vocabulary_id="gcm_pledge_types", key="policy_oriented"))
    return action


def gcr_action(government, campaign, **fields):
    """A published practice mapped to the GCR only (objective 1, area "education"), technical contribution."""
    fields.setdefault("gcm_objectives", [])
    action = published_action(government, campaign=campaign, **fields)
    action.gcr_objectives.set([1])
    action.gcr_areas.set(["education"])
    action.terms.add(Term.objects.get(vocabulary_id="gcr_contribution_types", key="technical"))
    return action


def build(campaign, recipient, by, language="en", is_public=False):
    """Request a package and run the job that builds it; the GeneratedFile as stored afterwards."""
    generated = services.request_handover(campaign, recipient, by, language=language, is_public=is_public)
    run_due()
    return GeneratedFile.objects.get(pk=generated.pk)


def members(generated):
    """{name inside the folder: bytes} of a built package."""
    with generated.file.open("rb") as handle:
        data = handle.read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def records(generated):
    return json.loads(members(generated)["records.json"])["records"]
