"""Failed sign-ins lock the e-mail address and client address out for a while (django-axes)."""
import pytest
from django.urls import reverse

from localaction.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def fail(client, url, email, times, **extra):
    for _ in range(times):
        response = client.post(url, {"username": email, "password": "not the password"}, **extra)
    return response


def test_five_failures_pause_signing_in_with_a_page_that_says_why(client):
    UserFactory(email="focal@example.org")
    assert fail(client, reverse("accounts:login"), "focal@example.org", 4).status_code == 200
    response = fail(client, reverse("accounts:login"), "focal@example.org", 1)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is paused" in page and "15 minutes" in page
    assert reverse("accounts:password_reset") in page


def test_even_the_right_password_is_refused_during_the_pause(client):
    UserFactory(email="focal@example.org")
    fail(client, reverse("accounts:login"), "focal@example.org", 5)
    response = client.post(reverse("accounts:login"), {"username": "focal@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_pause_ends_after_the_cool_off(client, settings):
    UserFactory(email="focal@example.org")
    fail(client, reverse("accounts:login"), "focal@example.org", 5)
    settings.AXES_COOLOFF_TIME = 0.0  # nothing is recent any more
    response = client.post(reverse("accounts:login"), {"username": "focal@example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_another_connection_is_not_locked_out(client):
    UserFactory(email="focal@example.org")
    fail(client, reverse("accounts:login"), "focal@example.org", 5)
    response = client.post(
        reverse("accounts:login"), {"username": "focal@example.org", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 302


def test_the_admin_sign_in_is_covered_too(client):
    UserFactory(email="boss@example.org", is_staff=True)
    response = fail(client, reverse("admin:login"), "boss@example.org", 5)
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()
