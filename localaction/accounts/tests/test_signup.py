import pytest
from django.urls import reverse

from localaction.accounts.models import User
from localaction.activity.models import ActivityLog
from localaction.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "New.Person@Example.org",
    "full_name": "Aminata Diallo",
    "language": "fr",
    "password1": "a sturdy passphrase 42",
    "password2": "a sturdy passphrase 42",
}


def test_a_visitor_signs_up_and_arrives_signed_in_in_the_workspace(client):
    response = client.post(reverse("accounts:signup"), GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:home")
    user = User.objects.get(email="new.person@example.org")
    assert client.get(reverse("governments_workspace:my_governments")).status_code == 200
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_account_keeps_the_name_language_and_a_hashed_password(client):
    client.post(reverse("accounts:signup"), GOOD)
    user = User.objects.get(email="new.person@example.org")
    assert user.full_name == "Aminata Diallo"
    assert user.language == "fr"
    assert user.password.startswith("argon2") and user.check_password("a sturdy passphrase 42")
    assert not user.is_staff and not user.groups.exists()


def test_signing_up_is_recorded_in_the_activity_log(client):
    client.post(reverse("accounts:signup"), GOOD)
    entry = ActivityLog.objects.get(verb="account.created")
    assert entry.actor.email == "new.person@example.org"


def test_the_form_offers_the_three_languages_with_the_current_one_chosen(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert 'value="en" selected' in page
    assert 'value="fr"' in page and 'value="es"' in page


def test_a_weak_password_is_explained_next_to_the_field_and_the_input_is_kept(client):
    response = client.post(reverse("accounts:signup"), {**GOOD, "password1": "short", "password2": "short"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert 'id="id_password2_error"' in page and "too short" in page
    assert 'value="Aminata Diallo"' in page and 'value="New.Person@Example.org"' in page
    assert not User.objects.exists()


def test_different_passwords_are_refused(client):
    response = client.post(reverse("accounts:signup"), {**GOOD, "password2": "another sturdy passphrase"})
    assert "didn’t match" in response.content.decode()
    assert not User.objects.exists()


def test_an_address_that_already_has_an_account_is_refused_whatever_its_case(client):
    UserFactory(email="new.person@example.org")
    response = client.post(reverse("accounts:signup"), GOOD)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_error"' in page and "already exists" in page
    assert User.objects.count() == 1


def test_the_name_is_required(client):
    response = client.post(reverse("accounts:signup"), {**GOOD, "full_name": ""})
    assert 'id="id_full_name_error"' in response.content.decode()
    assert not User.objects.exists()


def test_the_honeypot_box_is_hidden_from_people(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert '<div class="visually-hidden" aria-hidden="true"><label for="id_homepage">' in page
    assert 'tabindex="-1"' in page


def test_a_robot_filling_the_honeypot_gets_no_account(client):
    response = client.post(reverse("accounts:signup"), {**GOOD, "homepage": "http://spam.example"})
    assert response.status_code == 200
    assert "could not be created" in response.content.decode()
    assert not User.objects.exists()


def test_signing_up_returns_to_the_page_that_asked_for_it(client):
    back = reverse("governments_workspace:join")
    response = client.post(reverse("accounts:signup"), {**GOOD, "next": back})
    assert response["Location"] == back


def test_a_next_address_on_another_site_is_ignored(client):
    response = client.post(reverse("accounts:signup"), {**GOOD, "next": "https://evil.example/steal"})
    assert response["Location"] == reverse("workspace:home")


def test_the_next_address_is_carried_through_the_form(client):
    back = reverse("governments_workspace:join")
    page = client.get(reverse("accounts:signup"), {"next": back}).content.decode()
    assert f'name="next" value="{back}"' in page


def test_someone_signed_in_is_sent_on_to_the_workspace(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:signup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:home")


def test_the_sign_in_page_links_to_sign_up_keeping_where_to_go_next(client):
    back = reverse("governments_workspace:join")
    page = client.get(reverse("accounts:login"), {"next": back}).content.decode()
    assert f'href="{reverse("accounts:signup")}?next={back}"' in page
    assert "Create an account" in page
