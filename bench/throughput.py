"""Requests per second of the catalog page under wrk, against gunicorn with 2 workers on 127.0.0.1, next to a
minimal Django view returning a fixed page under the same server, middleware and load.

Runs, each bounded (--duration seconds of wrk, after a warm-up that makes both workers load the facet index):
  minimal            /bench/minimal/ — a fixed page through the same middleware (bench/urls.py)
  catalog            repeated anonymous views of one catalog URL: page cache on (the default set-up)
  catalog, no cache  the same with the page cache off (BENCH_CACHE=dummy): every request renders the page
  catalog, 304       the same URL with If-None-Match: what a browser revalidating its copy costs

Needs wrk (Debian: apt-get install wrk). Usage:
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/throughput.py [--duration 10]
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = "/en/actions/?q=migrants&kind=pledge"


def wait_for(port, path, timeout=120):
    """(status, headers) of the first answer to GET path; fails unless it is a 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"GET {path}: {response.status}")
            return response.status, dict(response.getheaders())
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {path} within {timeout} s")


def wrk(port, path, duration, connections, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-H", "Accept-Encoding: gzip"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = re.search(r"Latency\s+(\S+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, latency, int(errors.group(1)) if errors else 0


def serve(port, workers, cache):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DEBUG": "0",
           "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 40), "ALLOWED_HOSTS": "127.0.0.1",
           "SECURE_SSL_REDIRECT": "0", "BENCH_CACHE": cache}
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "bench.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
         "--access-logfile", "/dev/null", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "bench-only-" + "x" * 40}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "compile_catalogs"], cwd=ROOT, env=env, check=True, capture_output=True)

    print(f"database: {os.environ.get('DATABASE_URL', 'sqlite (default)')}; gunicorn -w {args.workers}; "
          f"wrk -t2 -c{args.connections} -d{args.duration}s, Accept-Encoding: gzip; catalog URL {CATALOG}")
    results = {}
    for cache in ("", "dummy"):
        server = serve(args.port, args.workers, cache)
        try:
            wait_for(args.port, "/bench/minimal/")
            # Both workers load the facet index on their first catalog request: warm them with a short load.
            wrk(args.port, CATALOG, 8, args.connections)
            if not cache:
                results["minimal"] = wrk(args.port, "/bench/minimal/", args.duration, args.connections)
                results["catalog"] = wrk(args.port, CATALOG, args.duration, args.connections)
                _status, headers = wait_for(args.port, CATALOG)
                etag = headers.get("ETag")
                results["catalog, 304"] = wrk(args.port, CATALOG, args.duration, args.connections,
                                              headers=[f"If-None-Match: {etag}"])
            else:
                results["catalog, no cache"] = wrk(args.port, CATALOG, args.duration, args.connections)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    minimal = results["minimal"][0]
    print(f"{'run':20} {'req/s':>8} {'of minimal':>11} {'mean latency':>13} {'errors':>7}")
    for name, (rate, latency, errors) in results.items():
        print(f"{name:20} {rate:8.1f} {rate / minimal:10.0%} {latency:>13} {errors:7}")
    cached, uncached = results["catalog"][0], results["catalog, no cache"][0]
    print(f"the page cache multiplies the catalog's throughput by {cached / uncached:.1f} "
          f"({uncached / minimal:.0%} of the minimal view without it, {cached / minimal:.0%} with it)")


if __name__ == "__main__":
    main()
