"""Latency percentiles, throughput and memory of the public pages, served by gunicorn on 127.0.0.1.

Uses the database named by DATABASE_URL (build one with bench/generate.sh). Bounded: a fixed number of
requests per page, then it stops the server it started.
"""
import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/en/",
    "/en/actions/",
    "/fr/actions/?kind=pledge&gcm=16",
    "/es/actions/?region=002&page=3",
    "/en/governments/",
    "/en/gcm/objectives/16/",
]


def rss_kib(pid):
    """Resident memory of a process and its children, in KiB (Linux /proc)."""
    total = 0
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        except (FileNotFoundError, AttributeError):
            pass
    return total


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    connection.close()
    return response.status, elapsed, len(body)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 40),
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "compile_catalogs"], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "localaction.wsgi", "-b", f"127.0.0.1:{args.port}", "-w", str(args.workers),
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    peak = {"rss": 0}
    stop = threading.Event()

    def sample_memory():
        while not stop.is_set():
            peak["rss"] = max(peak["rss"], rss_kib(server.pid))
            time.sleep(0.2)

    try:
        for _ in range(100):
            try:
                fetch(args.port, "/en/")
                break
            except OSError:
                time.sleep(0.2)
        threading.Thread(target=sample_memory, daemon=True).start()
        print(f"database: {os.environ.get('DATABASE_URL', 'sqlite (default)')}; {args.requests} requests per page, "
              f"{args.concurrency} concurrent clients, {args.workers} gunicorn workers")
        print(f"{'page':45} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7} {'KiB':>6}")
        all_started = time.perf_counter()
        total = 0
        for path in PAGES:
            fetch(args.port, path)  # warm-up
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                results = list(pool.map(lambda _: fetch(args.port, path), range(args.requests)))
            wall = time.perf_counter() - started
            statuses = {status for status, _, _ in results}
            times = [elapsed * 1000 for _, elapsed, _ in results]
            total += len(results)
            print(f"{path:45} {statistics.median(times):8.1f} {percentile(times, .95):8.1f} {percentile(times, .99):8.1f} "
                  f"{len(results) / wall:7.1f} {results[0][2] / 1024:6.1f}" + ("" if statuses == {200} else f"  statuses {statuses}"))
        print(f"overall throughput: {total / (time.perf_counter() - all_started):.1f} req/s; "
              f"server peak RSS (master + workers): {peak['rss'] / 1024:.0f} MiB")
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
