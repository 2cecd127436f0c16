"""Reviewers create and edit events with their agenda and speakers; times are typed in the event's zone."""
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from localaction.activity.models import ActivityLog
from localaction.factories import CampaignFactory

from ..models import Event, Speaker
from .factories import EventFactory, SlotFactory, SpeakerFactory, new_york

pytestmark = pytest.mark.django_db


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def event_data(**overrides):
    data = {
        "slug": "launch", "title_en": "Launch of the Call", "title_fr": "Lancement de l’Appel",
        "time_zone": "America/New_York", "starts_at": "2022-05-17T13:15", "ends_at": "2022-05-17T14:30",
        "venue_name": "Demo room", "online": "on", "livestream_url": "https://example.org/live",
        "interpretation_languages": ["en", "fr"], "hashtags": "#IMRF2022, LocalAction",
        "organisers": "Demo organiser", "is_published": "on",
        **management("slots", 1), "slots-0-title_en": "Opening", "slots-0-starts_at": "2022-05-17T13:15",
        "slots-0-ends_at": "2022-05-17T13:30", "slots-0-order": "0",
    }
    data.update(overrides)
    return data


def test_a_reviewer_creates_an_event_with_times_in_its_own_zone(client_for):
    campaign = CampaignFactory()
    client = client_for("reviewer")
    response = client.post(reverse("events_workspace:create"), event_data(campaigns=[campaign.pk]))

    event = Event.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("events_workspace:edit", args=[event.pk])
    assert event.starts_at == datetime(2022, 5, 17, 17, 15, tzinfo=UTC)
    assert event.hashtags == ["IMRF2022", "LocalAction"]
    assert event.interpretation_languages == ["en", "fr"]
    assert list(event.campaigns.all()) == [campaign]
    slot = event.slots.get()
    assert (slot.starts_at, slot.ends_at) == (datetime(2022, 5, 17, 17, 15, tzinfo=UTC), datetime(2022, 5, 17, 17, 30, tzinfo=UTC))
    assert ActivityLog.objects.filter(verb="event.created", object_id=str(event.pk), actor__email="reviewer@example.org").exists()


def test_the_edit_page_shows_times_as_entered_in_the_event_zone(client_for):
    event = EventFactory(time_zone="America/New_York", starts_at=new_york(2022, 12, 13, 10, 0), ends_at=new_york(2022, 12, 13, 12, 0))
    SlotFactory(event=event, starts_at=new_york(2022, 12, 13, 10, 0), ends_at=new_york(2022, 12, 13, 11, 0))
    html = client_for("reviewer").get(reverse("events_workspace:edit", args=[event.pk])).content.decode()
    assert 'value="2022-12-13T10:00"' in html
    assert 'name="hashtags"' in html


def test_a_reviewer_edits_an_event_and_moves_it_to_another_zone(client_for):
    event = EventFactory(slug="exchange", time_zone="America/New_York", starts_at=new_york(2022, 5, 17, 13, 15),
                         ends_at=new_york(2022, 5, 17, 14, 30))
    data = event_data(slug="exchange", time_zone="Europe/Paris", **management("slots", 0), hashtags="")
    response = client_for("reviewer").post(reverse("events_workspace:edit", args=[event.pk]), data)

    event.refresh_from_db()
    assert response.status_code == 302
    assert event.time_zone == "Europe/Paris"
    assert event.starts_at == datetime(2022, 5, 17, 11, 15, tzinfo=UTC)
    assert event.hashtags == []
    assert ActivityLog.objects.filter(verb="event.updated", object_id=str(event.pk)).exists()


@pytest.mark.parametrize("field, value, message", [
    ("time_zone", "New York", "is not a time zone name"),
    ("livestream_url", "http://example.org/live", "Enter a valid URL"),
    ("hashtags", "#IMRF-2022", "is not a hashtag"),
    ("ends_at", "2022-05-17T12:00", "must end after it starts"),
    # 02:30 on 13 March 2022 never happened in New York: the clocks jumped from 02:00 to 03:00.
    ("starts_at", "2022-03-13T02:30", "may be ambiguous or it may not exist"),
])
def test_bad_input_is_refused_next_to_its_field_and_kept(client_for, field, value, message):
    data = event_data(**{field: value})
    response = client_for("reviewer").post(reverse("events_workspace:create"), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert not Event.objects.exists()
    assert f'id="id_{field}_error"' in html
    assert message in html.split(f'id="id_{field}_error"')[1].split("</p>")[0]
    assert "Launch of the Call" in html  # what was typed is kept


def test_an_event_needs_a_venue_or_to_be_online(client_for):
    data = event_data(venue_name="")
    del data["online"]
    html = client_for("reviewer").post(reverse("events_workspace:create"), data).content.decode()
    assert 'id="id_venue_name_error"' in html and not Event.objects.exists()


def test_a_slot_ending_before_it_starts_is_refused(client_for):
    data = event_data(**{"slots-0-ends_at": "2022-05-17T13:00"})
    html = client_for("reviewer").post(reverse("events_workspace:create"), data).content.decode()
    assert 'id="id_slots-0-ends_at_error"' in html and "The slot must end after it starts." in html
    assert not Event.objects.exists()


def test_a_reviewer_sets_the_speakers_of_a_slot(client_for):
    slot = SlotFactory()
    kept = SpeakerFactory(slot=slot, name="Old speaker (demo)")
    data = {
        **management("speakers", 2, initial=1),
        "speakers-0-id": str(kept.pk), "speakers-0-slot": str(slot.pk), "speakers-0-name": "Old speaker (demo)",
        "speakers-0-role": "speaker", "speakers-0-order": "1", "speakers-0-DELETE": "on",
        "speakers-1-name": "Mayor of a demo city", "speakers-1-title": "Mayor", "speakers-1-organisation": "Demo city",
        "speakers-1-role": "moderator", "speakers-1-to_be_confirmed": "on", "speakers-1-order": "0",
    }
    response = client_for("reviewer").post(reverse("events_workspace:slot", args=[slot.event_id, slot.pk]), data)

    assert response.status_code == 302
    [speaker] = slot.speakers.all()
    assert (speaker.name, speaker.role, speaker.to_be_confirmed) == ("Mayor of a demo city", Speaker.Role.MODERATOR, True)
    assert ActivityLog.objects.filter(verb="event.speakers_changed", object_id=str(slot.event_id)).exists()


def test_a_speaker_without_a_name_or_with_an_unknown_role_is_refused(client_for):
    slot = SlotFactory()
    data = {**management("speakers", 1), "speakers-0-title": "Mayor", "speakers-0-role": "dancer", "speakers-0-order": "0"}
    response = client_for("reviewer").post(reverse("events_workspace:slot", args=[slot.event_id, slot.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_speakers-0-name_error"' in html and 'id="id_speakers-0-role_error"' in html
    assert not slot.speakers.exists()


def test_a_slot_of_another_event_is_not_found(client_for):
    slot = SlotFactory()
    other = EventFactory()
    response = client_for("reviewer").get(reverse("events_workspace:slot", args=[other.pk, slot.pk]))
    assert response.status_code == 404


def test_the_back_office_list_shows_drafts(client_for):
    EventFactory(title_en="Draft exchange", is_published=False)
    html = client_for("reviewer").get(reverse("events_workspace:list")).content.decode()
    assert "Draft exchange" in html
