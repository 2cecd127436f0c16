"""Positions of the documents matching each query term, from the text index (backends.py), cached per process.

A common word ("migrants", "services", "de") matches most of the catalog; asking the text index for it costs
10-30 ms at 100,000 actions. The cache keeps each term's bitmap across catalog versions (only the documents
changed since are checked again), and the most frequent words of the catalog are looked up when the facet index
loads, so that readers rarely wait for a common word.
"""
from collections import Counter, OrderedDict

from django.db import connection

from localaction.actions.models import Action

from . import text
from .backends import backend

SIZE = 1024
# How many of the catalog's most frequent words are looked up when the index loads, from how many actions.
PREWARM_WORDS = 64
PREWARM_SAMPLE = 2000
# Below this many public actions every lookup is fast anyway.
PREWARM_FROM = 5000


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
            bitmap = backend().match(term, titles_only=titles_only)
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
