"""Writing the search index: one document per public action, kept in step by `update()` (called inside the
writer's transaction by the signal handlers, so a publish and its index entry commit together) and rebuilt from
scratch by `rebuild()` (`manage.py rebuild_search_index`, after bulk loads such as seed_demo).

Every change bumps the catalog version (SearchState); app processes compare it with their in-memory facet index
and apply the documents changed since (facets.py), and cached pages are keyed by it (cache.py).
"""
import logging
import uuid

from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone

from localaction.actions.models import Action

from .backends import GAP, LANGUAGES, backend
from .models import SearchDocument, SearchState, TermPostings

BODY_FIELDS = ("summary", "description", "goals")
logger = logging.getLogger(__name__)
BATCH = 2000


def _texts(action):
    titles = {lang: getattr(action, f"title_{lang}") for lang in LANGUAGES}
    bodies = {lang: "\n".join(getattr(action, f"{field}_{lang}") for field in BODY_FIELDS) for lang in LANGUAGES}
    return titles, bodies


def is_public(action):
    """Whether an action belongs in the public catalog (the same rule as Action.objects.published())."""
    return action.status == Action.Status.PUBLISHED


def bump():
    """The next catalog version. The UPDATE holds the state row's lock until commit, so concurrent writers commit
    their versions in order and a reader never sees version n+1 before n."""
    now = timezone.now()
    if not SearchState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        # The first change ever, or the tables were emptied (tests): a new generation. Two first writers at once:
        # the second insert waits for the first and is skipped, and both then count up under the lock.
        SearchState.objects.bulk_create(
            [SearchState(pk=1, generation=uuid.uuid4().hex, version=0, changed_at=now)], ignore_conflicts=True
        )
        SearchState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now)
        # Text rows of documents that no longer exist would otherwise match again when their position is reused.
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("DELETE FROM search_fts WHERE rowid NOT IN (SELECT position FROM search_searchdocument)")
        TermPostings.objects.all().delete()
    return SearchState.objects.values_list("version", flat=True).get(pk=1)


def update(action_ids):
    """Bring the documents of these actions in line with them: index what is public, remove what is not.

    Runs inside the caller's transaction. Actions that are not and were not public cost one query."""
    action_ids = set(action_ids)
    if not action_ids:
        return
    actions = {a.pk: a for a in Action.objects.filter(pk__in=action_ids).select_related("government")}
    documents = {d.action_id: d for d in SearchDocument.objects.filter(action_id__in=action_ids)}
    public = {pk for pk, action in actions.items() if is_public(action)}
    stale = [doc for pk, doc in documents.items() if pk not in public and doc.is_public]
    if not public and not stale:
        return
    version = bump()
    search = backend()
    with connection.cursor() as cursor:
        if stale:
            for doc in stale:
                doc.is_public = False
                doc.version = version
            SearchDocument.objects.bulk_update(stale, ["is_public", "version"])
            search.remove(cursor, [doc.position for doc in stale])
        if public:
            next_position = (SearchDocument.objects.aggregate(last=Max("position"))["last"] or 0) + 1
            written, created = [], []
            for pk in sorted(public, key=lambda pk: (actions[pk].published_at or timezone.now(), pk)):
                action = actions[pk]
                doc = documents.get(pk)
                if doc is None:
                    doc = SearchDocument(position=next_position, action=action)
                    next_position += 1
                    created.append(doc)
                doc.is_public, doc.version = True, version
                doc.government_name, doc.country = action.government.name, action.government.country_id
                written.append(doc)
            SearchDocument.objects.bulk_create(created)
            SearchDocument.objects.bulk_update(
                [doc for doc in written if doc not in created], ["is_public", "version", "government_name", "country"]
            )
            search.write(cursor, [(doc.position, *_texts(actions[doc.action_id]), doc.government_name) for doc in written])


def forget(action_ids):
    """Actions about to be deleted: their documents become tombstones (the deletion then clears the link)."""
    documents = list(SearchDocument.objects.filter(action_id__in=action_ids, is_public=True))
    if not documents:
        return
    version = bump()
    SearchDocument.objects.filter(pk__in=[doc.pk for doc in documents]).update(is_public=False, version=version)
    with connection.cursor() as cursor:
        backend().remove(cursor, [doc.position for doc in documents])


def touch(action_ids):
    """Facets of these actions changed (objectives, terms, country…) but not their text: new version only."""
    documents = SearchDocument.objects.filter(action_id__in=set(action_ids), is_public=True)
    if documents.exists():
        documents.update(version=bump())


