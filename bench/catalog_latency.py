"""Server-side latency of the catalog page over the committed query set (bench/catalog_queries.txt).

Each query goes through Django's whole WSGI handler in this process (middleware, view, template, gzip), as
gunicorn would run it, minus the socket. The facet index is loaded first (a process does that once per catalog
version); then three passes over the 200 queries, in the three languages in turn:

  unshared  every cache emptied before each query, the shared term postings in the database too: the cost of
         words nobody ever asked for (each common word is then stored for every process)
  cold   page cache and this process's term cache emptied before each query (even the frequent words that the
         index looked up when it loaded); the shared term postings hold the catalog's frequent words, as the
         first loading index stored them: a new process that never saw the query's words
  server page cache emptied before each query; the term cache as a fresh process has it (the frequent words
         of the catalog, looked up when the index loaded), not primed with the benchmark's queries
  terms  page cache emptied, query terms cached by an earlier pass over the same queries
  pages  page cache kept: repeated anonymous views of the same URL

Usage (a database built by bench/generate.sh, then `manage.py rebuild_search_index` if seed_demo did not):
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/catalog_latency.py
"""
import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update({"DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 40),
                   "ALLOWED_HOSTS": "testserver", "SECURE_SSL_REDIRECT": "0"})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")


def rss_mib():
    """Resident memory of this process now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(times):
    return (f"p50 {statistics.median(times):6.1f}  p95 {percentile(times, .95):6.1f}  p99 {percentile(times, .99):6.1f}"
            f"  max {max(times):6.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", default=str(ROOT / "bench" / "catalog_queries.txt"))
    args = parser.parse_args()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory

    from localaction.search import catalog, facets, terms
    from localaction.search.models import TermPostings

    handler = WSGIHandler()
    factory = RequestFactory()
    queries = [line.rstrip("\n").split("\t") for line in open(args.queries, encoding="utf-8") if line.strip()]
    languages = ("en", "fr", "es")

    def request(path, query):
        environ = factory._base_environ(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET",
                                        HTTP_ACCEPT_ENCODING="gzip")
        started = time.perf_counter()
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"] = status

        body = b"".join(handler(environ, start_response))
        return (time.perf_counter() - started) * 1000, captured["status"], len(body)

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    request("/en/", "")  # Django, templates and a connection, before measuring the index's own memory
    before = rss_mib()
    index = facets.current()
    gc.collect()
    print(f"facet index: {len(index.public):,} public actions loaded in {index.loaded_in:.2f} s, then "
          f"{len(index.prewarmed)} frequent words looked up in {index.prewarmed_in:.2f} s; resident memory "
          f"{before:.0f} MiB before, {rss_mib():.0f} MiB after (peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")
    print("  frequent words: " + " ".join(index.prewarmed))
    for language in languages:  # labels of the facets, once per language and catalog version
        request(f"/{language}/actions/", "warm-up=1")

    counts = defaultdict(list)
    for n, (group, query) in enumerate(queries):
        params = __import__("django.http", fromlist=["QueryDict"]).QueryDict(query)
        counts[group].append(len(catalog.matching_positions(params)))
    total = len(index.public) or 1
    print("result counts per group (share of the catalog): " + "; ".join(
        f"{group} median {statistics.median(c) / total:.1%} (min {min(c) / total:.1%}, max {max(c) / total:.1%})"
        for group, c in counts.items()))

    passes = {}
    prewarmed = dict(catalog.TERMS.entries)
    for name in ("unshared", "cold", "server", "terms", "pages"):
        if name == "cold":
            # The shared postings as the loading index stored them (the catalog's frequent words), not primed
            # with the benchmark's queries by the passes before.
            TermPostings.objects.all().delete()
            catalog.TERMS.clear()
            terms.prewarm(index)
        if name == "server":
            catalog.TERMS.clear()
            catalog.TERMS.entries.update(prewarmed)
        if name == "terms":
            catalog.TERMS.clear()
            for n, (group, query) in enumerate(queries):  # fill the term cache, as earlier readers would have
                request(f"/{languages[n % 3]}/actions/", query + "&prime=1")
        results = defaultdict(list)
        slowest = []
        gc.collect()
        for n, (group, query) in enumerate(queries):
            if name == "unshared":
                cache.clear()
                catalog.TERMS.clear()
                TermPostings.objects.all().delete()
            elif name == "cold":
                cache.clear()
                catalog.TERMS.clear()
            elif name == "terms":
                cache.clear()
            elif name == "server":
                cache.clear()
                catalog.TERMS.clear()
                catalog.TERMS.entries.update(prewarmed)
            elif name == "pages":
                request(f"/{languages[n % 3]}/actions/", query)  # the reader before this one
            elapsed, status, size = request(f"/{languages[n % 3]}/actions/", query)
            if not status.startswith("200"):
                print(f"  {status} for {query}")
            results[group].append(elapsed)
            results["all"].append(elapsed)
            slowest.append((elapsed, query))
        passes[name] = results
        print(f"\n{name}: " + {"unshared": "no page cache, no term cache, no shared term postings",
                                "cold": "no page cache, no term cache in the process, shared term postings",
                                "server": "no page cache, term cache as the index loaded it (frequent words)",
                                "terms": "no page cache, query terms cached",
                                "pages": "page cache (repeated anonymous views)"}[name])
        for group, times in results.items():
            print(f"  {group:12} n={len(times):3}  {summary(times)}")
        print("  slowest: " + "; ".join(f"{query} {elapsed:.0f} ms" for elapsed, query in sorted(slowest)[-4:]))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
