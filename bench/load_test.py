"""Load test of issue #12, against gunicorn on 127.0.0.1 in production mode, on a fresh SQLite database.

Phase 1 (browse): locust, headless, N concurrent visitors (default 200) for D seconds (default 60) on a mix of public
pages, catalog searches and the read API (bench/locustfile.py). Passes with no 5xx and p99 under 1 s.
Phase 2 (submissions): 50 clients, each with its own API token, start together (a barrier) and each writes and
submits one progress update on a different published pledge; then the database must hold exactly 50 new
submitted updates and no request may have failed.

Set-up: a temporary folder with the database (migrate, seed_demo at its default size), the collected static files
and the media; the catalogs are compiled when a .mo file is missing or older than its .po. The server runs with
DEBUG=0, a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1 and BASE_URL=http://127.0.0.1:<port>; the only
departures from production are SECURE_SSL_REDIRECT=0 (no TLS proxy in front: every request would be a redirect)
and API_ANON_RATE raised, because every simulated visitor comes from the same address and would otherwise share
one visitor's API quota (--keep-api-throttle keeps the default). The cache is Redis, as deploy.md sets production up
(--redis; a local database emptied first), or each worker's memory when no Redis answers.
Gunicorn's own start-up skips Django's system checks, which refuse 127.0.0.1 as a production host on purpose.

Bounded: set-up about a minute, each phase stops on its own (locust -t, requests with timeouts), the server is
stopped on exit. Exits 1 when a criterion fails, so `make bench-load` can serve as a check.

    .venv/bin/python bench/load_test.py                       # the issue's run: 200 users, 60 s
    .venv/bin/python bench/load_test.py --users 50 --duration 10 --skip-setup /tmp/x/db.sqlite3
"""
import argparse
import http.client
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SUBMISSION_PREFIX = "bench.submitter"
P99_LIMIT_MS = 1000


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command, env):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def catalogs_need_compiling():
    return any(not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
               for po in (ROOT / "locale").glob("*/LC_MESSAGES/*.po"))


def static_is_stale(static_root):
    manifest = static_root / "staticfiles.json"
    if not manifest.exists():
        return True
    collected = manifest.stat().st_mtime
    return any(path.stat().st_mtime > collected for path in (ROOT / "localaction/static").rglob("*") if path.is_file())


def prepare(workdir, database, env, skip_setup):
    """A seeded database (unless reused), compiled catalogs and the static files the production storage needs."""
    started = time.perf_counter()
    # Set-up commands run in development mode: the production checks (rightly) refuse a 127.0.0.1 deployment.
    dev_env = {**env, "DEBUG": "1"}
    if not skip_setup:
        run(["migrate", "--noinput", "-v0"], dev_env)
        run(["seed_demo", "-v0"], dev_env)
    if catalogs_need_compiling():
        run(["compile_catalogs"], dev_env)
    # The manifest storage of DEBUG=0 answers 500 for a file missing from the manifest: collect in production mode.
    # It takes a minute (every file hashed and compressed), so a reused database keeps its collection beside it.
    if static_is_stale(Path(env["STATIC_ROOT"])):
        run(["collectstatic", "--noinput", "-v0"], env)
    return time.perf_counter() - started


def redis_for_the_run(url):
    """The shared cache of a production deployment (deploy.md): Redis at `url`, emptied first so that every run
    starts cold. None when no Redis answers there (the run then keeps each worker's own memory cache)."""
    if not url:
        return None
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.flushdb()
        return url
    except Exception as error:  # noqa: BLE001 — any failure means "no Redis here"
        print(f"no Redis at {url} ({error.__class__.__name__}): each worker keeps its own cache")
        return None


