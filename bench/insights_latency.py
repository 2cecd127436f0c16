"""Server-side latency of the insights page, the coverage gaps page and the home page, and the insights page's
compressed weight.

Each request goes through Django's whole WSGI handler in this process (middleware, view, templates, gzip), as
gunicorn would run it, minus the socket. The facet index is loaded first (a process does that once per catalog
version). Then, for each page and set of filters, in the three languages in turn:

  cold   the cache emptied before each request: every chart computed from the facet index and the pledge ledger
         (insights/pledges.py), as the first reader of these filters since the last publish gets them (the ledger
         itself is rebuilt once per catalog version: its build time is printed apart)
  warm   the charts of these filters cached (an earlier reader asked for them since the last publish)

Weight: the insights page without filters, gzipped as served, plus the stylesheets it links (gzipped, as
WhiteNoise serves them) and its scripts (none).

Usage (a database built by bench/generate.sh; read-only):
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/insights_latency.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/localaction_bench .venv/bin/python bench/insights_latency.py
"""
import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update({"DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 40),
                   "ALLOWED_HOSTS": "testserver", "SECURE_SSL_REDIRECT": "0"})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")

# Filters as readers combine them: none, a region, an objective, a place and a kind, a word, a campaign…
QUERIES = [
    "", "region=002", "gcm=16", "region=150&kind=pledge", "q=housing", "campaign=imrf-2026", "country=FR",
    "gcr_area=education&region=019", "theme=health", "sdg=10&stage=fulfilled",
]
PAGES = {"insights": "/{language}/insights/", "gaps": "/{language}/insights/gaps/", "home": "/{language}/"}
LANGUAGES = ("en", "fr", "es")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(times):
    return (f"n={len(times):3}  p50 {statistics.median(times):7.1f}  p95 {percentile(times, .95):7.1f}"
            f"  p99 {percentile(times, .99):7.1f}  max {max(times):7.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2, help="passes over the queries per measurement")
    args = parser.parse_args()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory

    from localaction.insights.pledges import Ledger
    from localaction.search import facets

    handler = WSGIHandler()
    factory = RequestFactory()

    def request(path, query=""):
        environ = factory._base_environ(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET",
                                        HTTP_ACCEPT_ENCODING="gzip")
        started = time.perf_counter()
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, dict(headers)

        body = b"".join(handler(environ, start_response))
        elapsed = (time.perf_counter() - started) * 1000
        if not captured["status"].startswith("200"):
            print(f"  {captured['status']} for {path}?{query}")
        return elapsed, body, captured["headers"]

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    request("/en/about/")  # Django, templates and a connection
    started = time.perf_counter()
    index = facets.current()
    print(f"facet index: {len(index.public):,} public actions, loaded in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    ledger = Ledger(index)
    print(f"pledge ledger: {len(ledger.pledges):,} pledges, {sum(len(b) for b in ledger.stages.values()):,} with a "
          f"published report, built in {(time.perf_counter() - started) * 1000:.0f} ms (once per catalog version)")
    for language in LANGUAGES:  # the catalog's facet labels, once per language and catalog version
        request(f"/{language}/actions/", "warm-up=1")

    for page, pattern in PAGES.items():
        queries = [""] if page == "home" else QUERIES
        cold, warm = [], []
        for _round in range(args.rounds):
            for n, query in enumerate(queries):
                path = pattern.format(language=LANGUAGES[n % 3])
                cache.clear()
                cold.append(request(path, query)[0])
                warm.append(request(path, query)[0])
        print(f"\n{page} ({len(queries)} filter sets × {args.rounds})")
        print(f"  cold  {summary(cold)}")
        print(f"  warm  {summary(warm)}")

    _elapsed, body, headers = request("/en/insights/")
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    page_gzip = len(gzip.compress(html, 9)) if headers.get("Content-Encoding") != "gzip" else len(body)
    assets = 0
    lines = []
    for url in re.findall(rb'<(?:link rel="stylesheet"|script)[^>]+(?:href|src)="([^"]+)"', html):
        relative = url.decode().removeprefix(settings.STATIC_URL)
        source = Path(settings.STATIC_ROOT) / relative
        size = len(gzip.compress(source.read_bytes(), 9))
        assets += size
        lines.append(f"{relative} {size / 1024:.1f} KB")
    scripts = len(re.findall(rb"<script", html))
    print(f"\ninsights page weight (gzip): HTML {page_gzip / 1024:.1f} KB ({len(html) / 1024:.0f} KB raw) + "
          f"CSS {assets / 1024:.1f} KB ({', '.join(lines)}) + JS 0 KB ({scripts} script tags) = "
          f"{(page_gzip + assets) / 1024:.1f} KB")
    _elapsed, body, headers = request("/en/")
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    print(f"home page weight (gzip): HTML {len(gzip.compress(html, 9)) / 1024:.1f} KB ({len(html) / 1024:.0f} KB raw)")


if __name__ == "__main__":
    main()
