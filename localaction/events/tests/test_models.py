"""Validation of events: time zones, hashtags, livestream links, interpretation languages, time order."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from ..models import Event, normalise_hashtags
from .factories import EventFactory, SlotFactory

pytestmark = pytest.mark.django_db


def errors_of(event):
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    return raised.value.message_dict


def test_a_valid_event_passes_full_clean():
    event = EventFactory(hashtags=["IMRF2022"], interpretation_languages=["en", "fr"], livestream_url="https://example.org/live")
    event.full_clean()


def test_it_refuses_a_time_zone_that_is_not_an_iana_name():
    assert "time_zone" in errors_of(EventFactory.build(time_zone="Eastern Time"))
    assert "time_zone" in errors_of(EventFactory.build(time_zone="america/new_york"))


def test_it_refuses_a_livestream_link_that_is_not_https():
    assert "livestream_url" in errors_of(EventFactory.build(livestream_url="http://example.org/live"))
    assert "livestream_url" in errors_of(EventFactory.build(livestream_url="javascript:alert(1)"))


def test_it_refuses_unknown_interpretation_languages():
    assert "interpretation_languages" in errors_of(EventFactory.build(interpretation_languages=["en", "klingon"]))


def test_it_refuses_hashtags_stored_with_their_hash_or_spaces():
    assert "hashtags" in errors_of(EventFactory.build(hashtags=["#IMRF2022"]))
    assert "hashtags" in errors_of(EventFactory.build(hashtags=["two words"]))


def test_hashtags_are_normalised_without_hash_and_duplicates():
    assert normalise_hashtags("#IMRF2022, LocalAction #imrf2022  ciudades_acogedoras") == [
        "IMRF2022", "LocalAction", "ciudades_acogedoras",
    ]
    assert normalise_hashtags("#Égalité") == ["Égalité"]


@pytest.mark.parametrize("bad", ["#IMRF-2022", "tag!", "#" + "a" * 61])
def test_a_hashtag_with_other_characters_is_refused(bad):
    with pytest.raises(ValidationError):
        normalise_hashtags(bad)


def test_more_than_ten_hashtags_are_refused():
    with pytest.raises(ValidationError):
        normalise_hashtags(" ".join(f"tag{n}" for n in range(11)))


def test_an_event_must_end_after_it_starts():
    event = EventFactory.build()
    event.ends_at = event.starts_at - timedelta(minutes=1)
    assert "ends_at" in errors_of(event)


def test_a_slot_must_end_after_it_starts():
    slot = SlotFactory.build(event=EventFactory())
    slot.ends_at = slot.starts_at
    with pytest.raises(ValidationError) as raised:
        slot.full_clean()
    assert "ends_at" in raised.value.message_dict


def test_the_calendar_uid_survives_a_change_of_slug():
    event = EventFactory()
    uid = event.calendar_uid
    event.slug = "renamed"
    event.save()
    assert Event.objects.get(pk=event.pk).calendar_uid == uid
