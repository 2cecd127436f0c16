"""Per-address rate limits for the site's own pages (the API has DRF's throttles, sign-in has django-axes), and the
client's real address behind the reverse proxy.

Behind nginx every request comes from 127.0.0.1: without ClientAddressMiddleware the sign-up limit, the API's
anonymous throttle, the sign-in lockout and these limits would count the whole world as one visitor. With
TRUSTED_PROXIES=n (the number of proxies in front, 1 for deploy.md's nginx), REMOTE_ADDR becomes the address the
outermost trusted proxy saw, the n-th entry from the right of X-Forwarded-For; entries further left are the
client's own claims and are ignored. With 0 (the default: no proxy) the header is ignored altogether, so a client
talking to gunicorn directly cannot choose its address.
"""
import ipaddress
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proxies = getattr(settings, "TRUSTED_PROXIES", 0)
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if proxies > 0 and forwarded:
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if len(hops) >= proxies:
                candidate = hops[-proxies]
                try:
                    request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(candidate))
                except ValueError:
                    pass  # not an address: keep the proxy's, which at least limits this client with others
        return self.get_response(request)


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def hit(request, scope, per_minute):
    """Counts one request of `scope` from this address; returns the seconds to wait when the limit is passed,
    else None. A fixed one-minute window in the cache (shared by every worker with Redis)."""
    if not per_minute:
        return None
    window = int(time.time() // 60)
    key = f"localaction:rate:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, 90)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this one as the first
        cache.set(key, 1, 90)
        count = 1
    if count > per_minute:
        return 60 - int(time.time() % 60) or 1
    return None


def too_many_requests(request, retry_after, message):
    """The 429 page: what was limited (`message`) and when to come back, in the reader's language."""
    come_back = ngettext("Please try again in %(seconds)d second.", "Please try again in %(seconds)d seconds.",
                         retry_after) % {"seconds": retry_after}
    response = render(request, "429.html", {"message": message, "come_back": come_back}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def search_limit(view):
    """SEARCH_RATE_PER_MINUTE catalog searches (requests with a text query) per address and minute: a text query
    is the one request a visitor can vary endlessly, so the one that can bypass the page cache at will."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.GET.get("q", "").strip():
            wait = hit(request, "search", getattr(settings, "SEARCH_RATE_PER_MINUTE", 0))
            if wait is not None:
                return too_many_requests(request, wait, _("Too many searches from your address in the last minute."))
        return view(request, *args, **kwargs)

    return wrapper
