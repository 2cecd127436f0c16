"""The calendar file (.ics, RFC 5545) of an event. Times are written in UTC (with a trailing Z): every calendar
reads them the same way, and no VTIMEZONE definition can go stale across daylight-saving rule changes."""
from datetime import timezone as dt_timezone

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODID = "-//Call to Local Action for Migrants and Refugees//Local Action//EN"


def _utc(value):
    return value.astimezone(dt_timezone.utc)


def _location(event):
    parts = [event.venue_name, " ".join(event.venue_address.split())]
    if event.online:
        parts.append(_("Online"))
    return ", ".join(part for part in parts if part)


def _description(event, url):
    lines = [str(event.t.description)] if event.t.description else []
    if event.livestream_url:
        lines.append(_("Livestream: %(url)s") % {"url": event.livestream_url})
    lines.append(url)
    return "\n\n".join(lines)


def _vevent(uid, summary, starts_at, ends_at, stamp, **extra):
    vevent = CalendarEvent()
    vevent.add("uid", uid)
    vevent.add("dtstamp", _utc(stamp))
    vevent.add("dtstart", _utc(starts_at))
    vevent.add("dtend", _utc(ends_at))
    vevent.add("summary", summary)
    for name, value in extra.items():
        if value:
            vevent.add(name.replace("_", "-"), value)
    return vevent


def event_calendar(event, url, slots=()):
    """The calendar (bytes) with the event, and one entry per agenda slot given, in the active language."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    stamp = event.updated_at or timezone.now()
    calendar.add_component(_vevent(
        event.calendar_uid, str(event.t.title), event.starts_at, event.ends_at, stamp,
        description=_description(event, url), location=_location(event), url=url,
    ))
    for slot in slots:
        calendar.add_component(_vevent(
            slot.calendar_uid, f"{slot.t.title} — {event.t.title}", slot.starts_at, slot.ends_at, stamp,
            location=_location(event), url=url, related_to=event.calendar_uid,
        ))
    return calendar.to_ical()
