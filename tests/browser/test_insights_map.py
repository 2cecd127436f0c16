"""The world map in a real browser: no axe violation (light and dark), a country is a link the keyboard reaches
and follows to the filtered catalog, and the data table opens without JavaScript."""
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect


def map_url(query=""):
    with translation.override("en"):
        return reverse("insights:map") + query


def test_the_map_page_has_no_axe_violations(new_context, catalog, axe_audit):
    government = catalog["government"]
    government.latitude, government.longitude = Decimal("45.76404"), Decimal("4.83566")
    government.save()
    for scheme in ("light", "dark"):
        page = new_context(color_scheme=scheme).new_page()
        page.goto(map_url("?gcm=16"))
        page.get_by_text("Table: actions per country").click()
        axe_audit.check(page, f"the map ({scheme})")
    axe_audit.assert_no_violations()


def test_a_country_is_reached_by_keyboard_and_leads_to_the_filtered_catalog(new_context, catalog):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(map_url("?kind=pledge"))
    france = page.locator('svg.world-map a[href*="country=FR"]')
    expect(france).to_have_count(1)

    france.focus()
    expect(france).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Actions and pledges")
    with translation.override("en"):
        assert page.url.endswith(reverse("actions:list") + "?kind=pledge&country=FR")


def test_the_table_opens_without_javascript(new_context, catalog):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(map_url())

    page.get_by_text("Table: actions per country").click()
    expect(page.get_by_role("row", name="France")).to_be_visible()
