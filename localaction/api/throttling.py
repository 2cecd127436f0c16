"""Rate limits of the API and the body of its 429 answers.

Anonymous clients are limited per address ("anon" rate), token holders per account ("user" rate); both rates come
from settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] (API_ANON_RATE and API_USER_RATE in the environment). A
refused request gets a 429 whose JSON says which limit applies and when to come back, with a Retry-After header.
"""
import math

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import exceptions, throttling
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class _SettingsRate:
    """Reads the rate when the throttle is made, not when the module is imported (DRF's default), so a deployment's
    environment and a test's settings both apply."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def throttle_failure(self):
        # The exception handler reads it to say which limit was reached.
        self.request.throttle_rate = self.rate
        return False

    def allow_request(self, request, view):
        self.request = request
        return super().allow_request(request, view)


class AnonymousRateThrottle(_SettingsRate, throttling.AnonRateThrottle):
    """Requests without a token, counted per client address."""


class TokenRateThrottle(_SettingsRate, throttling.UserRateThrottle):
    """Requests with a token, counted per account; anonymous ones are left to AnonymousRateThrottle."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)


def describe_rate(rate):
    """{"requests": 120, "period_seconds": 60} for "120/min"."""
    number, period = rate.split("/")
    return {"requests": int(number), "period_seconds": PERIODS[period[0]]}


def exception_handler(exc, context):
    """DRF's handler, with a 429 that says the limit and when to try again (Retry-After rounded up, never 0)."""
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.Throttled):
        return response
    wait = max(1, math.ceil(exc.wait or 1))
    request = context.get("request")
    rate = getattr(request, "throttle_rate", None)
    data = {"detail": str(_("Too many requests.")), "retry_after": wait}
    if rate:
        limit = describe_rate(rate)
        data["limit"] = limit
        data["detail"] = ngettext(
            "Too many requests: the limit is %(requests)d request per %(period)d seconds. Try again in %(wait)d seconds.",
            "Too many requests: the limit is %(requests)d requests per %(period)d seconds. Try again in %(wait)d seconds.",
            limit["requests"],
        ) % {"requests": limit["requests"], "period": limit["period_seconds"], "wait": wait}
    response.data = data
    response["Retry-After"] = str(wait)
    return response
