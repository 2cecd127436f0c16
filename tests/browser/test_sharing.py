"""(proposed tests/browser/test_sharing.py) Sharing in a real browser: another site frames a government's widget; the widget and share image load."""
from django.urls import reverse
from playwright.sync_api import expect


def test_another_site_frames_the_widget_which_shows_published_actions_only(page, catalog, live_server, axe_audit):
    widget = live_server.url + reverse("sharing:government_widget", args=[catalog["government"].slug])
    page.set_content(f'<!DOCTYPE html><html lang="en"><title>A city site</title><iframe src="{widget}" title="Actions"></iframe></html>')
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("link", name="Welcome desks in every town hall")).to_be_visible()
    expect(frame.get_by_role("link", name="Neighbourhood language cafés")).to_be_visible()
    expect(frame.get_by_text("A draft that nobody sees")).to_have_count(0)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(widget)
        axe_audit.check(page, f"widget ({scheme})")
    axe_audit.assert_no_violations()


def test_the_share_image_of_an_action_page_loads(page, catalog):
    pledge = catalog["pledge"]
    page.goto(pledge.get_absolute_url())
    image = page.locator("meta[property='og:image']").get_attribute("content")
    response = page.request.get(image)
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    page.goto(image)
    size = page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size == [1200, 630]
