"""Session hygiene: idle sessions end, and privileged users prove a second factor before the back office."""
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

from .services import confirmed_authenticator, requires_two_factor

LAST_SEEN_KEY = "accounts_last_seen"
SECOND_FACTOR_KEY = "accounts_second_factor_required"
# Writing to the session on every request would save it each time: the last-seen time, and whether the user's
# roles require a second factor, are refreshed at most once a minute (a new role applies within a minute).
RESOLUTION = 60


def start_session(sender, request, user, **kwargs):
    """At sign-in: note the time and whether this user needs a second factor, so that the first pages need no
    session write and no role query."""
    now = int(time.time())
    request.session[LAST_SEEN_KEY] = now
    request.session[SECOND_FACTOR_KEY] = [requires_two_factor(user), now]


def second_factor_required(request):
    user = request.user
    if user.is_staff or user.is_superuser:
        return True
    now = int(time.time())
    known = request.session.get(SECOND_FACTOR_KEY)
    if not known or now - known[1] >= RESOLUTION:
        known = [requires_two_factor(user), now]
        request.session[SECOND_FACTOR_KEY] = known
    return known[0]


class IdleSessionMiddleware:
    """Signs out a session unused for LOCALACTION_SESSION_IDLE_SECONDS (a shared computer in a town hall)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request that carries a session cookie can have a signed-in session; not touching the session
        # otherwise keeps anonymous answers free of "Vary: Cookie" (one shared-cache copy for every reader).
        session = request.session
        if settings.SESSION_COOKIE_NAME in request.COOKIES and SESSION_KEY in session:
            now = int(time.time())
            last_seen = session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.LOCALACTION_SESSION_IDLE_SECONDS:
                logout(request)
            elif last_seen is None or now - last_seen >= RESOLUTION:
                session[LAST_SEEN_KEY] = now
        return self.get_response(request)


def protected_path(path):
    """The back office (/<lang>/workspace/…, API tokens included) and Django's admin, except its sign-in pages."""
    if path.startswith("/admin/"):
        return not path.startswith(("/admin/login/", "/admin/logout/"))
    language = get_language_from_path(path)
    if language:
        path = path[len(language) + 1:]
    return path.startswith("/workspace/")


class TwoFactorMiddleware:
    """Privileged users (services.requires_two_factor) reach the back office only once this session has passed a
    second factor: without a device they are sent to set one up, otherwise to enter a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if protected_path(request.path_info) and request.user.is_authenticated and not request.user.is_verified():
            if second_factor_required(request):
                name = "accounts:two_factor_verify" if confirmed_authenticator(request.user) else "accounts:two_factor_setup"
                return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
