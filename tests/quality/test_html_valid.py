"""Every page, in every language, is valid HTML according to the Nu HTML Checker (vnu.jar, from npm's vnu-jar).

The pages are rendered with Django's test client and written to files, then checked in one run of the checker
(starting Java once per page would take minutes).
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from rendering import html_of, render_all

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors known and not yet fixed, as (URL name, words of the message) → why. The main test leaves them out; the
# strict xfail below fails as soon as they are gone, so that this list cannot outlive them.
KNOWN = {}  # (url name, words of the message) → why it cannot be fixed yet; empty: every page is valid

_found = {}  # the checker's findings, computed once per session: rendering and checking take a while


def nu_checker():
    if shutil.which("java") is None:
        pytest.fail("Java is needed to run the Nu HTML Checker (apt-get install default-jre-headless)", pytrace=False)
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci --ignore-scripts` at the repository root", pytrace=False)
    return ["java", "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def html_errors(client_for, objects, folder):
    """[(Visit, message)] for every error the checker finds on every page in every language."""
    if "errors" in _found:
        return _found["errors"]
    checker = nu_checker()
    visit_of = {}
    for number, (visit, response) in enumerate(render_all(client_for, objects).items()):
        file = folder / f"page-{number:03d}.html"
        file.write_text(html_of(response), encoding="utf-8")
        visit_of[file.as_uri()] = visit_of[f"file:{file}"] = visit
    result = subprocess.run([*checker, *sorted(folder.glob("*.html"))], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages or result.returncode == 0, result.stderr[-2000:]
    _found["errors"] = [(visit_of.get(message.get("url")), message) for message in messages]
    return _found["errors"]


def is_known(visit, message):
    return any(visit is not None and visit.name == name and words in message["message"] for name, words in KNOWN)


def report(errors):
    lines = []
    for visit, message in sorted(errors, key=lambda error: error[0].label if error[0] else ""):
        where = visit.label if visit else message.get("url", "?")
        lines.append(f"{where}\n  line {message.get('lastLine', '?')}: {message['message']}"
                     f"\n      {message.get('extract', '').strip()[:160]}")
    return f"{len(errors)} HTML error(s):\n" + "\n".join(lines)


@pytest.mark.django_db
def test_every_page_is_valid_html(client_for, objects, tmp_path):
    errors = [(visit, message) for visit, message in html_errors(client_for, objects, tmp_path)
              if not is_known(visit, message)]
    assert not errors, report(errors)

