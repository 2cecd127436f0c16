"""Reviewers, fund managers and staff confirm each sign-in with a code from an authenticator app (or a backup
code) before the workspace or the admin; other people may turn it on."""
import pytest
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from localaction.accounts import services
from localaction.activity.models import ActivityLog
from localaction.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    """Through the sign-in page, as a person does (force_login would count as having passed the second factor)."""
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def code_of(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def authenticator(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


@pytest.mark.parametrize("name", ["reviewer", "fund_manager", "admin"])
def test_a_privileged_user_without_a_device_is_sent_to_set_one_up(client, personas, name):
    sign_in(client, personas.get(name))
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_the_admin_and_api_token_pages_are_guarded_too(client, personas):
    authenticator(personas.admin)
    sign_in(client, personas.admin)
    for url in (reverse("admin:index"), reverse("api_tokens:list")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor_verify")), url


@pytest.mark.parametrize("name", ["member_a", "evaluator"])
def test_other_people_are_not_asked_for_a_code(client, personas, name):
    sign_in(client, personas.get(name))
    assert client.get(reverse("workspace:home")).status_code == 200


def test_a_wrong_code_is_refused_and_the_right_one_admits(client, personas):
    device = authenticator(personas.reviewer)
    sign_in(client, personas.reviewer)
    target = reverse("workspace:home")
    verify = reverse("accounts:two_factor_verify") + "?" + urlencode({"next": target})
    assert client.get(target)["Location"] == verify
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
    response = client.post(verify, {"code": wrong, "next": target})
    assert response.status_code == 200 and "This code is not right" in response.content.decode()
    assert client.get(target).status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code slowed further tries down
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(verify, {"code": code_of(device), "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_backup_code_works_once(client, personas):
    authenticator(personas.reviewer)
    codes = services.new_backup_codes(personas.reviewer)
    sign_in(client, personas.reviewer)
    verify = reverse("accounts:two_factor_verify")
    assert client.post(verify, {"code": codes[0]}).status_code == 302
    assert client.get(reverse("workspace:home")).status_code == 200
    assert StaticToken.objects.filter(device__user=personas.reviewer).count() == len(codes) - 1
    client.post(reverse("accounts:logout"))
    sign_in(client, personas.reviewer)
    response = client.post(verify, {"code": codes[0]})
    assert response.status_code == 200 and "already been used" in response.content.decode()


def test_setting_up_shows_a_qr_code_and_the_key_then_confirms_with_a_code(client, personas):
    sign_in(client, personas.fund_manager)
    page = client.get(reverse("accounts:two_factor_setup")).content.decode()
    device = TOTPDevice.objects.get(user=personas.fund_manager, confirmed=False)
    assert "<svg" in page and "<title>QR code" in page and "<script" not in page
    assert "Key:" in page
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "000000" if code_of(device) != "000000" else "111111"})
    assert "This code is not right" in response.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None
    device.save()
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code_of(device)})
    page = response.content.decode()
    assert response.status_code == 200 and "Your backup codes" in page
    device.refresh_from_db()
    assert device.confirmed
    assert StaticToken.objects.filter(device__user=personas.fund_manager).count() == services.BACKUP_CODE_COUNT
    assert client.get(reverse("workspace:home")).status_code == 200  # this session has passed the second factor
    assert ActivityLog.objects.filter(verb="account.two_factor_enabled", actor=personas.fund_manager).exists()


def test_a_member_may_turn_it_on_and_off_but_a_reviewer_may_not_turn_it_off(client_for, personas):
    authenticator(personas.member_a)
    client = client_for("member_a")
    assert client.post(reverse("accounts:two_factor_disable")).status_code == 302
    assert not TOTPDevice.objects.filter(user=personas.member_a).exists()
    client = client_for("reviewer")
    client.post(reverse("accounts:two_factor_disable"))
    assert TOTPDevice.objects.filter(user=personas.reviewer, confirmed=True).exists()


def test_the_account_page_shows_the_state_of_the_second_factor(client_for):
    page = client_for("reviewer").get(reverse("accounts:account")).content.decode()
    assert "Signing in asks for a code" in page and "Turn two-step sign-in off" not in page
    page = client_for("member_a").get(reverse("accounts:account")).content.decode()
    assert "Set up two-step sign-in" in page
