"""Events with agenda slots and speakers, for the events tests."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from ..models import Event, Slot, Speaker

NEW_YORK = ZoneInfo("America/New_York")


def new_york(*parts):
    """An aware datetime on New York's wall clock: new_york(2022, 5, 17, 13, 15)."""
    return datetime(*parts, tzinfo=NEW_YORK)


class EventFactory(factory.django.DjangoModelFactory):
    """A published event in New York, in a month, from 10:00 to 12:00 local time."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"event-{n}")
    title_en = factory.Sequence(lambda n: f"Peer exchange number {n}")
    description_en = "Cities share how they welcome newcomers."
    time_zone = "America/New_York"
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=30)).astimezone(NEW_YORK).replace(hour=10, minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    venue_name = "Demo hall"
    is_published = True


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    event = factory.SubFactory(EventFactory)
    title_en = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    slot = factory.SubFactory(SlotFactory)
    name = factory.Sequence(lambda n: f"Speaker {n} (demo)")
    title = "Mayor"
    organisation = "Demo city"
    role = Speaker.Role.PANELLIST
