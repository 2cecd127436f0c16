"""A fixed data set for the chart tests: actions in four countries of three regions, with known mappings, themes,
campaigns, publication months, progress reports (stages, people reached, money) and endorsements.

Pseudo-random but seeded, so every run (SQLite and PostgreSQL) builds the same catalog; the tests compare the
charts with counts made directly in the database, not with numbers written here, except for a few anchors.
"""
import datetime
from random import Random

import pytest
from django.core.cache import cache

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.declarations.models import Endorsement
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.progress.models import ProgressUpdate
from localaction.taxonomy.models import Term

COUNTRIES = ("FR", "SN", "KE", "CO")  # Western Europe, Western Africa, Eastern Africa, South America
UTC = datetime.timezone.utc


@pytest.fixture
def fixed_catalog(db):
    """36 published actions (and one draft) over 2024–2025, plus reports and endorsements; returns the objects a
    test may need."""
    cache.clear()
    rng = Random(7)
    governments = {
        code: GovernmentFactory(country_id=code, name=f"Town of {code}", slug=f"town-{code.lower()}")
        for code in COUNTRIES
    }
    campaigns = [
        CampaignFactory(
            slug="grf-2023", name_en="GRF 2023", forum=Campaign.Forum.GRF, forum_date=datetime.date(2023, 12, 13),
        ),
        CampaignFactory(slug="imrf-2026", name_en="IMRF 2026", name_fr="", forum_date=datetime.date(2026, 5, 1)),
    ]
    themes = list(Term.objects.filter(vocabulary_id="themes").order_by("position"))[:4]
    groups = list(Term.objects.filter(vocabulary_id="target_groups").order_by("position"))[:2]
    actions = []
    for n in range(36):
        kind = Action.Kind.PLEDGE if n % 3 else Action.Kind.PRACTICE
        # GCM objectives 1–12 only, and never 7: the other eleven are gaps everywhere.
        objectives = rng.sample([o for o in range(1, 13) if o != 7], rng.randint(1, 3))
        action = ActionFactory(
            published=True, kind=kind, government=governments[COUNTRIES[n % 4] if n % 5 else "FR"],
            published_at=datetime.datetime(2024 + n // 24, 1 + n % 12, 1 + n % 27, 12, tzinfo=UTC),
            campaign=rng.choice([None, *campaigns]) if kind == Action.Kind.PLEDGE else None,
            stage=Action.Stage.PLANNING if kind == Action.Kind.PLEDGE else "",
            show_as_practice=False, gcm_objectives=objectives,
        )
        action.gcr_areas.set(rng.sample(["education", "jobs_and_livelihoods", "solutions"], rng.randint(0, 2)))
        action.gcr_objectives.set(rng.sample([1, 2, 3], rng.randint(0, 2)))
        action.sdgs.set(rng.sample([4, 8, 10, 11, 16], 2))
        action.terms.set(rng.sample(themes, rng.randint(1, 2)) + [rng.choice(groups)])
        actions.append(action)
    ActionFactory(government=governments["SN"], gcm_objectives=[7])  # a draft: never counted

    pledges = [action for action in actions if action.kind == Action.Kind.PLEDGE]
    for n, pledge in enumerate(pledges[:10]):
        stage = [Action.Stage.FULFILLED, Action.Stage.IN_PROGRESS, Action.Stage.DISCONTINUED][n % 3]
        update = ProgressUpdate.objects.create(
            action=pledge, status=ProgressUpdate.Status.PUBLISHED, stage=stage,
            reported_on=datetime.date(2025, 6, 1 + n),
            discontinued_reason="No funding" if stage == Action.Stage.DISCONTINUED else "",
            money_committed=1000 * (n + 1), money_spent=400 * (n + 1), currency="USD" if n % 2 else "EUR",
            published_at=datetime.datetime(2025, 6, 2 + n, tzinfo=UTC),
        )
        update.people_reached.create(target_group=groups[n % 2], count=10 * (n + 1))
        pledge.stage = stage
        pledge.save()  # as publishing an update does: the catalog version moves
    ProgressUpdate.objects.create(  # submitted, not published: never counted
        action=pledges[10], status=ProgressUpdate.Status.SUBMITTED, stage=Action.Stage.FULFILLED,
        reported_on=datetime.date(2025, 7, 1), money_committed=999999, currency="USD",
    )
    signed = (("FR", datetime.date(2024, 3, 5)), ("SN", datetime.date(2024, 3, 20)), ("KE", datetime.date(2025, 1, 9)))
    for code, day in signed:
        Endorsement.objects.create(
            government=governments[code], signatory_name="Someone", signatory_title="Mayor", signed_on=day,
            letter="declarations/x.pdf", status=Endorsement.Status.VERIFIED,
        )
    Endorsement.objects.create(
        government=governments["CO"], signatory_name="Someone", signatory_title="Mayor",
        signed_on=datetime.date(2024, 4, 1), letter="declarations/y.pdf",
    )
    yield {"actions": actions, "pledges": pledges, "governments": governments, "campaigns": campaigns, "themes": themes}
    cache.clear()
