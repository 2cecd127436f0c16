"""The in-memory facet index of one app process: for every filter value (GCM objective 16, country SN, theme
health…) a compressed bitmap (roaring) of the positions of the public actions that have it.

Counting the actions of a value among tens of thousands of results is then one bitmap intersection, instead of
a GROUP BY over the hits. Positions follow publication order, so "newest first" pages are rank slices of the
result bitmap, without sorting.

The index follows the catalog version (SearchState): each request reads it (one small query); when it moved, the
documents changed since are read back and applied; a new generation (rebuild, emptied tables) reloads all.
"""
import gc
import os
import threading
import time
from array import array
from bisect import insort
import sqlite3
from datetime import datetime
from datetime import timezone as dt_timezone
from typing import NamedTuple

from django.db import connection
from pyroaring import BitMap

from localaction.actions.models import Action

from . import index, reporting, terms
from .models import SearchDocument
from .text import fold, words

LANGUAGES = ("en", "fr", "es")
TITLE_KEY_LENGTH = 48
CHANGE_LOG = 200

# The many-to-many facets: filter name → (Action field, how a row becomes the value key of the filter).
M2M_FACETS = {
    "gcm": ("gcm_objectives", "gcmobjective_id"),
    "principle": ("guiding_principles", "guidingprinciple_id"),
    "gcr": ("gcr_objectives", "gcrobjective_id"),
    "gcr_area": ("gcr_areas", "gcrarea_id"),
    "sdg": ("sdgs", "sdg_id"),
}
TERM_FACETS = {"themes": "theme", "target_groups": "target_group"}
FACET_NAMES = (
    "kind", "gcm", "principle", "gcr", "gcr_area", "sdg", "region", "country", "theme", "target_group", "term",
    "stage", "reporting", "campaign", "language", "reviewed",
)


def _rows(sql, params):
    """The rows of a query, fetched in chunks (the full load reads a hundred thousand rows)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            yield from rows


def _timestamp(value):
    """Seconds since the epoch of a datetime (PostgreSQL) or of the text SQLite stores (UTC)."""
    if value is None:
        return 0.0
    if isinstance(value, str):
        value = datetime.fromisoformat(value).replace(tzinfo=dt_timezone.utc)
    return value.timestamp()


def _title_keys(row_titles, original):
    """The sort key of an action's title in each reader language, with the same fallback as its cards."""
    titles = dict(zip(LANGUAGES, row_titles))
    keys = []
    for lang in LANGUAGES:
        title = titles[lang] or titles.get(original) or next((t for t in row_titles if t), "")
        keys.append(" ".join(words(title))[:TITLE_KEY_LENGTH])
    return keys


class Order:
    """The public positions sorted by a key (a title, or the publication date when positions are out of
    publication order), kept sorted as documents change, to page through any result set in that order."""

    # Above this many changed documents at once, sorting again is cheaper than inserting one by one.
    REBUILD_AFTER = 500

    def __init__(self, key, positions, reverse=False):
        self.key, self.reverse = key, reverse
        self.positions = array("I", sorted(positions, key=key))

    def update(self, removed, added):
        """Keep the order after documents left (`removed`) and came back or arrived (`added`)."""
        if len(removed) + len(added) > self.REBUILD_AFTER:
            kept = BitMap(self.positions) - removed | added
            self.positions = array("I", sorted(kept, key=self.key))
            return
        if removed:
            self.positions = array("I", (position for position in self.positions if position not in removed))
        for position in added:
            insort(self.positions, position, key=self.key)

    def slice(self, result, start, stop):
        """Positions of `result` from `start` to `stop` in this order: scanning the order until enough are found,
        or sorting the results, whichever reads fewer positions."""
        total = len(result)
        if not total or start >= total:
            return []
        if stop * len(self.positions) / total < total * 4:
            found = []
            for position in reversed(self.positions) if self.reverse else self.positions:
                if position in result:
                    found.append(position)
                    if len(found) >= stop:
                        break
            return found[start:stop]
        return sorted(result, key=self.key, reverse=self.reverse)[start:stop]


