"""Similar actions, for the "Similar actions" list of an action's page.

Candidates are the published actions that share at least one GCM objective, GCR objective, GCR area of focus or
theme with the action. Each gets a score mixing how much of the mapping they share (Jaccard overlap of the two
sets) with how alike their titles and summaries read (TF-IDF cosine over the stems of the search app's own
analysis, text.py: accents folded, word forms stemmed per language, nothing downloaded). Ties are broken by
public identifier, so the same catalog always gives the same list.

At 100,000 actions a common objective is shared with tens of thousands of others: candidates are gathered from
the rarest shared feature first and capped (CANDIDATE_CAP), the text of only the best of them by overlap is read
(TEXT_CANDIDATES), and the result is cached per action and catalog version (search.facets.read_state), which any
publication, withdrawal or mapping change moves on. A list at most STALE_SECONDS behind the catalog is still
shown, so that a busy catalog does not make every page compute again; every list is filtered through
Action.objects.published() when shown, so an action that left the catalog never appears.
"""
import hashlib
import math
import time
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Cast

from localaction.core.translation import LANGUAGE_CODES
from localaction.search import text
from localaction.search.facets import read_state
from localaction.taxonomy.models import GCRArea, Term, Vocabulary

from .models import Action

LIMIT = 5
# Enough for the best matches of the rarest shared features; bounded so a page never scores the whole catalog.
CANDIDATE_CAP = 2000
TEXT_CANDIDATES = 300
# Ids per IN (…) list: well under SQLite's limit on query parameters.
CHUNK = 2000
OBJECTIVE_WEIGHT = 0.6
TEXT_WEIGHT = 0.4
CACHE_SECONDS = 24 * 3600
# How long a list computed before the latest catalog change may still be shown (unpublished actions never are:
# the list is filtered again when shown).
STALE_SECONDS = 600
# Shared features and the action relation they come from; themes are the terms of one vocabulary.
KINDS = {"gcm": "gcm_objectives", "gcr": "gcr_objectives", "area": "gcr_areas", "theme": "terms"}


@dataclass
class Similar:
    """One similar action and what it shares with the action shown."""

    action: Action
    score: float
    gcm: list = field(default_factory=list)
    gcr: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    themes: list = field(default_factory=list)


def _through(kind):
    """(through model, column of the related object) of one kind of feature."""
    through = getattr(Action, KINDS[kind]).through
    column = next(f.attname for f in through._meta.fields if f.is_relation and f.related_model is not Action)
    return through, column


def own_features(action):
    """{(kind, key)} of an action; reads the prefetched relations when the page has prefetched them."""
    features = {("gcm", o.pk) for o in action.gcm_objectives.all()}
    features |= {("gcr", o.pk) for o in action.gcr_objectives.all()}
    features |= {("area", a.pk) for a in action.gcr_areas.all()}
    features |= {("theme", t.pk) for t in action.terms.all() if t.vocabulary_id == Vocabulary.THEMES}
    return features


def _counts(features):
    """{(kind, key): how many actions have it}, in one query (a UNION over the kinds). Only the link tables are
    read (their indexes answer): drafts count too, which is close enough to order features by rarity."""
    queries = []
    for kind in KINDS:
        keys = [key for k, key in features if k == kind]
        if not keys:
            continue
        through, column = _through(kind)
        queries.append(
            through.objects.filter(**{f"{column}__in": keys})
            .values(column).annotate(kind=Value(kind, output_field=CharField()), key=Cast(F(column), CharField()), n=Count("pk"))
            .values("kind", "key", "n").order_by()
        )
    if not queries:
        return {}
    union = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    by_text = {(kind, str(key)): (kind, key) for kind, key in features}
    return {by_text[(row["kind"], row["key"])]: row["n"] for row in union if (row["kind"], row["key"]) in by_text}


def _candidates(action, features):
    """Ids of published actions other than `action` sharing a feature: the newest of the rarest feature first,
    then of the next, until there are CANDIDATE_CAP of them."""
    found = set()
    for (kind, key), n in sorted(_counts(features).items(), key=lambda item: (item[1], item[0][0], str(item[0][1]))):
        if n <= 1 and action.status == Action.Status.PUBLISHED:
            continue  # only the action itself has it
        through, column = _through(kind)
        # Newest first: when a common feature has to be cut, recent actions are the likelier peers.
        rows = through.objects.filter(**{column: key}).order_by("-action_id").values_list("action_id", flat=True)
        fresh = [pk for pk in rows[:CANDIDATE_CAP] if pk not in found and pk != action.pk]
        found.update(fresh[:CANDIDATE_CAP - len(found)])
        if len(found) >= CANDIDATE_CAP:
            break
    published = set()
    ordered = sorted(found)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        # The status is checked here, not in SQL, for the reason given in similar_actions().
        rows = Action.objects.filter(pk__in=chunk).values_list("pk", "status", "revision_of_id")
        published.update(pk for pk, status, copy_of in rows if status == Action.Status.PUBLISHED and copy_of is None)
    return published


def _features_of(ids):
    """{action id: {(kind, key)}} for many actions, one query per kind (and per chunk of ids)."""
    features = {pk: set() for pk in ids}
    ordered = sorted(ids)
    for kind in KINDS:
        through, column = _through(kind)
        for start in range(0, len(ordered), CHUNK):
            rows = through.objects.filter(action_id__in=ordered[start:start + CHUNK])
            if kind == "theme":
                rows = rows.filter(term__vocabulary_id=Vocabulary.THEMES)
            for action_id, key in rows.values_list("action_id", column):
                features[action_id].add((kind, key))
    return features


