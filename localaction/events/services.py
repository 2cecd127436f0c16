"""State changes of events: a reviewer saves an event with its agenda, or the speakers of one slot. Each checks
the person, writes, and records the change in the activity log, in one transaction."""
from django.db import transaction

from localaction.accounts.permissions import require_reviewer
from localaction.activity.services import record


@transaction.atomic
def save_event(form, slots, by):
    """Save a valid EventForm and its valid SlotFormSet; returns the event."""
    require_reviewer(by)
    creating = form.instance.pk is None
    event = form.save()
    slots.instance = event
    slots.save()
    record(
        by, "event.created" if creating else "event.updated", event,
        changed=sorted(form.changed_data), slots_changed=slots.has_changed(), published=event.is_published,
    )
    return event


@transaction.atomic
def save_speakers(slot, speakers, by):
    """Save a valid SpeakerFormSet of one slot; returns the slot."""
    require_reviewer(by)
    speakers.instance = slot
    speakers.save()
    record(by, "event.speakers_changed", slot.event, slot=slot.pk, speakers=slot.speakers.count())
    return slot
