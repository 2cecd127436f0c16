"""Lighthouse figures of issue #13: home, catalog and one action page, mobile, simulated throttling.

Builds a demo database (or reuses one with --skip-setup), serves it with gunicorn as bench/load_test.py does
(DEBUG=0, collected and compressed static files through whitenoise, on 127.0.0.1; the same two departures from
production: SECURE_SSL_REDIRECT=0 and a raised API_ANON_RATE), picks a published action from the API, then runs
Lighthouse 12.8.2 (bench/lighthouse/node_modules, pinned: 13 needs a newer Node than Debian's 20) on each page with
Debian's chromium, headless, in a fresh profile folder. Prints the four category scores (0–100) per page and the
audits that cost points; exits 1 when any score is under 95 (--threshold).

Simulated throttling (Lantern) models a slow 4G phone from one unthrottled load, so the scores depend little on
the machine; little is not nothing: the observed main-thread work is scaled, so note the load average with them.

    cd bench/lighthouse && npm ci            # once
    .venv/bin/python bench/lighthouse.py
    .venv/bin/python bench/lighthouse.py --skip-setup /tmp/demo.sqlite3 --output-dir bench/out/lighthouse
"""
import argparse
import json
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_test import (  # noqa: E402 — needs ROOT on the path
    fetch_targets, free_port, get, prepare, server_env, start_server, wait_until_up)

LIGHTHOUSE = ROOT / "bench/lighthouse/node_modules/lighthouse/cli/index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS", "speed-index": "SI", "total-byte-weight": ""}
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}


def lighthouse_command(url, report, profile):
    return ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            "--form-factor=mobile", "--throttling-method=simulate", f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}"]


def audit(url, report, timeout, attempts):
    """One Lighthouse run in a profile folder of its own; the parsed report. A run that fails to record its trace
    (NO_NAVSTART and the like, which a loaded machine provokes now and then) is repeated, up to `attempts` runs."""
    for attempt in range(1, attempts + 1):
        report.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="localaction-lh-profile-") as profile:
            command = lighthouse_command(url, report, profile)
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        data = json.loads(report.read_text()) if report.exists() else None
        error = (result.stderr.strip()[-2000:] if result.returncode != 0 or data is None
                 else (data.get("runtimeError") or {}).get("code"))
        if not error:
            return data
        print(f"  lighthouse on {url}, run {attempt} of {attempts}: {error.splitlines()[-1]}")
    raise SystemExit(f"lighthouse failed {attempts} times on {url}")


def scores(data):
    return {key: round((data["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}


def findings(data):
    """The scored audits short of full marks, heaviest first: (category, weight, id, title, score, value)."""
    rows = []
    for key, category in data["categories"].items():
        for ref in category["auditRefs"]:
            result = data["audits"][ref["id"]]
            score = result.get("score")
            if score is None or score >= 1 or result.get("scoreDisplayMode") not in ("binary", "numeric",
                                                                                       "metricSavings"):
                continue
            if ref["weight"] == 0 and result["scoreDisplayMode"] == "metricSavings" and score >= 0.9:
                continue  # an opportunity Lighthouse itself shows as passed
            rows.append((CATEGORIES.get(key, key), ref["weight"], ref["id"], result["title"], score,
                         result.get("displayValue", "")))
    return sorted(rows, key=lambda row: (-row[1], row[4]))


def pages(port):
    action = fetch_targets(port, pages=1)["action_pages"]
    if not action:
        raise SystemExit("the API lists no published action")
    return {"home": "/en/", "catalog": "/en/actions/", "action": f"/en{action[0]}"}


def warm(port, paths):
    """Each page twice first: Lighthouse's model starts from the observed server time, and a cold worker's first
    catalog request loads the search index, which a running server has long done."""
    for path in paths * 2:
        status, _ = get(port, path, {"Accept-Encoding": "gzip"}, timeout=120)
        if status != 200:
            raise SystemExit(f"GET {path}: {status}")


def print_results(results, threshold):
    print(f"\n{'page':8} " + " ".join(f"{label:>5}" for label in CATEGORIES.values()) + "  url")
    for name, (url, data) in results.items():
        row = scores(data)
        print(f"{name:8} " + " ".join(f"{row[key]:>5}" for key in CATEGORIES) + f"  {url}")
    print("\nsimulated metrics (mobile, slow 4G, 4× CPU slowdown)")
    for name, (url, data) in results.items():
        values = ", ".join(f"{label} {data['audits'][key].get('displayValue', '?')}".strip()
                           for key, label in METRICS.items())
        print(f"{name:8} {values}; benchmark index {data['environment'].get('benchmarkIndex', '?')}")
    for name, (url, data) in results.items():
        rows = findings(data)
        print(f"\n{name}: audits short of full marks ({len(rows)}; category, weight, id, score, title, value)")
        for category, weight, audit_id, title, score, value in rows:
            print(f"  {category:5} {weight:>3} {audit_id:32} {score:5.2f}  {title[:70]}  {value}")
    return all(value >= threshold for _, data in results.values() for value in scores(data).values())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-setup", metavar="DB", type=Path,
                        help="reuse this SQLite database (already migrated and seeded) instead of building one")
    parser.add_argument("--output-dir", type=Path, help="keep the JSON reports here (default: thrown away)")
    parser.add_argument("--threshold", type=int, default=95, help="lowest passing category score (default 95)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--timeout", type=int, default=240, help="seconds allowed per Lighthouse run")
    parser.add_argument("--attempts", type=int, default=3, help="runs per page when the trace is lost (default 3)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `npm ci` in bench/lighthouse")

    with tempfile.TemporaryDirectory(prefix="localaction-lighthouse-") as tmp:
        workdir = Path(tmp)
        database = args.skip_setup.resolve() if args.skip_setup else workdir / "db.sqlite3"
        reports = args.output_dir.resolve() if args.output_dir else workdir / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = server_env(database, workdir, port, keep_api_throttle=False, reused=bool(args.skip_setup))
        setup_seconds = prepare(workdir, database, env, bool(args.skip_setup))
        server = start_server(env, port, args.workers, "sync", 1)
        try:
            wait_until_up(port, server)
            targets = pages(port)
            warm(port, list(targets.values()))
            print(f"database: {database} (set-up {setup_seconds:.0f} s); gunicorn on 127.0.0.1:{port}, DEBUG=0; "
                  f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before the runs")
            print("command:", shlex.join(lighthouse_command(f"http://127.0.0.1:{port}<path>",
                                                            reports / "<page>.json", "<fresh tmp dir>")))
            results = {}
            for name, path in targets.items():
                url = f"http://127.0.0.1:{port}{path}"
                started = time.perf_counter()
                results[name] = (path, audit(url, reports / f"{name}.json", args.timeout, args.attempts))
                print(f"{name}: {time.perf_counter() - started:.0f} s, load average {os.getloadavg()[0]:.2f}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        ok = print_results(results, args.threshold)
        if args.output_dir:
            print(f"\nreports: {reports}")
    print("PASS" if ok else f"FAIL (a score under {args.threshold})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
