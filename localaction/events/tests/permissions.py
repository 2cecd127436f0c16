"""events entries in the permission matrix (see core/tests/matrix.py)."""
from localaction.core.tests.matrix import PUBLIC, reviewers

from .factories import SlotFactory

ENTRIES = {
    "events:list": (None, PUBLIC),
    "events:detail": (lambda o: [o["event"].slug], PUBLIC),
    "events:ics": (lambda o: [o["event"].slug], PUBLIC),
    "events:agenda_ics": (lambda o: [o["event"].slug], PUBLIC),
    "events_workspace:list": (None, reviewers()),
    "events_workspace:create": (None, reviewers()),
    "events_workspace:edit": (lambda o: [o["event"].pk], reviewers()),
    "events_workspace:slot": (lambda o: [o["event"].pk, o["event_slot"].pk], reviewers()),
}


def make_objects(personas):
    """A published event with one agenda slot."""
    slot = SlotFactory()
    return {"event": slot.event, "event_slot": slot}
