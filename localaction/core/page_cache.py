"""A short-lived cache of whole public pages for anonymous readers (home, action, government, insights pages and
the read API), so that a crowd of readers costs a cache read per page instead of a render.

Keys carry a *content version* that every saved, deleted or relinked record of the platform moves on (signals,
below), the catalog version (search/facets.py), the day, the language, the code's release and the full address: a
change made through the platform never leaves a stale page behind, and old entries simply expire. Writes that
bypass signals (QuerySet.update(), bulk_create()) are caught by the short lifetime, PAGE_CACHE_SECONDS, or by
calling bump() after them.

The version lives in the cache itself, so it is shared exactly as widely as the pages: across every worker with
Redis (production), within one process otherwise. That is why settings turn the cache off by default for a
production server without Redis: several workers with their own memory would each keep their own version.

Only anonymous GET/HEAD requests without pending messages or an Authorization header are served from the cache,
and only 200 answers that set no cookie and used no CSRF token are stored.
"""
import hashlib
import logging
import time
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

logger = logging.getLogger(__name__)
VERSION_KEY = "localaction:content-version"
# Records that change without changing any public page, some of them on every request or job: moving the version
# on them would empty the cache for nothing.
UNRELATED = {
    "jobs.job", "notifications.notification", "notifications.digest", "search.searchstate", "search.termpostings",
    "activity.activitylog", "accounts.user", "sessions.session", "axes.accessattempt", "axes.accesslog",
    "axes.accessfailurelog", "otp_totp.totpdevice", "otp_static.staticdevice", "otp_static.statictoken",
}
# Headers a cached answer keeps; the rest (Date, Set-Cookie, Content-Length, per-request ids) are the server's.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag", "Cache-Control")


def _release():
    """Templates and compiled catalogs: a deploy that changes a page changes every key."""
    digest = hashlib.sha1(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    for path in sorted((base / "localaction" / "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    for path in sorted((base / "locale").glob("*/LC_MESSAGES/django.mo")):
        digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


RELEASE = _release()


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _fresh_version():
    """A starting value above any earlier one (milliseconds since the epoch): when the version was evicted, a
    restarted count must not meet pages stored under the old count's numbers."""
    return int(time.time() * 1000)


def version():
    return cache.get_or_set(VERSION_KEY, _fresh_version, None)


def bump():
    """A new content version: every cached page is a miss from now on.

    Called on every save: an unreachable cache (Redis restarting) must not make the save fail, so the error is
    logged and the change still commits; pages cached before it expire after PAGE_CACHE_SECONDS."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not there (evicted, or a fresh cache)
            cache.set(VERSION_KEY, _fresh_version(), None)
    except Exception:  # noqa: BLE001 — whatever the backend raises when it cannot be reached
        logger.warning("page cache: could not move the content version", exc_info=True)


def _on_change(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.label_lower in UNRELATED:
        return
    if kwargs.get("raw"):  # fixtures being loaded
        return
    if kwargs.get("action", "post").startswith("pre_") or timeout() <= 0:  # m2m_changed fires before and after
        return
    bump()


def connect_signals():
    """Called from core's AppConfig.ready(): every model of the project and the libraries it shows (tags, groups)."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"page-cache-{signal!r}")


def cacheable(request):
    if timeout() <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if request.user.is_authenticated or "HTTP_AUTHORIZATION" in request.META:
        return False
    # Reading the storage does not consume the messages: the page rendered below still shows them.
    return not len(get_messages(request))


def _key(request):
    from localaction.search import facets, reporting

    state = facets.read_state()
    parts = [RELEASE, version(), state.generation, state.version, reporting.today(), get_language(),
             request.headers.get("Accept", "")[:100], request.headers.get("X-Catalog-Partial", ""),
             request.get_full_path()]
    return "localaction:page:" + hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()


def _storable(request, response):
    return (
        response.status_code == 200 and not response.streaming and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _from_cache(request, stored):
    content, compressed, headers, csp_replace = stored
    response = HttpResponse()
    for name, value in headers.items():
        response[name] = value
    if compressed is not None and "gzip" in request.headers.get("Accept-Encoding", "").lower():
        response.content = compressed
        response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves encoded answers alone
    else:
        response.content = content
    if csp_replace:
        response._csp_replace = csp_replace
    patch_vary_headers(response, ["Accept-Encoding"])
    response["X-Page-Cache"] = "hit"
    return response


def _store(key, response):
    kind = response.get("Content-Type", "")
    textual = kind.startswith("text/") or "json" in kind or "xml" in kind
    # Compressed once here rather than by GZipMiddleware on every hit (an anonymous page holds no secret, so
    # BREACH does not apply).
    compressed = compress_string(response.content) if textual and len(response.content) > 200 else None
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    cache.set(key, (response.content, compressed, headers, getattr(response, "_csp_replace", None)), timeout())


def anonymous_page_cache(view):
    """Serves anonymous readers from the cache (see the module's docstring); everyone else gets the view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _from_cache(request, stored)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render) and not getattr(response, "is_rendered", True):
            response.render()
        if _storable(request, response):
            _store(key, response)
        return response

    return wrapper


def _plain(data):
    """The serializer's answer without its ties to the serializer (ReturnDict/ReturnList keep one), to be pickled."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(value) for value in data]
    return data


def api_data_key(request, language):
    """The key of a read API answer's data for an anonymous client, or None when it must not come from the cache.
    The API caches the data rather than the page, so that throttles, content negotiation, ETags and headers still
    run on every request."""
    if not cacheable(request):
        return None
    return _key(request) + f":api:{language}"


def get_api_data(key):
    return None if key is None else cache.get(key)


def store_api_data(key, response):
    if key is not None and response.status_code == 200 and getattr(response, "data", None) is not None:
        validators = {name: response[name] for name in ("ETag", "Last-Modified") if response.has_header(name)}
        cache.set(key, (_plain(response.data), validators), timeout())