class FacetIndex:
    """Bitmaps of one generation and version of the catalog; `refresh()` brings them up to date."""

    def __init__(self):
        self.generation = None
        self.version = -1
        self.changed_at = None
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.public = BitMap()
        self.values = {name: {} for name in FACET_NAMES}
        self.governments = {}  # government id → positions
        self.government_names = {}  # government id → folded name
        # By position. Flat lists rather than a dict of tuples: a few big objects keep the garbage collector's
        # full passes short (a hundred thousand small containers made them cost tens of milliseconds).
        self.action_ids = array("q")
        self.published = array("d")  # publication time (seconds)
        # The pledges' reporting schedules: reference date (ordinal, 0 without schedule), campaign interval (0:
        # the default), and the day the "reporting" bitmaps are computed for.
        self.references = array("i")
        self.intervals = array("H")
        self.reporting_day = reporting.today()
        self.title_keys = [[] for _lang in LANGUAGES]
        self._orders = {}
        self.changes = []  # (from version, to version, changed positions), the latest CHANGE_LOG of them
        self.in_publication_order = True
        self.loaded_in = self.prewarmed_in = 0.0
        self.prewarmed = []

    # ------------------------------------------------------------------ keeping up with the database

    def refresh(self, state=None):
        """Reload, or apply the changes, when the catalog version moved (`state`: read_state(), or read now).
        Returns self."""
        generation, version, changed_at = state or read_state()
        today = reporting.today()
        if generation == self.generation and version == self.version and today == self.reporting_day:
            return self
        with self.lock:
            if generation != self.generation or version < self.version:
                if index.reconcile():  # actions written in bulk since the last rebuild
                    generation, version, changed_at = read_state()
                self._load(generation, version, changed_at)
            elif version != self.version:
                self._apply_changes(version, changed_at)
            if today != self.reporting_day:
                self._compute_reporting(today)
        return self

    def _compute_reporting(self, today):
        """The "reporting" bitmaps for another day: statuses move with the calendar, not only with documents."""
        status_of = reporting.StatusOf(today)
        groups = {}
        references, intervals = self.references, self.intervals
        for position in self.public:
            reference = references[position]
            if reference:
                groups.setdefault(status_of(reference, intervals[position]), []).append(position)
        self.values["reporting"] = {status: BitMap(positions) for status, positions in groups.items()}
        self.reporting_day = today

    def _load(self, generation, version, changed_at):
        started = time.perf_counter()
        self.reset()
        self._add("", [])
        self._build_orders()
        self.generation, self.version, self.changed_at = generation, version, changed_at
        self.loaded_in = time.perf_counter() - started
        started = time.perf_counter()
        self.prewarmed = terms.prewarm(self)
        self.prewarmed_in = time.perf_counter() - started
        # The index lives as long as the process: keep its objects out of the collector's generations.
        gc.collect()
        gc.freeze()

    def _apply_changes(self, version, changed_at):
        changed = BitMap(SearchDocument.objects.filter(version__gt=self.version).values_list("position", flat=True))
        self._remove(changed)
        added = self._add(" AND d.version > %s", [self.version])
        for order in self._orders.values():
            order.update(changed, added)
        if not self.in_publication_order and "newest" not in self._orders:
            self._build_orders()
        self.changes = [*self.changes[-CHANGE_LOG + 1:], (self.version, version, changed)]
        self.version, self.changed_at = version, changed_at

    def changed_since(self, version):
        """Positions changed after `version` (None when that is older than the change log)."""
        if version == self.version:
            return BitMap()
        if not self.changes or version < self.changes[0][0]:
            return None
        changed = BitMap()
        for _start, end, positions in self.changes:
            if end > version:
                changed |= positions
        return changed

    def _build_orders(self):
        """Title orders in each language, and a publication order if positions are not in it; built when the
        index loads, then kept up to date (so no reader waits for a sort of the whole catalog)."""
        self._orders = {}
        for n, language in enumerate(LANGUAGES):
            keys = self.title_keys[n]
            self._orders[f"title:{language}"] = Order(lambda p, keys=keys: (keys[p], -p), self.public)
        if not self.in_publication_order:
            self._orders["newest"] = Order(self.publication_key, self.public, reverse=True)

    def _remove(self, positions):
        if not positions:
            return
        self.public.difference_update(positions)
        for values in self.values.values():
            for bitmap in values.values():
                bitmap.difference_update(positions)
        for bitmap in self.governments.values():
            bitmap.difference_update(positions)

    def _grow(self, size):
        missing = size - len(self.action_ids)
        if missing > 0:
            self.action_ids.extend(array("q", [0]) * missing)
            self.published.extend(array("d", [0.0]) * missing)
            self.references.extend(array("i", [0]) * missing)
            self.intervals.extend(array("H", [0]) * missing)
            for keys in self.title_keys:
                keys.extend([""] * missing)

    def _fill(self, facet, groups):
        """Add {value key: [positions]} to one facet's bitmaps."""
        values = self.values[facet]
        for key, positions in groups.items():
            bitmap = values.get(key)
            if bitmap is None:
                values[key] = BitMap(positions)
            else:
                bitmap.update(positions)

    def _add(self, condition, params):
        """Index the public documents that meet `condition` (SQL on the documents `d`; empty: all); returns
        their positions."""
        rows = _rows(
            "SELECT d.position, a.id, a.kind, a.stage, c.slug, a.original_language, a.reviewed_at IS NOT NULL, "
            "a.government_id, g.name, g.country_id, co.region_id, co.subregion_id, a.published_at, "
            "a.show_as_practice, a.revision_of_id, a.last_progress_on, c.reporting_interval_months, "
            "a.title_en, a.title_fr, a.title_es "
            "FROM search_searchdocument d JOIN actions_action a ON a.id = d.action_id "
            "JOIN governments_government g ON g.id = a.government_id JOIN taxonomy_country co ON co.code = g.country_id "
            "LEFT JOIN campaigns_campaign c ON c.id = a.campaign_id WHERE d.is_public" + condition,
            params,
        )
        groups = {name: {} for name in (
            "kind", "stage", "reporting", "campaign", "language", "reviewed", "country", "region",
        )}
        governments = {}
        added = []
        status_of = reporting.StatusOf(self.reporting_day)
        for (position, action_id, kind, stage, campaign, language, reviewed, government_id, government_name,
             country, region, subregion, published_at, show_as_practice, revision_of_id, last_progress_on, interval,
             *titles) in rows:
            added.append(position)
            if position >= len(self.action_ids):
                self._grow(position + 1024)
            self.action_ids[position] = action_id
            self.published[position] = _timestamp(published_at)
            reference = reporting.reference_of(kind, show_as_practice, stage, revision_of_id, last_progress_on, published_at)
            self.references[position], self.intervals[position] = reference, interval or 0
            if reference:
                groups["reporting"].setdefault(status_of(reference, interval or 0), []).append(position)
            if kind == Action.Kind.PLEDGE and show_as_practice:
                kind = Action.Kind.PRACTICE  # listed with the practices; its stage stays a pledge's
            for keys, key in zip(self.title_keys, _title_keys(titles, language)):
                keys[position] = key
            for facet, key in (("kind", kind), ("stage", stage), ("campaign", campaign), ("language", language),
                               ("reviewed", "yes" if reviewed else "no"), ("country", country),
                               ("region", region), ("region", subregion)):
                if key:
                    groups[facet].setdefault(key, []).append(position)
            governments.setdefault(government_id, []).append(position)
            self.government_names[government_id] = fold(government_name)
        if not added:
            return BitMap()
        for facet, values in groups.items():
            self._fill(facet, values)
        for government_id, positions in governments.items():
            self.governments.setdefault(government_id, BitMap()).update(positions)
        added = BitMap(added)
        self.public |= added
        self._check_publication_order(added)
        self._add_relations(condition, params)
        return added

    def _check_publication_order(self, added):
        """Positions must grow with publication for rank slicing to give the newest first; an action published
        with an older date than the last one (an import, an edit in the admin) turns that off until a rebuild."""
        if not self.in_publication_order:
            return
        public, key = self.public, self.publication_key
        if len(added) > 1000:
            pairs = zip(public, public[1:]) if len(public) > 1 else ()
        else:
            pairs = []
            for position in added:
                rank = public.rank(position) - 1
                if rank > 0:
                    pairs.append((public[rank - 1], position))
                if rank + 1 < len(public):
                    pairs.append((position, public[rank + 1]))
        self.in_publication_order = all(key(a) <= key(b) for a, b in pairs)

    def publication_key(self, position):
        """Publication order, as `rebuild()` numbers positions: by date, then by action id."""
        return self.published[position], self.action_ids[position]

    def _add_relations(self, condition, params):
        for facet, (relation, column) in M2M_FACETS.items():
            table = getattr(Action, relation).through._meta.db_table
            groups = {}
            for position, key in _rows(
                f"SELECT d.position, t.{column} FROM search_searchdocument d JOIN {table} t ON t.action_id = d.action_id "
                "WHERE d.is_public" + condition, params,
            ):
                groups.setdefault(str(key), []).append(position)
            self._fill(facet, groups)
        table = Action.terms.through._meta.db_table
        groups = {name: {} for name in ("term", *TERM_FACETS.values())}
        for position, vocabulary, key in _rows(
            f"SELECT d.position, tm.vocabulary_id, tm.key FROM search_searchdocument d JOIN {table} t "
            "ON t.action_id = d.action_id JOIN taxonomy_term tm ON tm.id = t.term_id WHERE d.is_public" + condition,
            params,
        ):
            groups["term"].setdefault(f"{vocabulary}:{key}", []).append(position)
            if vocabulary in TERM_FACETS:
                groups[TERM_FACETS[vocabulary]].setdefault(key, []).append(position)
        for facet, values in groups.items():
            self._fill(facet, values)

    # ------------------------------------------------------------------ reading

    def bitmap(self, facet, key):
        """Positions with this value (an empty bitmap for a value nobody has)."""
        return self.values[facet].get(str(key), BitMap())

    def newest(self, result, start, stop):
        """Positions of `result` from start to stop, newest first."""
        if not self.in_publication_order:
            return self._order("newest").slice(result, start, stop)
        total = len(result)
        if start >= total:
            return []
        # Positions grow with publication: the newest are the highest ranks.
        return list(reversed(result[max(0, total - stop):total - start]))

    def by_title(self, result, start, stop, language):
        return self._order(f"title:{language}").slice(result, start, stop)

    def _order(self, name):
        if name not in self._orders:
            self._build_orders()
        return self._orders[name]

    def government_groups(self):
        """[(government id, positions)] by government name."""
        return sorted(self.governments.items(), key=lambda item: (self.government_names.get(item[0], ""), item[0]))


