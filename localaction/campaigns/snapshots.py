"""What a frozen snapshot keeps of each action: the revision serialization of its content
(actions.services.snapshot_data, as in ActionRevision) plus what the recipients ask for besides, resolved to
stable identifiers (public ids, slugs, taxonomy numbers and keys) while the data is at hand.

Entries are built in chunks of CHUNK actions, so memory and query sizes stay flat whatever the campaign's size.
"""
from datetime import UTC

from django.db.models import Max, Prefetch, Q

from localaction.actions.models import Action, ActionRevision, CoPledger
from localaction.actions.services import snapshot_data

CHUNK = 500
SCHEMA = 1  # the shape of SnapshotEntry.data; bump it if the shape ever changes


def campaign_actions(campaign):
    """The published actions a campaign hands over: those submitted to it and those announced at it."""
    return Action.objects.published().filter(Q(campaign=campaign) | Q(announced_at=campaign))


def _iso(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def _chunk_queryset(ids):
    return Action.objects.filter(pk__in=ids).select_related(
        "government__country", "campaign", "matches"
    ).prefetch_related(
        "partners", "indicators", "links", "documents", "announced_at", "terms__vocabulary",
        Prefetch(
            "co_pledger_links",
            queryset=CoPledger.objects.filter(confirmed_at__isnull=False, government__verified=True)
            .select_related("government__country").order_by("government__name", "government__slug"),
        ),
    )


def entry_data(action, revision):
    """The JSON kept for one action (the action comes from _chunk_queryset, with its relations fetched)."""
    government, country = action.government, action.government.country
    return {
        "schema": SCHEMA,
        "public_id": action.public_id,
        "slug": action.slug,
        "revision": revision,
        "published_at": _iso(action.published_at),
        "reviewed_at": _iso(action.reviewed_at),
        "campaign": action.campaign.slug if action.campaign_id else None,
        "announced_at": sorted(campaign.slug for campaign in action.announced_at.all()),
        "matches": action.matches.public_id if action.matches_id else None,
        "government": {
            "slug": government.slug, "name": government.name, "kind": government.kind,
            "country": country.code, "country_iso3": country.iso3,
            "region": country.region_id, "subregion": country.subregion_id,
        },
        "co_pledgers": [
            {"slug": link.government.slug, "name": link.government.name, "country": link.government.country.code}
            for link in action.co_pledger_links.all()
        ],
        "terms": sorted(f"{term.vocabulary_id}:{term.key}" for term in action.terms.all()),
        "content": snapshot_data(action),
    }


def _order_key(action):
    government = action.government
    return (government.country.region_id or "", government.country_id, government.name.casefold(), government.slug,
            action.public_id)


def build_entries(campaign, progress=None):
    """[(action, revision number, data)] for every action the campaign hands over, in handover order: by region,
    country and government, then public id. `progress(done, total)` is called after each chunk."""
    ids = list(campaign_actions(campaign).order_by().values_list("pk", flat=True).distinct())
    total, built = len(ids), []
    for start in range(0, total, CHUNK):
        chunk = ids[start:start + CHUNK]
        revisions = dict(
            ActionRevision.objects.filter(action_id__in=chunk).values("action_id").annotate(n=Max("number"))
            .values_list("action_id", "n")
        )
        for action in _chunk_queryset(chunk):
            built.append((action, revisions.get(action.pk), entry_data(action, revisions.get(action.pk))))
        if progress:
            progress(len(built), total)
    built.sort(key=lambda item: _order_key(item[0]))
    return built
