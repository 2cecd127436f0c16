"""Time, size and the server's peak memory of the whole-catalog downloads (CSV, XLSX, JSON), served by gunicorn on
127.0.0.1 against the database named by DATABASE_URL (build one with bench/generate.sh).

For each download a fresh server with one worker is started and warmed up with one catalog page (so the facet
index every worker holds is loaded), then the file is read to the end; the figures are the worker's resident
memory after the warm-up and its peak while it streamed the file (VmHWM of /proc/<pid>/status: the kernel's
high-water mark, so no peak between two samples is missed). The issue asks for less than 300 MB resident.

Usage:
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/download_memory.py [--formats csv,xlsx,json]
        [--query "kind=pledge"] [--gzip]
"""
import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = "/en/actions/"
MIB = 1024 * 1024


def memory_kib(pid, field):
    """VmRSS (now) or VmHWM (peak) of a process, in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"{field}:\s+(\d+)", status).group(1))


def worker_pid(master, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
        if children:
            return int(children[0])
        time.sleep(0.2)
    raise SystemExit("gunicorn started no worker")


def get(port, path, headers=None, timeout=900):
    """(status, bytes read, seconds to the first byte, seconds in all), reading the body in pieces."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    first = None
    size = 0
    while chunk := response.read(256 * 1024):
        first = first or time.perf_counter() - started
        size += len(chunk)
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, size, first or elapsed, elapsed


def serve(port, env):
    # One worker, so "the server process" is one process to measure; a long timeout, because gunicorn's sync
    # worker sends no heartbeat while it streams a response (see the note in bench/README.md).
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "localaction.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1",
         "--timeout", "900", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def wait_until_up(port, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return get(port, WARM_UP, timeout=120)
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {WARM_UP} within {timeout} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--formats", default="csv,xlsx,json")
    parser.add_argument("--query", default="", help="catalog parameters, e.g. kind=pledge (default: every action)")
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip (GZipMiddleware compresses)")
    parser.add_argument("--port", type=int, default=8767)
    args = parser.parse_args()

    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 40),
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "compile_catalogs"], cwd=ROOT, env=env, check=True, capture_output=True)
    headers = {"Accept-Encoding": "gzip"} if args.gzip else {}
    print(f"database: {os.environ.get('DATABASE_URL', 'sqlite (default)')}; gunicorn -w 1 (sync); "
          f"{'gzip' if args.gzip else 'no compression'}; parameters: {args.query or 'none (every action)'}")
    print(f"{'download':28} {'status':>6} {'MiB':>8} {'first byte s':>12} {'total s':>8} {'MiB/s':>6} "
          f"{'RSS warm MiB':>12} {'peak RSS MiB':>12}")
    for extension in args.formats.split(","):
        path = f"/en/data/actions.{extension}" + (f"?{args.query}" if args.query else "")
        server = serve(args.port, env)
        try:
            wait_until_up(args.port)
            worker = worker_pid(server.pid)
            warm = memory_kib(worker, "VmRSS")
            status, size, first, elapsed = get(args.port, path, headers)
            peak = memory_kib(worker, "VmHWM")
            print(f"{path:28} {status:6} {size / MIB:8.1f} {first:12.2f} {elapsed:8.1f} {size / MIB / elapsed:6.1f} "
                  f"{warm / 1024:12.0f} {peak / 1024:12.0f}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
