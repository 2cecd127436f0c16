"""Locust users for bench/load_test.py: anonymous visitors on the public pages, the catalog search and the read API.

The action ids and addresses and the government slugs come from the API, fetched once by load_test.py and handed over in the file
named by LOADTEST_TARGETS (fetched here when it is unset, so `locust -f bench/locustfile.py` works on its own).
Every response's status code is counted and written to LOADTEST_STATUS_FILE when locust quits: the 5xx count is
the issue's criterion, and locust's own failure list does not tell a 500 from a timeout.

Catalog queries are the deterministic ones of bench/catalog_queries.txt: common words (en/fr/es), filters only,
and words plus filters.
"""
import json
import os
import random
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

QUERIES = Path(__file__).resolve().parent / "catalog_queries.txt"
LANGUAGES = ("en", "fr", "es")
STATUSES = Counter()


def _queries(*kinds):
    rows = (line.split("\t", 1) for line in QUERIES.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return [query for kind, query in rows if kind in kinds]


COMMON_WORDS = _queries("common")
FILTERS = _queries("facets")
WORDS_AND_FILTERS = _queries("text+facets")
TARGETS = {"actions": [], "action_pages": [], "governments": []}


@events.test_start.add_listener
def load_targets(environment, **kwargs):
    path = os.environ.get("LOADTEST_TARGETS")
    if path:
        TARGETS.update(json.loads(Path(path).read_text()))
        return
    import urllib.request  # only when run by hand, without load_test.py

    for key, url in (("actions", "/api/v1/actions/"), ("governments", "/api/v1/governments/")):
        with urllib.request.urlopen(environment.host + url, timeout=30) as response:  # nosec B310 (local host)
            rows = json.load(response)["results"]
        TARGETS[key] = [row["id"] for row in rows]
        if key == "actions":
            TARGETS["action_pages"] = [urlsplit(row["web_url"]).path[3:] for row in rows]


@events.request.add_listener
def count_status(response=None, exception=None, **kwargs):
    STATUSES[getattr(response, "status_code", None) or ("error" if exception else 0)] += 1


@events.quitting.add_listener
def write_statuses(environment, **kwargs):
    path = os.environ.get("LOADTEST_STATUS_FILE")
    if path:
        Path(path).write_text(json.dumps({str(code): count for code, count in STATUSES.items()}))


class Visitor(FastHttpUser):
    """A reader browsing the site: a page every 0.5–2 s, weighted towards the catalog.

    FastHttpUser (geventhttpclient) rather than HttpUser (requests): locust runs on the server's machine, and the
    lighter client leaves the server several times more of the CPU it would otherwise take."""

    wait_time = between(0.5, 2)
    default_headers = {"Accept-Encoding": "gzip"}

    def on_start(self):
        self.lang = random.choice(LANGUAGES)

    @task(3)
    def home(self):
        self.client.get(f"/{self.lang}/", name="home")

    @task(3)
    def catalog(self):
        self.client.get(f"/{self.lang}/actions/", name="catalog")

    @task(3)
    def catalog_filtered(self):
        self.client.get(f"/{self.lang}/actions/?{random.choice(FILTERS)}", name="catalog ?filters")

    @task(5)
    def catalog_search(self):
        # The common words are in all three languages; each is asked in the reader's language, as a visitor would.
        self.client.get(f"/{self.lang}/actions/?{random.choice(COMMON_WORDS)}", name="catalog ?q=common word")

    @task(2)
    def catalog_search_filtered(self):
        self.client.get(f"/{self.lang}/actions/?{random.choice(WORDS_AND_FILTERS)}", name="catalog ?q=…&filters")

    @task(4)
    def action_page(self):
        # "/actions/<id>/<slug>/" from the API's web_url, in the reader's language.
        if TARGETS["action_pages"]:
            self.client.get(f"/{self.lang}{random.choice(TARGETS['action_pages'])}", name="action page")

    @task(1)
    def government_list(self):
        self.client.get(f"/{self.lang}/governments/", name="governments")

    @task(2)
    def government_page(self):
        if TARGETS["governments"]:
            self.client.get(f"/{self.lang}/governments/{random.choice(TARGETS['governments'])}/", name="government page")

    @task(2)
    def insights(self):
        self.client.get(f"/{self.lang}/insights/", name="insights")

    @task(2)
    def api_list(self):
        self.client.get("/api/v1/actions/", name="api actions")

    @task(2)
    def api_detail(self):
        if TARGETS["actions"]:
            self.client.get(f"/api/v1/actions/{random.choice(TARGETS['actions'])}/", name="api action")
