import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles, User
from localaction.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_people_sign_in_with_their_email_address(client):
    UserFactory(email="focal@example.org")
    response = client.post(reverse("accounts:login"), {"username": "focal@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:home")


def test_a_wrong_password_is_explained_and_the_address_kept(client):
    UserFactory(email="focal@example.org")
    response = client.post(reverse("accounts:login"), {"username": "focal@example.org", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert 'value="focal@example.org"' in page


def test_passwords_are_stored_with_argon2():
    user = User.objects.create_user(email="new@example.org", password="correct horse battery staple")
    assert user.password.startswith("argon2")
    assert user.check_password("correct horse battery staple")


def test_a_password_reset_sends_a_working_link(client):
    UserFactory(email="forgetful@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "forgetful@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.context["validlink"]
    response = client.post(response.redirect_chain[-1][0], {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"})
    assert response.status_code == 302
    assert User.objects.get(email="forgetful@example.org").check_password("a brand new passphrase")


def test_a_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_signing_out_takes_a_post(client):
    client.force_login(UserFactory())
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:password_change")).status_code == 302


def test_role_required_lets_the_role_in_and_refuses_others(personas):
    @role_required(Roles.REVIEWER)
    def review_queue(request):
        return HttpResponse("queue")

    factory = RequestFactory()

    def call(user):
        request = factory.get("/en/review/")
        request.user = user or AnonymousUser()
        return review_queue(request)

    assert call(personas.reviewer).status_code == 200
    assert call(personas.admin).status_code == 200
    assert call(None).status_code == 302
    for other in (personas.member_a, personas.fund_manager, personas.evaluator):
        with pytest.raises(PermissionDenied):
            call(other)
    personas.reviewer.is_active = False
    with pytest.raises(PermissionDenied):
        call(personas.reviewer)
