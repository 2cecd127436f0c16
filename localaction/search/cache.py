"""HTTP caching of the catalog for anonymous readers.

Every anonymous catalog response carries an ETag and a Last-Modified derived from the catalog version (plus the
URL and the code's release), so a browser or proxy that asks again with If-None-Match gets a 304 as long as
nothing was published, revised or withdrawn. The rendered page is also kept in the cache (local memory by
default, Redis when REDIS_URL is set) under the same fingerprint: a new version means new keys, so a publish can
never leave a stale page behind, and old entries simply expire.

Signed-in people (whose pages show their own navigation) and requests with pending messages are never cached.
"""
import hashlib
from datetime import datetime, time
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

from . import facets, reporting

PARTIAL_HEADER = "X-Catalog-Partial"
# Long enough to serve bursts of readers, short enough that entries of old versions do not pile up in Redis.
TIMEOUT = getattr(settings, "LOCALACTION_CATALOG_CACHE_SECONDS", 600)


def _release():
    """A fingerprint of the templates the catalog renders: a deploy that changes them changes every ETag."""
    digest = hashlib.sha1(usedforsecurity=False)
    folder = Path(settings.BASE_DIR) / "localaction" / "templates"
    # The map page (insights:map) is cached the same way: its templates count too.
    pages = [folder / "actions/action_list.html", folder / "base.html", *folder.glob("insights/*map*")]
    for path in sorted([*folder.glob("actions/*catalog*.html"), *pages]):
        digest.update(path.read_bytes())
    for path in sorted((Path(settings.BASE_DIR) / "locale").glob("*/LC_MESSAGES/django.mo")):
        digest.update(str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()[:12]


RELEASE = _release()


def _from_cache(request, content, compressed, content_type):
    response = HttpResponse(content_type=content_type)
    if "gzip" in request.headers.get("Accept-Encoding", "").lower():
        response.content = compressed
        response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves encoded responses alone
    else:
        response.content = content
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _cacheable(request):
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    # Reading the storage does not consume the messages: the page rendered below still shows them.
    return not len(get_messages(request))


def anonymous_catalog_cache(view):
    """Conditional GET (ETag, Last-Modified, 304) and a page cache keyed by the catalog version, for anonymous
    readers of a catalog view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        state = facets.read_state()
        request.catalog_state = state
        partial = request.headers.get(PARTIAL_HEADER) == "1"
        # The day too: the cards' reporting badges and the "Reporting" facet move with the calendar.
        today = reporting.today()
        fingerprint = hashlib.sha1(
            f"{RELEASE}|{state.generation}|{state.version}|{today}|{partial}|{request.get_full_path()}".encode(),
            usedforsecurity=False,
        ).hexdigest()
        # Weak: the same page may travel gzipped or not.
        etag = f'W/"{fingerprint[:32]}"'
        last_modified = state.changed_at.timestamp() if state.changed_at else None
        if last_modified is not None:
            midnight = timezone.make_aware(datetime.combine(today, time.min)).timestamp()
            last_modified = max(last_modified, midnight)
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            key = f"localaction:catalog:{fingerprint}"
            cached = cache.get(key)
            if cached is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                # Compressed once here rather than by GZipMiddleware on every hit (there is no secret in an
                # anonymous page, so BREACH does not apply).
                cached = (response.content, compress_string(response.content), response["Content-Type"])
                cache.set(key, cached, TIMEOUT)
            response = _from_cache(request, *cached)
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, [PARTIAL_HEADER])
        return response

    return wrapper
