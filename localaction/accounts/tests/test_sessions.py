"""Sessions end when unused for long, and access ends at once when an account is deactivated or a membership
removed."""
import time

import pytest
from django.urls import reverse

from localaction.accounts.middleware import LAST_SEEN_KEY
from localaction.api.services import create_token
from localaction.api.tests.write_helpers import TokenClient, api_url
from localaction.governments.models import Membership

pytestmark = pytest.mark.django_db


def test_a_session_unused_for_longer_than_the_idle_limit_is_signed_out(client_for, settings):
    client = client_for("member_a")
    assert client.get(reverse("workspace:home")).status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.LOCALACTION_SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_a_session_in_use_stays_and_its_time_is_written_at_most_once_a_minute(client_for, settings):
    client = client_for("member_a")
    client.get(reverse("workspace:home"))
    first = client.session[LAST_SEEN_KEY]
    client.get(reverse("workspace:home"))
    assert client.session[LAST_SEEN_KEY] == first
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.LOCALACTION_SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.get(reverse("workspace:home")).status_code == 200
    assert client.session[LAST_SEEN_KEY] >= first


def test_a_deactivated_member_is_refused_on_the_next_request(client_for, personas):
    client = client_for("member_a")
    assert client.get(reverse("workspace:home")).status_code == 200
    personas.member_a.is_active = False
    personas.member_a.save()
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_the_api_token_of_a_deactivated_member_stops_working(client, personas):
    _, secret = create_token(personas.member_a, "script")
    url = api_url("workspace-government-list")
    assert TokenClient(client, secret).get(url).status_code == 200
    personas.member_a.is_active = False
    personas.member_a.save()
    assert TokenClient(client, secret).get(url).status_code == 401


def test_removing_a_membership_removes_access_to_that_government_at_once(client_for, personas):
    client = client_for("editor_a")
    url = reverse("governments_workspace:members", args=[personas.government_a.slug])
    assert client.get(url).status_code == 200
    Membership.objects.filter(user=personas.editor_a, government=personas.government_a).delete()
    assert client.get(url).status_code == 404