def government_changed(government):
    """A government was saved: reindex its actions if its name (searchable) or its country (a facet) changed."""
    changed = SearchDocument.objects.filter(action__government=government, is_public=True).exclude(
        government_name=government.name, country=government.country_id
    )
    action_ids = list(changed.values_list("action_id", flat=True))
    if action_ids:
        update(action_ids)


def reconcile(limit=5000):
    """Index the public actions the index lacks and drop what is no longer public, when the two disagree: after
    bulk writes that sent no signals (seed_demo, imports). Returns how many actions it fixed; above `limit` it
    only logs that `manage.py rebuild_search_index` is needed (fixing 100,000 actions takes a minute)."""
    public = Action.objects.published()
    if public.count() == SearchDocument.objects.filter(is_public=True).count():
        return 0
    indexed = set(SearchDocument.objects.filter(is_public=True).values_list("action_id", flat=True))
    stale = set(public.values_list("pk", flat=True)) ^ indexed
    if len(stale) > limit:
        logger.warning("The search index misses %d public actions: run manage.py rebuild_search_index.", len(stale))
        return 0
    with transaction.atomic():
        update(stale)
    return len(stale)


@transaction.atomic
def rebuild(progress=None):
    """Index every public action again, numbered in publication order, under a new generation (every process
    reloads). Returns the number of documents."""
    search = backend()
    now = timezone.now()
    SearchState.objects.update_or_create(pk=1, defaults={"generation": uuid.uuid4().hex, "version": 1, "changed_at": now})
    SearchDocument.objects.all().delete()
    TermPostings.objects.all().delete()
    ids = list(
        Action.objects.published().order_by("published_at", "pk").values_list("pk", "government__name", "government__country")
    )
    SearchDocument.objects.bulk_create(
        [SearchDocument(position=n, action_id=pk, version=1, government_name=name, country=country)
         for n, (pk, name, country) in enumerate(ids, 1)],
        batch_size=BATCH,
    )
    with connection.cursor() as cursor:
        search.clear(cursor)
        if connection.vendor == "postgresql":
            _rebuild_postgresql(cursor)
        else:
            fields = ["pk"] + [f"{field}_{lang}" for field in ("title", *BODY_FIELDS) for lang in LANGUAGES]
            for start in range(0, len(ids), BATCH):
                chunk = [pk for pk, _name, _country in ids[start:start + BATCH]]
                rows = Action.objects.filter(pk__in=chunk).only(*fields)
                by_pk = {action.pk: action for action in rows}
                search.write(cursor, [
                    (start + offset + 1, *_texts(by_pk[pk]), ids[start + offset][1]) for offset, pk in enumerate(chunk)
                ])
                if progress:
                    progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def vacuum():
    """After a rebuild on PostgreSQL: every document row was written twice (created, then given its vectors), so
    reclaim the dead rows and mark the pages all-visible, which keeps index lookups reading few pages."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:  # VACUUM needs its own transaction
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchdocument")


def _rebuild_postgresql(cursor):
    """All vectors in one statement: the database computes them from the action rows."""
    configs = {"en": "english", "fr": "french", "es": "spanish"}

    def body(lang):
        return " || ' ' || ".join(f"a.{field}_{lang}" for field in BODY_FIELDS)

    title = f" || {GAP} || ".join(
        [f"to_tsvector('{configs[lang]}', unaccent(a.title_{lang}))" for lang in LANGUAGES]
        + ["to_tsvector('simple', unaccent(" + " || ' ' || ".join(f"a.title_{lang}" for lang in LANGUAGES) + "))"]
    )
    bodies = f" || {GAP} || ".join(
        [f"to_tsvector('{configs[lang]}', unaccent({body(lang)}))" for lang in LANGUAGES]
        + ["to_tsvector('simple', unaccent(" + " || ' ' || ".join(body(lang) for lang in LANGUAGES) + " || ' ' || g.name))"]
    )
    # Building a GIN index once is much faster than maintaining it row by row (no pending list: fastupdate off).
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending when the indexes are built
    cursor.execute("DROP INDEX IF EXISTS search_doc_title_vector, search_doc_vector")
    cursor.execute(
        f"UPDATE search_searchdocument d SET title_vector = {title}, vector = {title} || {GAP} || {bodies} "
        "FROM actions_action a JOIN governments_government g ON g.id = a.government_id WHERE a.id = d.action_id"
    )
    cursor.execute(
        "CREATE INDEX search_doc_title_vector ON search_searchdocument USING gin (title_vector) WITH (fastupdate = off)"
    )
    cursor.execute("CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector) WITH (fastupdate = off)")
    cursor.execute("ANALYZE search_searchdocument")
