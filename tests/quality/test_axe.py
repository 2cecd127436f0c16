"""Every page in a real browser: no axe-core violation (WCAG 2.2 AA rules) and no request to another host.

One browser context per persona (signed in with a session made for it), each page opened in turn. Every page is
checked in English; in French and Spanish, the pages of AXE_IN_EVERY_LANGUAGE (the public pages and the main
workspace screens): axe takes about 0.7 s a page on a 2-core machine, and all pages in three languages would take
over four minutes. The Nu HTML Checker and the weights do cover every page in every language.
"""
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from browser_setup import AXE_OPTIONS, TIMEOUT_MS
from pages import AXE_IN_EVERY_LANGUAGE, visits


def session_cookie(user, live_server):
    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}


def axe_visits(objects):
    return visits(objects, ["en"]) + visits(objects, ["fr", "es"], names=AXE_IN_EVERY_LANGUAGE)


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = (node.get("failureSummary") or "").replace("\n", "\n        ")
            lines.append(f"    - {' '.join(map(str, node['target']))}\n        {node['html'][:200]}\n        {summary}")
    return "\n".join(lines)


# The pages in two halves, so that `pytest -n 2` (as CI runs it) checks them in two browsers at once: the test
# process mostly waits for the browser's single busy renderer, so two halves take little more than one.
@pytest.mark.parametrize("half", [0, 1])
def test_every_page_passes_axe_and_stays_on_the_site(
    transactional_db, django_db_serialized_rollback, browser, live_server, personas, objects, half
):
    axe, site = Axe(), urlsplit(live_server.url).netloc
    violations, elsewhere, wrong_status, contexts = {}, set(), [], {}
    try:
        for visit in axe_visits(objects)[half::2]:
            if visit.persona not in contexts:
                context = browser.new_context(base_url=live_server.url, locale="en-GB")
                context.set_default_timeout(TIMEOUT_MS)
                if personas.get(visit.persona) is not None:
                    context.add_cookies([session_cookie(personas.get(visit.persona), live_server)])
                context.on("request", lambda request: elsewhere.add(request.url)
                           if urlsplit(request.url).scheme not in ("data", "blob")
                           and urlsplit(request.url).netloc != site else None)
                contexts[visit.persona] = (context, context.new_page())
            page = contexts[visit.persona][1]
            response = page.goto(visit.path)
            if response.status != 200:
                wrong_status.append(f"{visit.label}: {response.status}")
                continue
            found = axe.run(page, options=AXE_OPTIONS).response["violations"]
            if found:
                violations[visit.label] = found
    finally:
        for context, _page in contexts.values():
            context.close()

    assert not wrong_status, "pages that did not open:\n" + "\n".join(wrong_status)
    assert not elsewhere, f"requests to other hosts than {site}: {sorted(elsewhere)}"
    if violations:
        count = sum(len(found) for found in violations.values())
        pytest.fail(f"{count} axe violation(s) on {len(violations)} page(s):\n"
                    + "\n".join(f"\n{where}:\n{format_violations(found)}" for where, found in violations.items()),
                    pytrace=False)
