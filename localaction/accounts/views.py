"""Sign-up, the account page (second factor, personal data, deletion) and the sign-in lock-out page. Signing in
and the password pages are Django's own views (see urls.py)."""
import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from . import export, services
from .forms import DeleteAccountForm, SignupForm, TwoFactorCodeForm


def safe_next(request, default):
    """The ?next= address when it stays on this site, otherwise `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def signups_key(request):
    return f"accounts:signups:{request.META.get('REMOTE_ADDR', '')}"


def too_many_signups(request):
    """At most LOCALACTION_SIGNUPS_PER_HOUR accounts an hour from one address (None: no limit)."""
    limit = getattr(settings, "LOCALACTION_SIGNUPS_PER_HOUR", None)
    return bool(limit) and cache.get(signups_key(request), 0) >= limit


def count_signup(request):
    key = signups_key(request)
    if not cache.add(key, 1, timeout=3600):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=3600)


def signup(request):
    """A public page: create an account, then arrive signed in (in the workspace, or back where `next` says)."""
    # reverse() here rather than at import: the workspace URLs are another app's and may load later.
    next_url = safe_next(request, reverse("workspace:home"))
    if request.user.is_authenticated:
        return redirect(next_url)
    form = SignupForm(request.POST or None)
    status = 200
    if request.method == "POST" and too_many_signups(request):
        form.add_error(None, gettext("Too many accounts were created from your network recently. Please try again in an hour."))
        status = 429
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.sign_up(data["email"], data["full_name"], data["language"], data["password1"])
        count_signup(request)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(next_url)
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}
    return render(request, "accounts/signup.html", context, status=status)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes shows after too many failed sign-ins, on the site and in the admin: a page that says
    why and for how long, with the way out (a password reset), rather than a bare error."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME * 60))
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


# --------------------------------------------------------------------------------------------------- account page


@login_required
def account(request):
    """The signed-in person's own page: password, second factor, their data."""
    user = request.user
    return render(request, "accounts/account.html", {
        "authenticator": services.confirmed_authenticator(user),
        "backup_codes_left": services.backup_codes_left(user),
        "two_factor_required": services.requires_two_factor(user),
        "blocking_governments": services.governments_left_without_focal_point(user),
    })


def secret_for_people(device):
    """The authenticator key as people type it into an app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@login_required
def two_factor_setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), then confirm with a code it shows. The
    backup codes are shown once, on the confirmation."""
    device = services.pending_authenticator(request.user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_authenticator(request.user, device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            return render(request, "accounts/backup_codes.html", {
                "codes": codes, "next": safe_next(request, reverse("accounts:account")),
            })
        form.add_error("code", gettext("This code is not right. Check the time on your phone and try the newest code."))
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title=gettext("QR code to scan with your authenticator app"), svgclass="qr-code", border=2,
    )
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr": qr, "secret": secret_for_people(device), "next": request.GET.get("next") or request.POST.get("next", ""),
        "replacing": services.confirmed_authenticator(request.user) is not None,
    })


@login_required
def two_factor_verify(request):
    """The second step of signing in: a code from the authenticator app or a backup code (used up once used)."""
    next_url = safe_next(request, reverse("workspace:home"))
    if request.user.is_verified():
        return redirect(next_url)
    if services.confirmed_authenticator(request.user) is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': next_url})}")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("code", gettext("This code is not right, or has already been used."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": request.GET.get("next") or request.POST.get("next", "")})


@require_POST
@login_required
def backup_codes(request):
    """New backup codes (the old ones stop working); only in a session that passed the second factor."""
    if not request.user.is_verified():
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': reverse('accounts:account')})}")
    codes = services.new_backup_codes(request.user)
    return render(request, "accounts/backup_codes.html", {"codes": codes, "next": reverse("accounts:account")})


@require_POST
@login_required
def two_factor_disable(request):
    """Turn the second factor off (only for those who are not required to use one)."""
    if services.requires_two_factor(request.user):
        messages.error(request, gettext("Your role requires a second factor: it cannot be turned off."))
        return redirect("accounts:account")
    services.disable_two_factor(request.user)
    messages.success(request, gettext("The second factor is turned off."))
    return redirect("accounts:account")


# ------------------------------------------------------------------------------------------------- personal data


@login_required
def data_export(request):
    """Download everything the platform holds about the signed-in person, as JSON."""
    response = HttpResponse(export.as_json(request.user), content_type="application/json; charset=utf-8")
    filename = f"localaction-my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request):
    """Delete one's account after typing the password again; refused while the person is the last focal point of
    a government (they hand over first)."""
    blocking = services.governments_left_without_focal_point(request.user)
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and not blocking and form.is_valid():
        services.delete_account(request.user)
        logout(request)
        messages.success(request, gettext("Your account has been deleted."))
        return redirect("core:home")
    return render(request, "accounts/delete_account.html", {"form": form, "blocking": blocking})
