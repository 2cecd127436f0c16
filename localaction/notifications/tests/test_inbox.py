"""The in-app inbox: one's own notices, newest first, in one's language; opening one marks it read."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from localaction.notifications.messages import MESSAGES
from localaction.notifications.models import Notification
from localaction.notifications.services import notify

pytestmark = pytest.mark.django_db


def notice(user, title, minutes_ago=0, url=None, read=False):
    notification = notify(user, "action.published", url=reverse("core:about") if url is None else url, title=title)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago), read_at=timezone.now() if read else None
    )
    notification.refresh_from_db()
    return notification


def test_it_lists_ones_own_notices_newest_first_with_the_unread_ones_marked(client_for, personas):
    notice(personas.member_a, "Older shelter", minutes_ago=10, read=True)
    notice(personas.member_a, "Newer shelter", minutes_ago=1)
    notice(personas.member_b, "Somebody else's shelter")

    response = client_for("member_a").get(reverse("notifications:inbox"))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Newer shelter") < page.index("Older shelter")
    assert "Somebody else" not in page
    assert page.count(">Unread<") == 1
    assert "You have 1 unread notice." in page


def test_each_notice_is_shown_in_the_readers_language(client_for, personas):
    notice(personas.member_a, "Centre d’accueil")
    with translation.override("fr"):
        expected = str(MESSAGES["action.published"]) % {"title": "Centre d’accueil"}
        url = reverse("notifications:inbox")
    response = client_for("member_a").get(url)
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert expected in page


def test_the_inbox_is_paginated(client_for, personas, settings):
    settings.LOCALACTION_PAGE_SIZE = 3
    for number in range(5):
        notice(personas.member_a, f"Notice number {number}", minutes_ago=number)
    client = client_for("member_a")
    first = client.get(reverse("notifications:inbox")).content.decode()
    second = client.get(reverse("notifications:inbox"), {"page": 2}).content.decode()
    assert "Notice number 0" in first and "Notice number 3" not in first
    assert "Notice number 3" in second and "Notice number 4" in second and "Notice number 0" not in second


def test_opening_a_notice_marks_it_read_and_goes_to_its_page_in_the_readers_language(client_for, personas):
    notification = notice(personas.member_a, "Shelter")  # stored as /en/about/
    with translation.override("es"):
        read_url = reverse("notifications:read", args=[notification.pk])
        target = reverse("core:about")

    response = client_for("member_a").post(read_url)

    assert response.status_code == 302 and response["Location"] == target
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_notice_without_a_page_or_with_a_foreign_link_goes_back_to_the_inbox(client_for, personas):
    without = notice(personas.member_a, "No link", url="")
    foreign = notice(personas.member_a, "Foreign", url="https://evil.example/phish")
    client = client_for("member_a")
    for notification in (without, foreign):
        response = client.post(reverse("notifications:read", args=[notification.pk]))
        assert response["Location"] == reverse("notifications:inbox")
        notification.refresh_from_db()
        assert notification.read_at is not None


def test_nobody_else_can_open_or_even_find_a_notice(client_for, personas):
    notification = notice(personas.member_a, "Private")
    for persona in ("member_b", "editor_a", "reviewer", "admin"):
        response = client_for(persona).post(reverse("notifications:read", args=[notification.pk]))
        assert response.status_code == 404, persona
    notification.refresh_from_db()
    assert notification.read_at is None


def test_looking_at_the_inbox_or_getting_the_read_address_changes_nothing(client_for, personas):
    notification = notice(personas.member_a, "Unread still")
    client = client_for("member_a")
    client.get(reverse("notifications:inbox"))
    assert client.get(reverse("notifications:read", args=[notification.pk])).status_code == 405
    assert client.get(reverse("notifications:read_all")).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_marks_only_ones_own(client_for, personas):
    mine = [notice(personas.member_a, f"Mine {n}") for n in range(3)]
    theirs = notice(personas.member_b, "Theirs")

    response = client_for("member_a").post(reverse("notifications:read_all"))

    assert response["Location"] == reverse("notifications:inbox")
    assert Notification.objects.filter(pk__in=[n.pk for n in mine], read_at__isnull=True).count() == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_inbox_reads_a_page_in_a_fixed_number_of_queries(client_for, personas, django_assert_max_num_queries):
    for number in range(15):
        notice(personas.member_a, f"Notice {number}")
    client = client_for("member_a")
    with django_assert_max_num_queries(6):
        client.get(reverse("notifications:inbox"))
