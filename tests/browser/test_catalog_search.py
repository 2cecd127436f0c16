"""The catalog with JavaScript: results follow the search box and the filters in place, the address follows the
results (shareable, back button), and the highlighted results page stays accessible."""
import re
import time

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def close(page):
    """Close the browser's connections while the test still runs: the live server's threads then close their
    database connections while the test database is still shared with them (fetch() keeps connections alive)."""
    page.wait_for_load_state("networkidle")
    page.context.close()
    time.sleep(0.2)


def list_url():
    with translation.override("en"):
        return reverse("actions:list")


def test_results_follow_typing_and_filters_without_reloading_the_page(page, catalog):
    page.goto(list_url())
    count = page.locator("#results-title")
    expect(count).to_have_text("4 actions found")
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Search actions and pledges").fill("cafe")

    expect(count).to_have_text("1 action found")
    expect(page.locator(".card-title mark")).to_have_text("cafés")
    expect(page).to_have_url(re.compile(r"[?&]q=cafe(&|$)"))

    page.get_by_label("Search actions and pledges").fill("")
    expect(count).to_have_text("4 actions found")
    page.get_by_label("Kind", exact=True).select_option("pledge")

    expect(count).to_have_text("2 actions found")
    expect(page).to_have_url(re.compile(r"[?&]kind=pledge(&|$)"))
    expect(page.get_by_label("Kind", exact=True)).to_have_value("pledge")
    assert page.evaluate("window.notReloaded") is True

    page.go_back()
    expect(count).to_have_text("4 actions found")
    close(page)


def test_a_shared_address_opens_the_same_results(page, catalog):
    page.goto(list_url() + "?q=language&kind=pledge")

    expect(page.locator("#results-title")).to_have_text("1 action found")
    expect(page.get_by_label("Search actions and pledges")).to_have_value("language")
    expect(page.get_by_role("link", name=re.compile("^Remove"))).to_have_count(1)
    close(page)


def test_the_search_results_page_has_no_axe_violations_in_light_and_dark_mode(new_context, catalog):
    for scheme in ("light", "dark"):
        page = new_context(color_scheme=scheme).new_page()
        page.goto(list_url() + "?q=newcomers&kind=pledge&sort=title")
        expect(page.locator("mark").first).to_be_visible()
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        close(page)
        assert violations == [], (scheme, [(v["id"], v["help"], [n["html"][:120] for n in v["nodes"]]) for v in violations])
