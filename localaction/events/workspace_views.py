"""Reviewers run the Call's events: create and edit an event with its agenda slots, then each slot's speakers."""
import zoneinfo

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles

from . import services
from .forms import EventForm, SlotFormSet, SpeakerFormSet
from .models import Event, Slot, time_zone_names


def zone_for(event, data=None):
    """The zone in which the forms read and show times: the one being submitted if it is valid, else the
    event's own."""
    name = (data or {}).get("time_zone", "")
    return zoneinfo.ZoneInfo(name if name in time_zone_names() else (event.time_zone or "UTC"))


@role_required(Roles.REVIEWER)
def event_list(request):
    events = Event.objects.annotate(slot_count=Count("slots"))
    return render(request, "events/workspace/event_list.html", {"events": events})


@role_required(Roles.REVIEWER)
@require_http_methods(["GET", "POST"])
def event_edit(request, pk=None):
    """Create or edit an event with its agenda slots on one page."""
    event = get_object_or_404(Event, pk=pk) if pk else Event()
    data = request.POST if request.method == "POST" else None
    with timezone.override(zone_for(event, data)):
        form = EventForm(data, instance=event)
        slots = SlotFormSet(data, instance=event, prefix="slots")
        if data is not None and form.is_valid() and slots.is_valid():
            saved = services.save_event(form, slots, by=request.user)
            messages.success(request, _("The event is saved."))
            return redirect("events_workspace:edit", pk=saved.pk)
        # Rendered inside the zone too, so that the fields show the times as entered.
        return render(request, "events/workspace/event_edit.html", {
            "event": event, "form": form, "slots": slots, "saved_slots": event.slots.all() if event.pk else [],
        })


@role_required(Roles.REVIEWER)
@require_http_methods(["GET", "POST"])
def slot_speakers(request, pk, slot_pk):
    """The speakers of one agenda slot."""
    slot = get_object_or_404(Slot.objects.select_related("event"), pk=slot_pk, event_id=pk)
    data = request.POST if request.method == "POST" else None
    speakers = SpeakerFormSet(data, instance=slot, prefix="speakers")
    if data is not None and speakers.is_valid():
        services.save_speakers(slot, speakers, by=request.user)
        messages.success(request, _("The speakers are saved."))
        return redirect("events_workspace:slot", pk=slot.event_id, slot_pk=slot.pk)
    return render(request, "events/workspace/slot_speakers.html", {
        "event": slot.event, "slot": slot, "speakers": speakers,
    })
