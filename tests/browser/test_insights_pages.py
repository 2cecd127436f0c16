"""The insights pages and the home page in a real browser: axe-core finds no violation (data tables unfolded, in
light and dark mode; French and Spanish in the page-quality suite), and the filters work without JavaScript."""
import re

from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

# name → (URL name, query string)
PAGES = {
    "insights": ("insights:index", ""),
    "insights-filtered": ("insights:index", "?kind=pledge&gcm=16"),
    "gaps": ("insights:gaps", "?country=ES&few=2"),
    "home": ("core:home", ""),
}


def url_for(language, name, query=""):
    with translation.override(language):
        return reverse(name) + query


def audit_every_page(page, axe_audit, language, scheme):
    for name, (url_name, query) in PAGES.items():
        response = page.goto(url_for(language, url_name, query))
        assert response.status == 200
        # The data tables are folded in <details>: unfold them so that axe reads them too.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        axe_audit.check(page, f"{name} in {language}, {scheme}")


# In English; the page-quality suite (tests/quality) runs axe on these pages in French and Spanish too.
def test_the_insights_and_home_pages_have_no_axe_violations(page, catalog, axe_audit):
    audit_every_page(page, axe_audit, "en", "light")
    axe_audit.assert_no_violations()


def test_the_insights_and_home_pages_have_no_axe_violations_in_dark_mode(page, catalog, axe_audit):
    page.emulate_media(color_scheme="dark")
    audit_every_page(page, axe_audit, "en", "dark")
    axe_audit.assert_no_violations()


def test_the_charts_follow_the_filters_without_javascript(new_context, catalog):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url_for("en", "insights:index"))
    expect(page.locator(".insights-count")).to_contain_text("4 published actions match these filters.")
    gcm = page.locator("#chart-gcm")
    name = re.compile(r"^Actions per objective .* has the most actions")
    expect(gcm.get_by_role("img")).to_have_accessible_name(name)

    page.get_by_label("Kind", exact=True).select_option("pledge")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]kind=pledge(&|$)"))
    expect(page.locator(".insights-count")).to_contain_text("2 published actions match these filters.")

    gcm.get_by_text("Data table").click()  # <details> open without any script
    row = gcm.get_by_role("row", name=re.compile(r"^16\. "))
    expect(row.get_by_role("cell").last).to_have_text("1")
    expect(gcm.get_by_role("link", name=re.compile("Download the data"))).to_have_attribute(
        "href", re.compile(r"/en/insights/charts/gcm\.csv\?kind=pledge")
    )
