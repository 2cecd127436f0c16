"""Every page, in every language, is valid HTML according to the Nu HTML Checker (vnu.jar, from npm's vnu-jar),
and light: transferred bytes under 60 KB, the insights page under 150 KB (issue #13).

The pages are rendered once with Django's test client (one test for both checks: rendering every page in three
languages is most of the time), written to files, then checked in one run of the checker (starting Java once per
page would take minutes).

Weight: a first visit with an empty cache. The page's HTML as the server sends it with `Accept-Encoding: gzip`
(GZipMiddleware), plus every stylesheet, script, image and icon it loads (and what the stylesheets load), each
counted once: text as gzip compresses it (level 6, what a production server sends), images as they are.
Measured with Django's test client, so the figures are deterministic.
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from rendering import html_of, page_weight, render_all

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

KB = 1000
WEIGHT_LIMIT = 60 * KB
WEIGHT_LIMITS = {"insights:index": 150 * KB}


def nu_checker():
    if shutil.which("java") is None:
        pytest.fail("Java is needed to run the Nu HTML Checker (apt-get install default-jre-headless)", pytrace=False)
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci --ignore-scripts` at the repository root", pytrace=False)
    return ["java", "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def html_errors(rendered, folder):
    """[(Visit, message)] for every error the checker finds on the rendered pages."""
    checker = nu_checker()
    visit_of = {}
    for number, (visit, response) in enumerate(rendered.items()):
        file = folder / f"page-{number:03d}.html"
        file.write_text(html_of(response), encoding="utf-8")
        visit_of[file.as_uri()] = visit_of[f"file:{file}"] = visit
    result = subprocess.run([*checker, *sorted(folder.glob("*.html"))], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages or result.returncode == 0, result.stderr[-2000:]
    return [(visit_of.get(message.get("url")), message) for message in messages]


def too_heavy(rendered, client):
    sizes, heavy = {}, []
    for visit, response in rendered.items():
        total, parts = page_weight(client, visit, response, sizes)
        limit = WEIGHT_LIMITS.get(visit.name, WEIGHT_LIMIT)
        if total > limit:
            heaviest = sorted(parts.items(), key=lambda part: -part[1])[:5]
            heavy.append(f"{visit.label}: {total / KB:.1f} KB > {limit / KB:.0f} KB; heaviest: "
                         + ", ".join(f"{address} {size / KB:.1f} KB" for address, size in heaviest))
    assert sizes, "no stylesheet, script or image found on any page: the weight measure is broken"
    return heavy


def report(errors):
    lines = []
    for visit, message in sorted(errors, key=lambda error: error[0].label if error[0] else ""):
        where = visit.label if visit else message.get("url", "?")
        lines.append(f"{where}\n  line {message.get('lastLine', '?')}: {message['message']}"
                     f"\n      {message.get('extract', '').strip()[:160]}")
    return f"{len(errors)} HTML error(s):\n" + "\n".join(lines)


@pytest.mark.django_db
def test_every_page_is_valid_html_and_weighs_less_than_its_limit(client_for, objects, tmp_path):
    rendered = render_all(client_for, objects)
    errors = html_errors(rendered, tmp_path)
    heavy = too_heavy(rendered, client_for("anonymous"))

    failures = ([report(errors)] if errors else []) + (["pages over their weight limit:\n" + "\n".join(heavy)] if heavy else [])
    assert not failures, "\n\n".join(failures)
