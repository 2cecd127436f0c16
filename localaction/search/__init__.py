"""Search of the public catalog: full text in three languages, facets with counts, sorting, caching.

How the parts fit:

- `text.py` folds accents and case and stems words per language (Snowball); queries and documents go through
  the same functions. `backends.py` holds the two text indexes behind one interface: FTS5 over pre-stemmed text
  on SQLite, tsvector columns with GIN indexes on PostgreSQL (english/french/spanish configurations, unaccent).
- `index.py` writes one `SearchDocument` per public action, inside the writer's transaction (`signals.py`
  connects it to every write of an action, its mapping and its government); each change bumps the catalog
  version (`SearchState`). `manage.py rebuild_search_index` rebuilds everything after bulk loads.
- `facets.py` is each app process's in-memory facet index: a roaring bitmap of positions per filter value, kept
  in step with the catalog version (one small query per request, changes applied incrementally). Counts are
  bitmap intersections; "newest first" pages are rank slices, because positions follow publication. The
  "Reporting" facet (a pledge's due status) depends on the day too: `reporting.py` computes it with the rules of
  progress.schedule, and the index computes its bitmaps again when the date changes.
- `terms.py` caches the bitmap of each query term across versions and looks up the most frequent words when the
  index loads; `catalog.run(params)` answers the catalog's parameters (validated by actions.filters.ActionFilter,
  the one filter definition) with the page, the count, highlighted snippets (`snippets.py`) and every facet's
  counts given the other filters; `labels.py` keeps the facet values' labels per version.
- `cache.py` gives anonymous readers ETag/Last-Modified/304 and a page cache keyed by the catalog version, so a
  publish never leaves a stale page behind.

Benchmarks: bench/catalog_latency.py and bench/throughput.py.
"""
