"""The public pages in a real browser: navigation across languages, accessibility (axe-core), no third-party
requests, keyboard use and use without JavaScript.

French and Spanish interface text comes from catalogs that change independently, so these tests name no
French or Spanish words except the language switcher's own labels ("Français", "Español").
"""
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

LANGUAGES = ["en", "fr", "es"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
_axe = Axe()


def url_for(language, name, *args, query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


# Each public page checked with axe: name → (catalog → URL name, args, query string).
PAGES = {
    "home": lambda c: ("core:home", (), ""),
    "action-list": lambda c: ("actions:list", (), ""),
    "action-list-filtered": lambda c: ("actions:list", (), "?kind=pledge"),
    "action-detail": lambda c: ("actions:detail", (c["pledge"].public_id, c["pledge"].slug), ""),
    "action-detail-original-language": lambda c: ("actions:detail", (c["spanish"].public_id, c["spanish"].slug), ""),
    "government-list": lambda c: ("governments:list", (), ""),
    "government-detail": lambda c: ("governments:detail", (c["government"].slug,), ""),
    "gcm-objective": lambda c: ("taxonomy:gcm_objective", (16,), ""),
    "sign-in": lambda c: ("accounts:login", (), ""),
}


def page_url(catalog, name, language):
    url_name, args, query = PAGES[name](catalog)
    return url_for(language, url_name, *args, query=query)


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}\n    {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", "\n        ")
            lines.append(f"    - {target}\n        {node['html'][:200]}\n        {summary}")
    return "\n".join(lines)


def axe_violations(page):
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def assert_no_violations(report):
    """report: {where: [axe violations]}; fails with every violation of every page, readably."""
    report = {where: violations for where, violations in report.items() if violations}
    if report:
        count = sum(len(violations) for violations in report.values())
        details = "\n".join(f"\n{where}:\n{format_violations(violations)}" for where, violations in report.items())
        pytest.fail(f"{count} axe violation(s) on {len(report)} page(s):{details}", pytrace=False)


def check_every_page(page, catalog, language):
    """Opens each page of PAGES in `language` and returns {where: axe violations}."""
    report = {}
    for name in PAGES:
        url = page_url(catalog, name, language)
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("html")).to_have_attribute("lang", language)
        report[f"{name} ({url})"] = axe_violations(page)
    return report


def test_a_reader_moves_from_french_to_spanish_on_the_same_action(page, catalog, live_server):
    spanish = catalog["spanish"]
    html = page.locator("html")

    page.goto("/fr/")
    expect(html).to_have_attribute("lang", "fr")
    expect(page.locator(".lang-switch").get_by_role("link", name="Français", exact=True)).to_have_attribute(
        "aria-current", "true"
    )

    list_url = url_for("fr", "actions:list")
    page.locator("nav.main-nav").locator(f'a[href="{list_url}"]').click()
    expect(page).to_have_url(live_server.url + list_url)
    expect(html).to_have_attribute("lang", "fr")

    page.locator(".cards").get_by_role("link", name="Huertos urbanos compartidos", exact=True).click()
    expect(page).to_have_url(live_server.url + url_for("fr", "actions:detail", spanish.public_id, spanish.slug))
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text("Huertos urbanos compartidos")
    expect(title).to_have_attribute("lang", "es")  # the title is shown in its original language, and says so

    page.locator(".lang-switch").get_by_role("link", name="Español", exact=True).click()
    page.wait_for_url(re.compile(r"/es/"))
    assert urlsplit(page.url).path.startswith("/es/")
    expect(page).to_have_url(live_server.url + url_for("es", "actions:detail", spanish.public_id, spanish.slug))
    expect(html).to_have_attribute("lang", "es")
    expect(title).to_have_text("Huertos urbanos compartidos")
    expect(page.locator(".lang-switch").get_by_role("link", name="Español", exact=True)).to_have_attribute(
        "aria-current", "true"
    )


# In English, on the demo-like catalog; the page-quality suite (tests/quality) runs axe on these pages in French
# and Spanish too. One test for every page keeps the suite fast, since each test costs a database flush and reload;
# the failure report still names every page and element at fault.
def test_public_pages_have_no_axe_violations(page, catalog):
    assert_no_violations(check_every_page(page, catalog, "en"))


def test_public_pages_have_no_axe_violations_in_dark_mode(page, catalog):
    page.emulate_media(color_scheme="dark")
    page.goto("/en/")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert_no_violations(check_every_page(page, catalog, "en"))


def test_sign_in_errors_are_accessible_in_light_and_dark_mode(page, catalog):
    report = {}
    for color_scheme in ("light", "dark"):
        page.emulate_media(color_scheme=color_scheme)
        page.goto(url_for("en", "accounts:login"))
        page.locator("main form").get_by_role("button", name="Sign in").click()
        expect(page.locator(".error-summary")).to_be_visible()
        report[f"the sign-in page with errors ({color_scheme})"] = axe_violations(page)
    assert_no_violations(report)


def test_no_request_leaves_the_site(new_context, catalog, live_server):
    context = new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()

    for language in LANGUAGES:
        for name in PAGES:
            page.goto(page_url(catalog, name, language))
    # …and the pages reached by following links, not only typed addresses.
    page.goto("/en/")
    page.locator(".cards").get_by_role("link", name="Neighbourhood language cafés").click()
    page.get_by_role("link", name="government profile").click()
    expect(page).to_have_url(live_server.url + url_for("en", "governments:detail", "villeneuve"))

    site = urlsplit(live_server.url).netloc
    assert any(urlsplit(url).path.endswith("/css/site.css") for url in requested), "the stylesheet was not loaded"
    elsewhere = sorted({url for url in requested if urlsplit(url).scheme != "data" and urlsplit(url).netloc != site})
    assert elsewhere == [], f"requests to other hosts than {site}: {elsewhere}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page, catalog, language):
    page.goto(url_for(language, "actions:detail", catalog["pledge"].public_id, catalog["pledge"].slug))
    skip_link = page.locator("a.skip-link")

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()  # visible when focused, not only announced

    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    page.keyboard.press("Tab")  # …and the next stop is inside the main content, past the navigation
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_the_action_list_filters_without_javascript(new_context, catalog):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url_for("en", "actions:list"))
    count = page.locator("#results-title")
    expect(count).to_have_text("4 actions found")
    kinds = page.locator(".card .tag").all_inner_texts()
    assert "Practice" in kinds and "Pledge" in kinds  # the first page mixes both kinds

    page.get_by_label("Kind", exact=True).select_option("pledge")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"[?&]kind=pledge(&|$)"))
    expect(count).to_have_text("2 actions found")
    expect(page.locator(".card .tag-pledge")).to_have_count(2)
    expect(page.locator(".card .tag-practice")).to_have_count(0)
    expect(page.get_by_label("Kind", exact=True)).to_have_value("pledge")  # the form shows the filter in force
