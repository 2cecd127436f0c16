"""The .ics files: parsed with a calendar library, they carry the right UTC instants whatever the season, and
the daylight-saving change inside a slot."""
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from .factories import EventFactory, SlotFactory, new_york

pytestmark = pytest.mark.django_db


def download(client, name, event, language="en"):
    with translation.override(language):
        response = client.get(reverse(name, args=[event.slug]))
    assert response.status_code == 200
    return response, Calendar.from_ical(response.content)


def vevents(calendar):
    return [component for component in calendar.walk("VEVENT")]


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


def test_the_file_is_a_calendar_download_named_after_the_event(client):
    event = EventFactory(slug="launch-imrf-2022")
    response, calendar = download(client, "events:ics", event)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="launch-imrf-2022.ics"'
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar


def test_a_summer_event_in_new_york_is_four_hours_behind_utc(client):
    event = EventFactory(starts_at=new_york(2022, 5, 17, 13, 15), ends_at=new_york(2022, 5, 17, 14, 30))
    _response, calendar = download(client, "events:ics", event)
    [vevent] = vevents(calendar)
    assert vevent.decoded("DTSTART") == utc(2022, 5, 17, 17, 15)
    assert vevent.decoded("DTEND") == utc(2022, 5, 17, 18, 30)
    assert vevent.decoded("DTSTART").utcoffset().total_seconds() == 0


def test_a_winter_event_in_new_york_is_five_hours_behind_utc(client):
    event = EventFactory(starts_at=new_york(2022, 12, 13, 10, 0), ends_at=new_york(2022, 12, 13, 12, 0))
    _response, calendar = download(client, "events:ics", event)
    [vevent] = vevents(calendar)
    assert vevent.decoded("DTSTART") == utc(2022, 12, 13, 15, 0)
    assert vevent.decoded("DTEND") == utc(2022, 12, 13, 17, 0)


def test_a_slot_across_the_end_of_summer_time_keeps_its_real_length(client):
    # New York's clocks went back from 02:00 EDT to 01:00 EST on 6 November 2022: from 23:00 on the 5th to
    # 03:00 on the 6th on the wall clock is five hours, not four.
    event = EventFactory(starts_at=new_york(2022, 11, 5, 22, 0), ends_at=new_york(2022, 11, 6, 4, 0))
    SlotFactory(event=event, title_en="Night session", starts_at=new_york(2022, 11, 5, 23, 0), ends_at=new_york(2022, 11, 6, 3, 0))

    response, calendar = download(client, "events:agenda_ics", event)
    by_summary = {str(vevent["SUMMARY"]): vevent for vevent in vevents(calendar)}
    slot = by_summary[f"Night session — {event.title_en}"]

    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}-agenda.ics"'
    assert by_summary[event.title_en].decoded("DTSTART") == utc(2022, 11, 6, 2, 0)
    assert by_summary[event.title_en].decoded("DTEND") == utc(2022, 11, 6, 9, 0)
    assert slot.decoded("DTSTART") == utc(2022, 11, 6, 3, 0)
    assert slot.decoded("DTEND") == utc(2022, 11, 6, 8, 0)
    assert str(slot["RELATED-TO"]) == event.calendar_uid


def test_the_event_file_has_no_slot_and_a_stable_uid(client):
    event = EventFactory()
    SlotFactory(event=event)
    _response, first = download(client, "events:ics", event)
    event.slug = "moved"
    event.save()
    _response, second = download(client, "events:ics", event)
    assert len(vevents(first)) == 1
    assert str(vevents(first)[0]["UID"]) == str(vevents(second)[0]["UID"]) == event.calendar_uid


def test_the_file_speaks_the_language_of_the_page_it_was_taken_from(client):
    event = EventFactory(title_en="Launch", title_fr="Lancement", online=True, venue_name="",
                         livestream_url="https://example.org/live")
    _response, calendar = download(client, "events:ics", event, language="fr")
    [vevent] = vevents(calendar)
    assert str(vevent["SUMMARY"]) == "Lancement"
    assert "https://example.org/live" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]).endswith(f"/fr/events/{event.slug}/")
