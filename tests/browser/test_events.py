"""The launch event in a real browser, in French: its page with the agenda in the event's zone (New York) and,
through localtime.js, in the viewer's (Paris), then the calendar file downloaded and parsed.

The event is the demo's own launch event (localaction/events/demo.py), so the demo content is checked too.
Interface text comes from a French catalog that changes independently: the test finds elements by their address
or attributes and checks content text (the demo's French agenda) and Django's own French date formats.
"""
import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from playwright.sync_api import expect

from localaction.events import demo
from localaction.factories import CampaignFactory

LANGUAGE = "fr"


def url(name, *args):
    with translation.override(LANGUAGE):
        return reverse(name, args=args)


@pytest.fixture
def launch(transactional_db, django_db_serialized_rollback, live_server):
    """The demo launch event, linked to an IMRF 2022 campaign, committed for the live server."""
    CampaignFactory(slug="imrf-2022", name_en="IMRF 2022 — first cohort", name_fr="FEMI 2022 — première cohorte")
    return demo.seed_launch()


def test_the_launch_event_in_french_with_its_agenda_and_calendar_file(new_context, launch, axe_audit):
    page = new_context(locale="fr-FR", timezone_id="Europe/Paris").new_page()
    page.goto(url("events:detail", launch.slug))

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text(launch.title_fr)
    # 13:15 in New York on 18 May 2022 (summer time) is 17:15 UTC and 19:15 in Paris.
    start = page.locator('time[datetime="2022-05-18T17:15:00Z"][data-localtime="datetime"]')
    expect(start).to_have_text("18 mai 2022 13:15")
    expect(page.locator("[data-localtime-range] + .viewer-time").first).to_contain_text(re.compile(r"19:15 – 20:30"))

    agenda = page.locator("table.agenda")
    rows = agenda.locator("tbody tr")
    expect(rows).to_have_count(len(demo.LAUNCH_SLOTS))
    expect(rows.nth(0).locator("th")).to_have_text("Accueil et ouverture")
    expect(rows.nth(0).locator("td").first).to_contain_text("13:15")
    expect(rows.nth(2)).to_contain_text("Governor of a demo region")
    expect(page.locator("iframe")).to_have_count(0)
    expect(page.locator('a[href="https://example.org/demo-livestream"]')).to_have_attribute("rel", re.compile("noopener"))
    axe_audit.check(page, "launch event, French")

    with page.expect_download() as downloading:
        page.locator(f'a[href="{url("events:ics", launch.slug)}"]').click()
    download = downloading.value
    assert download.suggested_filename == f"{launch.slug}.ics"
    with open(download.path(), "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == launch.title_fr
    assert vevent.decoded("DTSTART") == datetime(2022, 5, 18, 17, 15, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime(2022, 5, 18, 18, 30, tzinfo=UTC)
    axe_audit.assert_no_violations()


def test_without_javascript_the_times_stay_in_the_event_zone(new_context, launch):
    page = new_context(locale="fr-FR", timezone_id="Europe/Paris", java_script_enabled=False).new_page()
    page.goto(url("events:detail", launch.slug))
    expect(page.locator('time[datetime="2022-05-18T17:15:00Z"][data-localtime="datetime"]')).to_have_text("18 mai 2022 13:15")
    expect(page.locator(".viewer-time")).to_have_count(0)


def test_a_viewer_in_the_event_zone_gets_no_second_time(new_context, launch):
    page = new_context(locale="fr-FR", timezone_id="America/New_York").new_page()
    page.goto(url("events:detail", launch.slug))
    expect(page.locator("table.agenda")).to_be_visible()
    expect(page.locator(".viewer-time")).to_have_count(0)