class State(NamedTuple):
    generation: str
    version: int
    changed_at: datetime | None


_READER = threading.local()


def _sqlite_file():
    name = str(connection.settings_dict["NAME"])
    return None if connection.vendor != "sqlite" or ":memory:" in name or "mode=memory" in name else name


def read_state():
    """The current catalog version (one small query).

    On a SQLite file it is read through a read-only connection that this thread keeps open: the project's
    settings open a new SQLite connection for every request, which costs more than serving a cached page."""
    path = _sqlite_file()
    if path is None:
        # Plain SQL: on a cached page this query is most of the work, and the ORM would double its cost.
        with connection.cursor() as cursor:
            cursor.execute("SELECT generation, version, changed_at FROM search_searchstate WHERE id = 1")
            row = cursor.fetchone()
        if row is None:
            return State("", 0, None)
        changed_at = row[2]
        if isinstance(changed_at, str):
            changed_at = datetime.fromisoformat(changed_at)
        if changed_at is not None and changed_at.tzinfo is None:  # SQLite stores UTC without a zone
            changed_at = changed_at.replace(tzinfo=dt_timezone.utc)
        return State(row[0], row[1], changed_at)
    # The file's identity too: a database file replaced on disk (a rebuilt demo) needs a new connection.
    identity = (path, os.stat(path).st_ino)
    reader = getattr(_READER, "connection", None)
    if reader is None or _READER.identity != identity:
        reader = _READER.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        _READER.identity = identity
    row = reader.execute("SELECT generation, version, changed_at FROM search_searchstate WHERE id = 1").fetchone()
    if row is None:
        return State("", 0, None)
    changed_at = datetime.fromisoformat(row[2]).replace(tzinfo=dt_timezone.utc) if row[2] else None
    return State(row[0], row[1], changed_at)


_INDEX = FacetIndex()


def current(state=None):
    """This process's facet index, brought up to date with the database."""
    return _INDEX.refresh(state)
