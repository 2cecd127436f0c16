"""The public event pages: the list split into upcoming and past, an event's page in each language, drafts
hidden, and the actions announced at the event's campaigns."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from localaction.factories import ActionFactory, CampaignFactory

from ..models import Speaker
from .factories import EventFactory, SlotFactory, SpeakerFactory, new_york

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def launch():
    """An event like the Call's launch: New York, May 2022, interpreted, streamed, with a two-slot agenda."""
    event = EventFactory(
        slug="launch", title_en="Launch of the Call", title_fr="Lancement de l’Appel", title_es="Lanzamiento del Llamamiento",
        starts_at=new_york(2022, 5, 17, 13, 15), ends_at=new_york(2022, 5, 17, 14, 30),
        venue_name="Demo conference room", online=True, livestream_url="https://example.org/live",
        interpretation_languages=["en", "fr"], hashtags=["IMRF2022", "LocalAction"],
        organisers="Demo organiser one\nDemo organiser two", partners="Demo partner",
    )
    opening = SlotFactory(event=event, title_en="Opening", title_fr="Ouverture", title_es="Apertura",
                          starts_at=new_york(2022, 5, 17, 13, 15), ends_at=new_york(2022, 5, 17, 13, 30))
    SpeakerFactory(slot=opening, name="Moderator (demo)", role=Speaker.Role.MODERATOR, title="", organisation="")
    SpeakerFactory(slot=opening, name="Mayor of a demo city", role=Speaker.Role.KEYNOTE, to_be_confirmed=True)
    SlotFactory(event=event, title_en="Panel", starts_at=new_york(2022, 5, 17, 13, 30), ends_at=new_york(2022, 5, 17, 14, 30))
    return event


def test_the_list_puts_future_and_running_events_under_upcoming_and_others_under_past(client):
    now = timezone.now()
    EventFactory(title_en="Next month", starts_at=now + timedelta(days=30), ends_at=now + timedelta(days=30, hours=2))
    EventFactory(title_en="Running now", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    EventFactory(title_en="Last year", starts_at=now - timedelta(days=365), ends_at=now - timedelta(days=365) + timedelta(hours=2))
    EventFactory(title_en="A draft", is_published=False)

    html = client.get(url("events:list")).content.decode()
    upcoming, past = html.split('id="past-title"')

    assert "Next month" in upcoming and "Running now" in upcoming and "Last year" not in upcoming
    assert "Last year" in past and "Next month" not in past
    assert "A draft" not in html
    assert upcoming.index("Running now") < upcoming.index("Next month")


def test_the_event_page_shows_facts_and_agenda_in_the_event_zone(client, launch):
    response = client.get(url("events:detail", "launch"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Launch of the Call" in html
    # 13:15 in New York in May is 17:15 UTC: the machine-readable instant, and the wall-clock time shown.
    assert '<time datetime="2022-05-17T17:15:00Z" data-localtime="datetime" data-zone="America/New_York">May 17, 2022, 1:15 p.m.</time>' in html
    assert "America/New_York (UTC−04:00)" in html
    assert 'data-localtime="time" data-zone="America/New_York">1:30 p.m.</time>' in html
    assert "Mayor of a demo city, Mayor, Demo city — Keynote speaker" in html
    assert "to be confirmed" in html
    assert "English, French" in html
    assert "#IMRF2022 #LocalAction" in html
    assert "Demo organiser one; Demo organiser two" in html
    assert reverse("events:ics", args=["launch"]) in html
    assert 'src="/static/js/localtime.js" defer' in html


def test_the_livestream_is_a_plain_link_and_no_frame_is_loaded(client, launch):
    html = client.get(url("events:detail", "launch")).content.decode()
    assert '<a href="https://example.org/live" rel="noopener noreferrer external">' in html
    assert "<iframe" not in html and "<embed" not in html and "<video" not in html


def test_the_event_page_in_french_uses_french_dates_and_content(client, launch):
    response = client.get(url("events:detail", "launch", language="fr"))
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Lancement de l’Appel" in html and "Ouverture" in html
    assert ">17 mai 2022 13:15</time>" in html
    # The second slot has no French title: it is shown in English, labelled as such for screen readers.
    assert '<th scope="row" lang="en">Panel</th>' in html


def test_the_event_page_in_spanish_uses_spanish_dates(client, launch):
    html = client.get(url("events:detail", "launch", language="es")).content.decode()
    assert '<html lang="es">' in html
    assert "Lanzamiento del Llamamiento" in html and "Apertura" in html
    assert ">17 de mayo de 2022 a las 13:15</time>" in html


def test_an_unpublished_event_is_not_found_by_the_public(client, client_for):
    draft = EventFactory(is_published=False)
    for name in ("events:detail", "events:ics", "events:agenda_ics"):
        assert client.get(url(name, draft.slug)).status_code == 404
    member = client_for("member_a")
    assert member.get(url("events:detail", draft.slug)).status_code == 404


def test_a_reviewer_previews_an_unpublished_event(client_for):
    draft = EventFactory(is_published=False, title_en="Secret planning")
    html = client_for("reviewer").get(url("events:detail", draft.slug)).content.decode()
    assert "Secret planning" in html and "Not published" in html


def test_the_page_lists_published_actions_announced_at_its_campaigns_only(client):
    imrf, other = CampaignFactory(name_en="IMRF demo"), CampaignFactory(name_en="Other forum")
    event = EventFactory()
    event.campaigns.add(imrf)
    announced = ActionFactory(published=True, title_en="Announced and published")
    announced.announced_at.add(imrf)
    draft = ActionFactory(title_en="Announced but a draft")
    draft.announced_at.add(imrf)
    elsewhere = ActionFactory(published=True, title_en="Announced at another forum")
    elsewhere.announced_at.add(other)
    ActionFactory(published=True, title_en="Submitted to the campaign, never announced", campaign=imrf)

    html = client.get(url("events:detail", event.slug)).content.decode()

    assert "Announced and published" in html
    assert "Announced but a draft" not in html
    assert "Announced at another forum" not in html
    assert "never announced" not in html
    assert reverse("figures:campaign", args=[imrf.slug]) in html


def test_announced_actions_are_paginated(client):
    campaign = CampaignFactory()
    event = EventFactory()
    event.campaigns.add(campaign)
    for number in range(13):
        ActionFactory(published=True, title_en=f"Announced action {number:02d}").announced_at.add(campaign)

    first = client.get(url("events:detail", event.slug)).content.decode()
    second = client.get(url("events:detail", event.slug) + "?page=2").content.decode()

    assert first.count("Announced action ") == 12 and "13 actions" in first
    assert second.count("Announced action ") == 1


def test_the_event_page_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries, launch):
    campaign = CampaignFactory()
    launch.campaigns.add(campaign)
    for _ in range(5):
        ActionFactory(published=True).announced_at.add(campaign)
    for _ in range(4):
        SpeakerFactory(slot=SlotFactory(event=launch))
    with django_assert_max_num_queries(10):
        assert client.get(url("events:detail", "launch")).status_code == 200