def _tokens(row):
    """The stems of an action's title and summary in every language it has, counted."""
    counts = Counter()
    for language in LANGUAGE_CODES:
        words = text.words(f"{row[f'title_{language}']} {row[f'summary_{language}']}")
        counts.update(text.stems(words, language))
    return counts


def _text_scores(action, ids):
    """{id: cosine of TF-IDF vectors} between the action and each of `ids`, IDF taken over these documents."""
    fields = [f"{name}_{language}" for name in ("title", "summary") for language in LANGUAGE_CODES]
    rows = {row["pk"]: _tokens(row) for row in Action.objects.filter(pk__in=[*ids, action.pk]).values("pk", *fields)}
    documents = len(rows)
    frequency = Counter(stem for counts in rows.values() for stem in counts)

    def vector(counts):
        weights = {stem: (1 + math.log(n)) * (math.log((documents + 1) / (frequency[stem] + 1)) + 1) for stem, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {stem: w / norm for stem, w in weights.items()}

    own = vector(rows.get(action.pk, Counter()))
    scores = {}
    for pk in ids:
        other = vector(rows.get(pk, Counter()))
        scores[pk] = sum(weight * other.get(stem, 0.0) for stem, weight in own.items())
    return scores


def compute(action, limit=LIMIT):
    """[(action id, score, shared features)] of the most similar published actions, best first."""
    features = own_features(action)
    if not features:
        return []
    ids = _candidates(action, features)
    if not ids:
        return []
    theirs = _features_of(ids)
    overlap = {pk: len(features & f) / len(features | f) for pk, f in theirs.items()}
    # Text can add at most TEXT_WEIGHT: candidates that cannot reach the limit-th best overlap alone are skipped,
    # and the text of at most TEXT_CANDIDATES is read, the best overlaps first (newest first among equals).
    floor = sorted((OBJECTIVE_WEIGHT * j for j in overlap.values()), reverse=True)[:limit][-1]
    contenders = sorted(
        (pk for pk, j in overlap.items() if OBJECTIVE_WEIGHT * j + TEXT_WEIGHT >= floor), key=lambda pk: (-overlap[pk], -pk)
    )[:TEXT_CANDIDATES]
    similarity = _text_scores(action, contenders)
    public_ids = dict(Action.objects.filter(pk__in=contenders).values_list("pk", "public_id"))
    # Rounded so that floating-point noise never decides between equal scores: the public id does.
    scored = sorted(
        ((round(OBJECTIVE_WEIGHT * overlap[pk] + TEXT_WEIGHT * similarity[pk], 6), pk) for pk in contenders),
        key=lambda item: (-item[0], public_ids[item[1]]),
    )
    return [(pk, score, sorted(features & theirs[pk], key=lambda f: (f[0], str(f[1])))) for score, pk in scored[:limit]]


def _cached(action, limit):
    """compute() through the cache. An entry is fresh for the catalog version it was computed at; after a change
    elsewhere in the catalog it still serves for STALE_SECONDS, so that a busy catalog (a publication a minute)
    does not make every page compute again. A change of the action's own mapping is a new key at once."""
    features = own_features(action)
    state = read_state()
    if not state.version or not features:
        return compute(action, limit)
    digest = hashlib.sha1(repr(sorted(features, key=lambda f: (f[0], str(f[1])))).encode(), usedforsecurity=False).hexdigest()[:16]
    key = f"localaction:similar:{state.generation}:{action.pk}:{digest}:{limit}"
    entry = cache.get(key)
    now = time.time()
    if entry is not None and (entry["version"] == state.version or now - entry["at"] < STALE_SECONDS):
        return entry["result"]
    result = compute(action, limit)
    cache.set(key, {"version": state.version, "at": now, "result": result}, CACHE_SECONDS)
    return result


def similar_actions(action, limit=LIMIT):
    """[Similar] for an action's page: cached ids, then the actions themselves (published ones only, in case the
    cache is older than a withdrawal) and the labels of the shared areas and themes."""
    ranked = _cached(action, limit)
    if not ranked:
        return []
    # Filtered on status here rather than in SQL: by primary key, the query cannot pick the status index instead.
    found = Action.objects.select_related("government__country").in_bulk([pk for pk, _s, _f in ranked])
    actions = {pk: other for pk, other in found.items() if other.is_published}
    area_keys = {key for _pk, _s, shared in ranked for kind, key in shared if kind == "area"}
    theme_keys = {key for _pk, _s, shared in ranked for kind, key in shared if kind == "theme"}
    areas = GCRArea.objects.in_bulk(area_keys) if area_keys else {}
    themes = Term.objects.in_bulk(theme_keys) if theme_keys else {}
    result = []
    for pk, score, shared in ranked:
        if pk not in actions:
            continue
        item = Similar(actions[pk], score)
        for kind, key in shared:
            if kind == "gcm":
                item.gcm.append(key)
            elif kind == "gcr":
                item.gcr.append(key)
            elif kind == "area" and key in areas:
                item.areas.append(areas[key])
            elif kind == "theme" and key in themes:
                item.themes.append(themes[key])
        item.gcm.sort()
        item.gcr.sort()
        result.append(item)
    return result


def replications(action):
    """The published actions that name `action` as their inspiration, oldest first."""
    # Read by the inspired_by index alone (few rows), then filtered: with the status in the query, SQLite may
    # scan the status index over the whole catalog instead.
    copies = Action.objects.filter(inspired_by=action).select_related("government__country")
    return sorted((copy for copy in copies if copy.is_published), key=lambda copy: (copy.published_at, copy.public_id))
