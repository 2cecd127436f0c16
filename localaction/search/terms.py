"""Positions of the documents matching each query term, from the text index (backends.py), cached per process.

A common word ("migrants", "services", "de") matches most of the catalog; asking the text index for it costs
10-30 ms at 100,000 actions. The cache keeps each term's bitmap across catalog versions (only the documents
changed since are checked again), and the most frequent words of the catalog are looked up when the facet index
loads, so that readers rarely wait for a common word.

Behind the process cache sits a shared one in the database (TermPostings): the bitmaps of terms that match many
documents, written by the first process that looked them up, read by every other process and after restarts.
Both are brought up to date with the documents changed since they were computed, never recomputed wholesale.
"""
from collections import Counter, OrderedDict

from django.db import DatabaseError, connection, transaction
from pyroaring import BitMap

from localaction.actions.models import Action

from . import text
from .backends import backend
from .models import SearchDocument, TermPostings

SIZE = 1024
# How many of the catalog's most frequent words are looked up when the index loads, from how many actions.
PREWARM_WORDS = 64
PREWARM_SAMPLE = 2000
# Below this many public actions every lookup is fast anyway.
PREWARM_FROM = 5000
# Terms matching at least this many documents are shared through the database; rarer ones cost little to look up.
STORE_FROM = 2000
# A stored bitmap is brought up to date only when few documents changed since; otherwise it is computed again.
MAX_CHANGED = 5000


class TermCache:
    """Bitmaps of query terms, kept across catalog versions: when documents change, only the changed ones are
    checked again (`within`), so a publish does not make every common word cost a full index query again."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()

    def get(self, index, term, titles_only):
        key = (connection.settings_dict["NAME"], index.generation, term.key(), titles_only)
        entry = self.entries.get(key)
        if entry is not None and entry[0] == index.version:
            self.entries.move_to_end(key)
            return entry[1]
        changed = index.changed_since(entry[0]) if entry is not None else None
        if changed is None:
            bitmap = _shared(index, term, titles_only)
        else:
            bitmap = (entry[1] - changed) | backend().match(term, titles_only=titles_only, within=changed)
        self.entries[key] = (index.version, bitmap)
        self.entries.move_to_end(key)
        if len(self.entries) > self.size:
            self.entries.popitem(last=False)
        return bitmap

    def clear(self):
        self.entries.clear()


TERMS = TermCache(SIZE)


def _stored_key(term, titles_only):
    kind, words = term.key()
    return f"{'t' if titles_only else 'a'}:{kind}:{' '.join(words)}"


def _shared(index, term, titles_only):
    """The term's bitmap at the index's version: from the database's stored postings, brought up to date with the
    documents changed since they were stored; else from the text index (and stored if the term is frequent)."""
    key = _stored_key(term, titles_only)
    if len(key) > 255 or len(index.public) < STORE_FROM:  # no term of a catalog this small is ever stored
        return backend().match(term, titles_only=titles_only)
    row = TermPostings.objects.filter(key=key, generation=index.generation).values_list("version", "positions").first()
    if row is not None and row[0] <= index.version:
        stored_version, data = row
        changed = index.changed_since(stored_version)
        if changed is None:  # older than this process's change log: the documents table knows
            changed = BitMap(SearchDocument.objects.filter(version__gt=stored_version, version__lte=index.version)
                             .values_list("position", flat=True)[:MAX_CHANGED + 1])
        if len(changed) <= MAX_CHANGED:
            bitmap = BitMap.deserialize(bytes(data))
            if changed:
                bitmap = (bitmap - changed) | backend().match(term, titles_only=titles_only, within=changed)
                _store(index, key, bitmap)
            return bitmap
    bitmap = backend().match(term, titles_only=titles_only)
    if len(bitmap) >= STORE_FROM:
        _store(index, key, bitmap)
    return bitmap


def _store(index, key, bitmap):
    """Share a bitmap with the other processes. A cache: when the database is busy (SQLite's single writer) or
    read-only, readers simply go on without it."""
    try:
        with transaction.atomic():
            TermPostings.objects.update_or_create(key=key, defaults={
                "generation": index.generation, "version": index.version, "count": len(bitmap),
                "positions": bitmap.serialize(),
            })
    except DatabaseError:
        pass


def term_bitmap(index, term, titles_only=False):
    """Positions of the documents that match one term (in their titles only, if asked)."""
    return TERMS.get(index, term, titles_only)


def resolve_terms(index, query):
    """[(term, positions)] of a query. The last word typed is a prefix only when it matches no whole word: the
    reader is still typing it (`integ` finds integration), or it is complete (`migrant` does not also find
    migration)."""
    resolved = []
    for term in query.terms:
        if term.maybe_prefix:
            exact = term_bitmap(index, term.exact())
            term = term.exact() if exact.intersection_cardinality(index.public) else term.as_prefix()
        resolved.append((term, term_bitmap(index, term)))
    return resolved


def prewarm(index):
    """Look up the catalog's most frequent words (counted in a sample of actions), all fields and titles.
    Returns the words."""
    public = index.public
    if len(public) < PREWARM_FROM:
        return []
    step = max(1, len(public) // PREWARM_SAMPLE)
    sample = [index.action_ids[public[rank]] for rank in range(0, len(public), step)]
    fields = [f"{field}_{lang}" for field in ("title", "summary", "description", "goals") for lang in text.STEMMER_NAMES]
    frequency = Counter()
    for row in Action.objects.filter(pk__in=sample).values_list(*fields).iterator(chunk_size=500):
        frequency.update(set(text.words(" ".join(row))))
    words = [word for word, _count in frequency.most_common(PREWARM_WORDS)]
    for word in words:
        for titles_only in (False, True):
            term_bitmap(index, text.Term((word,)), titles_only)
    return words
