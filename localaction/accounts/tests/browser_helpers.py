"""For browser tests (tests/browser): the second step of signing in, done as a person would with their phone."""
import re
import time

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from localaction.accounts.services import requires_two_factor

TWO_FACTOR_PAGES = re.compile(r"/accounts/me/two-factor/")


def code_for(device):
    """The code the person's app shows. A code is accepted once per 30-second step, and one step ahead: a second
    sign-in in the same step uses the next step's code, a third waits for the clock."""
    while True:
        device.refresh_from_db()
        now = (int(time.time()) - device.t0) // device.step
        counter = max(now + device.drift - device.tolerance, device.last_t + 1, now)
        if counter <= now + device.drift + device.tolerance:
            code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=counter - now)
            return f"{code:06d}"
        time.sleep(1)


def complete_second_factor(page, user):
    """Call right after submitting the sign-in form. A reviewer, fund manager or admin is then asked for a code
    (or, the first time, to set up an authenticator app): enter it, pass the backup codes, and arrive where the
    sign-in was going. Other users are not asked, and nothing happens."""
    if not requires_two_factor(user):
        return
    page.wait_for_url(TWO_FACTOR_PAGES)
    setting_up = "/verify/" not in page.url
    device = TOTPDevice.objects.filter(user=user, confirmed=not setting_up).latest("pk")
    form = page.locator("main form")
    form.locator('input[name="code"]').fill(code_for(device))
    form.locator('button[type="submit"]').click()
    if setting_up:
        page.locator("main a.button").click()  # past the backup codes
    page.wait_for_url(lambda address: not TWO_FACTOR_PAGES.search(address))
