"""Public event pages: the list (upcoming and past), an event with its agenda, and its calendar file.
Unpublished events are 404 to the public; reviewers may preview them."""
from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from localaction.accounts.permissions import is_reviewer
from localaction.actions.models import Action

from . import ics
from .models import Event, interpretation_language_name

ANNOUNCED_PAGE_SIZE = 12


def visible_events(request):
    """Published events; reviewers see drafts too, to check them before publishing."""
    return Event.objects.all() if is_reviewer(request.user) else Event.objects.published()


def event_list(request):
    events = Event.objects.published()
    past = Paginator(events.past(), settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {"upcoming": events.upcoming(), "past": past})


def agenda_days(event, slots):
    """[(date in the event's zone, [slots of that day])], so that a multi-day agenda has a heading per day."""
    def local_day(slot):
        return slot.starts_at.astimezone(event.zone).date()

    return [(day, list(group)) for day, group in groupby(slots, key=local_day)]


def event_detail(request, slug):
    event = get_object_or_404(visible_events(request), slug=slug)
    slots = list(event.slots.prefetch_related("speakers"))
    campaigns = list(event.campaigns.all())
    announced = (
        Action.objects.published().filter(announced_at__in=campaigns).distinct().for_listing()
        .order_by("-published_at", "-pk")
    )
    context = {
        "event": event,
        "agenda": agenda_days(event, slots),
        "same_day": event.starts_at.astimezone(event.zone).date() == event.ends_at.astimezone(event.zone).date(),
        "campaigns": campaigns,
        "announced": Paginator(announced, ANNOUNCED_PAGE_SIZE).get_page(request.GET.get("page")),
        "interpretation_languages": [interpretation_language_name(code) for code in event.interpretation_languages],
    }
    return render(request, "events/event_detail.html", context)


def event_calendar(request, slug, with_agenda=False):
    """The event as a .ics file; with_agenda adds one entry per agenda slot."""
    event = get_object_or_404(visible_events(request), slug=slug)
    slots = list(event.slots.select_related("event")) if with_agenda else []
    body = ics.event_calendar(event, request.build_absolute_uri(event.get_absolute_url()), slots)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"{event.slug}-agenda.ics" if with_agenda else f"{event.slug}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
