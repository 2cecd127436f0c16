"""The main navigation: signed-in people find their workspace and inbox, with the unread count."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localaction.notifications.services import notify

pytestmark = pytest.mark.django_db


def navigation(response):
    page = response.content.decode()
    return page[page.index('<nav class="main-nav"'):page.index("</nav>", page.index('<nav class="main-nav"'))]


def test_signed_in_people_see_workspace_and_inbox_with_the_unread_count(client_for, personas):
    for title in ("One", "Two"):
        notify(personas.member_a, "action.published", title=title)
    nav = navigation(client_for("member_a").get(reverse("core:about")))
    assert f'href="{reverse("workspace:home")}"' in nav
    assert f'href="{reverse("notifications:inbox")}"' in nav
    assert '<span class="badge" aria-hidden="true">2</span>' in nav
    assert "(2 unread notices)" in nav


def test_no_count_is_shown_when_everything_is_read(client_for):
    nav = navigation(client_for("member_b").get(reverse("core:about")))
    assert f'href="{reverse("notifications:inbox")}"' in nav
    assert "badge" not in nav


def test_the_anonymous_visitor_sees_neither_and_costs_no_query(client):
    with CaptureQueriesContext(connection) as queries:
        nav = navigation(client.get(reverse("core:about")))
    assert reverse("workspace:home") not in nav and reverse("notifications:inbox") not in nav
    assert not [q for q in queries.captured_queries if "notifications_notification" in q["sql"]]


def test_the_count_costs_one_query_per_page(client_for, personas):
    notify(personas.member_a, "action.published", title="One")
    client = client_for("member_a")
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("workspace:home"))
    assert len([q for q in queries.captured_queries if "notifications_notification" in q["sql"]]) == 1
