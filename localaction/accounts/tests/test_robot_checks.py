"""Public forms refuse robots without a third-party captcha: a honeypot box, a minimum time before sending, and
a limit on sign-ups per address."""
import time

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.urls import reverse

from localaction.accounts.forms import FORM_STAMP_SALT
from localaction.accounts.models import User
from localaction.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "new.person@example.org", "full_name": "Aminata Diallo", "language": "fr",
    "password1": "a sturdy passphrase 42", "password2": "a sturdy passphrase 42",
}


def stamp(seconds_ago):
    return signing.dumps(time.time() - seconds_ago, salt=FORM_STAMP_SALT)


@pytest.fixture
def guards(settings):
    settings.LOCALACTION_FORM_MIN_SECONDS = 3
    settings.LOCALACTION_SIGNUPS_PER_HOUR = 2
    cache.clear()
    yield
    cache.clear()


def test_the_form_carries_a_signed_timestamp_and_a_hidden_honeypot(client, guards):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert 'name="started"' in page and 'type="hidden"' in page
    assert 'name="homepage"' in page and 'tabindex="-1"' in page and 'autocomplete="off"' in page
    assert "Leave this field empty" in page


def test_a_sign_up_sent_after_a_few_seconds_goes_through(client, guards):
    response = client.post(reverse("accounts:signup"), {**GOOD, "started": stamp(5)})
    assert response.status_code == 302
    assert User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.parametrize("extra", [
    lambda: {"started": stamp(1)},  # too fast for a person
    lambda: {},  # no timestamp at all
    lambda: {"started": "forged"},
    lambda: {"started": stamp(5), "homepage": "https://spam.example"},
])
def test_robots_get_a_vague_refusal_and_no_account(client, guards, extra):
    response = client.post(reverse("accounts:signup"), {**GOOD, **extra()})
    assert response.status_code == 200
    assert "Your account could not be created. Please try again." in response.content.decode()
    assert not User.objects.exists()


def test_sign_ups_from_one_address_are_limited_per_hour(client, guards):
    for number in range(2):
        client.post(reverse("accounts:signup"), {**GOOD, "email": f"p{number}@example.org", "started": stamp(5)})
        client.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:signup"), {**GOOD, "started": stamp(5)})
    assert response.status_code == 429
    assert "Too many accounts" in response.content.decode()
    assert User.objects.count() == 2
    other = client.post(reverse("accounts:signup"), {**GOOD, "started": stamp(5)}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_a_password_reset_from_a_robot_sends_nothing(client, guards):
    UserFactory(email="forgetful@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "forgetful@example.org", "started": stamp(0)})
    assert response.status_code == 200
    assert "could not be processed" in response.content.decode()
    assert mail.outbox == []
    response = client.post(reverse("accounts:password_reset"), {"email": "forgetful@example.org", "started": stamp(4)})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