def server_env(database, workdir, port, keep_api_throttle, reused, redis_url=None):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(database.with_name(database.name + ".static") if reused else workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
    }
    if not keep_api_throttle:
        env["API_ANON_RATE"] = "1000000/min"
        env["SEARCH_RATE_PER_MINUTE"] = "0"  # the catalog's search limit per address, likewise
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def start_server(env, port, workers, worker_class, threads):
    command = [str(ROOT / ".venv/bin/gunicorn"), "localaction.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
               "-k", worker_class, "--timeout", "120", "--access-logfile", "/dev/null"]
    if worker_class == "gthread":
        # Keep-alive beyond a visitor's longest pause (2 s, gunicorn's default): otherwise the server closes an idle
        # connection just as the client reuses it, and the request fails with a reset that no visitor behind
        # nginx (which keeps its own upstream connections) would see.
        command += ["--threads", str(threads), "--keep-alive", "5"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def get(port, path, headers=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port, server, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped:\n" + server.stderr.read().decode(errors="replace")[-3000:])
        try:
            status, _ = get(port, "/health/", timeout=5)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the server did not answer within {timeout} s")


def fetch_targets(port, pages=5):
    """Action ids and government slugs, read from the API as a client would."""
    targets = {"actions": [], "action_pages": [], "governments": []}
    for key, path in (("actions", "/api/v1/actions/"), ("governments", "/api/v1/governments/")):
        for _ in range(pages):
            status, body = get(port, path)
            if status != 200:
                raise SystemExit(f"GET {path}: {status}")
            data = json.loads(body)
            targets[key] += [row["id"] for row in data["results"]]
            # The page's address with its slug, as links give it (the short one answers with a redirect).
            targets["action_pages"] += [urlsplit(row["web_url"]).path[3:] for row in data["results"] if "web_url" in row]
            if not data.get("next"):
                break
            path = re.sub(r"^https?://[^/]+", "", data["next"])
    return targets


class MemorySampler(threading.Thread):
    """Peak of the summed resident memory of the gunicorn master and its workers, sampled every 0.2 s."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.stopped = pid, 0, threading.Event()

    def rss_kib(self):
        try:
            import psutil  # installed with locust
        except ImportError:
            psutil = None
        if psutil is not None:
            master = psutil.Process(self.pid)
            processes = [master, *master.children(recursive=True)]
            return sum(process.memory_info().rss for process in processes) // 1024
        children = subprocess.run(["pgrep", "-P", str(self.pid)], capture_output=True, text=True).stdout.split()
        total = 0
        for pid in [self.pid, *map(int, children)]:
            try:
                total += int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1))
            except (FileNotFoundError, AttributeError):
                pass  # a worker being replaced
        return total

    def run(self):
        while not self.stopped.is_set():
            try:
                self.peak_kib = max(self.peak_kib, self.rss_kib())
            except Exception:  # noqa: BLE001 — the server stopped, or a worker vanished between two reads
                if self.stopped.is_set():
                    return
            time.sleep(0.2)


# ------------------------------------------------------------------------------------------- phase 1: browse


def warm_up(port, workers, targets):
    """A few rounds of every kind of page, `workers` at a time, so each worker has loaded its search index and
    filled its caches, as a server that has been up for a while has: the load test measures the steady state.
    Visitors still meet pages that are not in the page cache: the French and Spanish action pages, most
    government pages and catalog queries, and everything once its 60 s are over."""
    action, government = targets["actions"][0], targets["governments"][0]
    paths = ["/en/", "/en/actions/", "/fr/actions/?q=r%C3%A9fugi%C3%A9s", "/es/actions/?q=migrantes&kind=pledge",
             f"/en{targets['action_pages'][0]}", f"/en/governments/{government}/", "/en/governments/", "/en/insights/",
             "/api/v1/actions/", f"/api/v1/actions/{action}/"]
    # Then each action page once: its "similar actions" are computed on a first view and kept in the shared cache
    # for hours, so on a server that has been up for a while they are there.
    paths = paths * 2 * workers + [f"/en{page}" for page in targets["action_pages"]]
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(lambda path: get(port, path, {"Accept-Encoding": "gzip"}, timeout=120)[0], paths))
    if any(status >= 500 for status in statuses):
        raise SystemExit(f"server errors while warming up: {sorted(set(statuses))}")
    return time.perf_counter() - started



def browse(port, workdir, targets, users, duration, spawn_rate):
    targets_file, status_file = workdir / "targets.json", workdir / "statuses.json"
    targets_file.write_text(json.dumps(targets))
    status_file.unlink(missing_ok=True)
    prefix = workdir / "locust"
    env = {**os.environ, "LOADTEST_TARGETS": str(targets_file), "LOADTEST_STATUS_FILE": str(status_file)}
    command = [str(ROOT / ".venv/bin/locust"), "-f", str(ROOT / "bench/locustfile.py"), "--headless",
               "-u", str(users), "-r", str(spawn_rate), "-t", f"{duration}s", "--stop-timeout", "30",
               "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    # Locust exits 1 when any request failed; the figures below say which, so its code is not the verdict.
    with (workdir / "locust.log").open("w") as log:
        subprocess.run(command, cwd=ROOT, env=env, timeout=duration + 120, stdout=log, stderr=subprocess.STDOUT)
    if not status_file.exists():
        raise SystemExit("locust wrote no results:\n" + (workdir / "locust.log").read_text()[-3000:])
    statuses = json.loads(status_file.read_text()) if status_file.exists() else {}
    failures = prefix.with_name("locust_failures.csv")
    return read_stats(prefix.with_name("locust_stats.csv")), statuses, read_failures(failures)


def read_stats(path):
    import csv

    with path.open(newline="") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def read_failures(path):
    import csv

    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return [f"{row['Occurrences']} × {row['Name']}: {row['Error']}" for row in csv.DictReader(handle)]


def print_browse(stats, statuses, failures, users, duration):
    print(f"\nPhase 1: {users} concurrent visitors for {duration} s (locust; times in ms)")
    print(f"{'page':26} {'requests':>8} {'failed':>6} {'median':>7} {'p95':>7} {'p99':>7} {'max':>7} {'req/s':>7}")
    for name, row in sorted(stats.items(), key=lambda item: item[0] == "Aggregated"):
        label = "all" if name == "Aggregated" else name
        print(f"{label:26} {row['Request Count']:>8} {row['Failure Count']:>6} {row['50%']:>7} {row['95%']:>7} "
              f"{row['99%']:>7} {float(row['Max Response Time']):7.0f} {float(row['Requests/s']):7.1f}")
    print("status codes:", ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items())))
    for failure in failures[:10]:
        print("failed:", failure[:300])


# -------------------------------------------------------------------------------------- phase 2: submissions


def django_setup(database):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localaction.settings")
    os.environ["DEBUG"] = "1"  # this process only reads and prepares data; the server is the production one
    import django

    django.setup()


def make_submitters(count):
    """`count` published pledges with no update in play, each with a new editor of its government and that
    editor's API token: [(public_id, secret)]. Runs in this process, before the clients start."""
    from django.db import connection, transaction
    from django.db.models import Q
    from django.utils import timezone

    from localaction.accounts.models import User
    from localaction.actions.models import Action
    from localaction.api.services import create_token
    from localaction.governments.models import Membership
    from localaction.progress.services import published_updates, update_in_play

    # The pledges a member can report on today without changing anything else: started, not discontinued (whose
    # updates need a reason), and with no update already in draft or with the reviewers.
    started = Action.objects.filter(kind="pledge", status="published").filter(
        Q(start_date__isnull=True) | Q(start_date__lte=timezone.localdate()))
    pledges = [action for action in started.select_related("government").order_by("pk")
               if update_in_play(action) is None
               and (published_updates(action).first() or action).stage != Action.Stage.DISCONTINUED][:count]
    if len(pledges) < count:
        raise SystemExit(f"only {len(pledges)} published pledges can take an update now; {count} needed "
                         "(each run uses some up: rebuild the database or drop --skip-setup)")
    submitters = []
    run_tag = secrets.token_hex(3)
    with transaction.atomic():
        for number, pledge in enumerate(pledges):
            user = User.objects.create_user(email=f"{SUBMISSION_PREFIX}.{run_tag}.{number}@localaction.test",
                                            password=None)
            Membership.objects.create(user=user, government=pledge.government, role=Membership.Role.EDITOR)
            _token, secret = create_token(user, "load test")
            submitters.append((pledge.public_id, secret))
    connection.close()
    return submitters


def stored_updates(public_ids):
    from django.db import connection

    from localaction.progress.models import ProgressUpdate

    updates = ProgressUpdate.objects.filter(action__public_id__in=public_ids)
    counts = {status: updates.filter(status=status).count() for status in ("draft", "submitted")}
    connection.close()
    return counts


def post(port, path, secret, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        payload = json.dumps(body).encode() if body is not None else b""
        connection.request("POST", path, body=payload, headers={
            "Authorization": f"Token {secret}", "Content-Type": "application/json", "Accept-Language": "en"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def submit_one(port, public_id, secret, barrier):
    """Write a draft then submit it, as an API client does; (create status, submit status, seconds each)."""
    text = "Load test: two language cafés opened."
    barrier.wait(timeout=60)
    started = time.perf_counter()
    status, body = post(port, f"/api/v1/workspace/actions/{public_id}/progress/", secret,
                        {"narrative": {"en": text, "fr": text, "es": text}})
    created = time.perf_counter() - started
    if status != 201:
        return status, None, created, None, body[:200]
    update_id = json.loads(body)["id"]
    started = time.perf_counter()
    submitted, body = post(port, f"/api/v1/workspace/progress/{update_id}/submit/", secret)
    return status, submitted, created, time.perf_counter() - started, body[:200] if submitted != 200 else b""


def submissions(port, database, clients):
    submitters = make_submitters(clients)
    before = stored_updates([public_id for public_id, _ in submitters])
    barrier = threading.Barrier(clients)
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda item: submit_one(port, *item, barrier), submitters))
    wall = time.perf_counter() - started
    after = stored_updates([public_id for public_id, _ in submitters])
    return results, before, after, wall


def print_submissions(results, before, after, wall, clients):
    failed = [result for result in results if result[0] != 201 or result[1] != 200]
    print(f"\nPhase 2: {clients} concurrent progress-update submissions (API: create draft, then submit), "
          f"released together; {wall:.2f} s in all")
    for label, index in (("create (POST …/progress/)", 2), ("submit (POST …/submit/)", 3)):
        times = sorted(result[index] * 1000 for result in results if result[index] is not None)
        if times:
            print(f"  {label:28} median {statistics.median(times):6.0f} ms   max {times[-1]:6.0f} ms")
    new_submitted = after["submitted"] - before["submitted"]
    print(f"  failed requests: {len(failed)}; new updates stored: {new_submitted} submitted, "
          f"{after['draft'] - before['draft']} left in draft")
    for result in failed[:5]:
        print(f"  failure: create {result[0]}, submit {result[1]}: {result[4]!r}")
    return not failed and new_submitted == clients and after["draft"] == before["draft"]


# -------------------------------------------------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200, help="concurrent visitors in phase 1 (default 200)")
    parser.add_argument("--duration", type=int, default=60, help="seconds of phase 1 (default 60)")
    parser.add_argument("--spawn-rate", type=int, default=50, help="visitors started per second (default 50)")
    parser.add_argument("--submissions", type=int, default=50, help="concurrent clients in phase 2 (default 50)")
    parser.add_argument("--phase", choices=["all", "browse", "submissions"], default="all")
    parser.add_argument("--workers", type=int, default=2 * os.cpu_count() + 1, help="gunicorn workers (2×cores+1)")
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="sync",
                        help="sync as deploy.md recommends (default), or gthread to compare")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (default 4)")
    parser.add_argument("--skip-setup", metavar="DB", type=Path,
                        help="reuse this SQLite database (already migrated and seeded) instead of building one")
    parser.add_argument("--keep-api-throttle", action="store_true",
                        help="keep the API's anonymous rate limit (all visitors share 127.0.0.1: expect 429s)")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14", metavar="URL",
                        help="Redis for the shared cache, as in production; its database is emptied first "
                             "(default redis://127.0.0.1:6379/14; '' for each worker's own memory cache)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="localaction-load-") as tmp:
        workdir = Path(tmp)
        database = args.skip_setup.resolve() if args.skip_setup else workdir / "db.sqlite3"
        port = free_port()
        redis_url = redis_for_the_run(args.redis)
        env = server_env(database, workdir, port, args.keep_api_throttle, bool(args.skip_setup), redis_url)
        setup_seconds = prepare(workdir, database, env, bool(args.skip_setup))
        django_setup(database)
        server = start_server(env, port, args.workers, args.worker_class, args.threads)
        sampler = MemorySampler(server.pid)
        ok = True
        try:
            wait_until_up(port, server)
            sampler.start()
            threads = f" × {args.threads} threads" if args.worker_class == "gthread" else ""
            print(f"database: {database} (set-up {setup_seconds:.0f} s); gunicorn on 127.0.0.1:{port}, "
                  f"{args.workers} {args.worker_class} workers{threads}, DEBUG=0; {os.cpu_count()} cores; "
                  f"cache: {'Redis' if redis_url else 'per worker'}")
            if args.phase in ("all", "browse"):
                targets = fetch_targets(port)
                print(f"warm-up: {warm_up(port, args.workers, targets):.0f} s")
                stats, statuses, failures = browse(port, workdir, targets, args.users, args.duration, args.spawn_rate)
                print_browse(stats, statuses, failures, args.users, args.duration)
                total = stats["Aggregated"]
                server_errors = sum(count for code, count in statuses.items() if code.isdigit() and int(code) >= 500)
                p99 = float(total["99%"]) if total["99%"] not in ("N/A", "") else float("inf")
                print(f"throughput {float(total['Requests/s']):.1f} req/s; 5xx: {server_errors}; p99 {p99:.0f} ms "
                      f"(limit {P99_LIMIT_MS} ms); server peak RSS {sampler.peak_kib / 1024:.0f} MiB")
                ok = server_errors == 0 and p99 < P99_LIMIT_MS and not statuses.get("error")
            if args.phase in ("all", "submissions"):
                ok = print_submissions(*submissions(port, database, args.submissions), args.submissions) and ok
            print(f"server peak RSS (master + workers): {sampler.peak_kib / 1024:.0f} MiB")
        finally:
            sampler.stopped.set()
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
