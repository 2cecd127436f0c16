"""ETags and 304s for the API's GET answers.

Actions follow the catalog version (search.facets.read_state(), the same validator as the catalog page's cache in
search/cache.py): a client that asks again with If-None-Match gets a 304 before any work is done, as long as
nothing was published, revised or withdrawn. Other answers (governments, taxonomies, statistics…) get an ETag
computed from the body they would send: the client still saves the download.
"""
import hashlib
from datetime import datetime, time
from pathlib import Path

from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from localaction.search import facets, reporting
from localaction.search.cache import RELEASE as CATALOG_RELEASE


def _release():
    """A fingerprint of the API's code: a deploy that changes what an answer looks like changes every ETag."""
    digest = hashlib.sha1(CATALOG_RELEASE.encode(), usedforsecurity=False)
    folder = Path(__file__).resolve().parent
    for path in sorted([*folder.glob("*.py"), *folder.glob("views/*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


RELEASE = _release()


def catalog_validators(request, language):
    """(state, weak ETag, Last-Modified timestamp) of an answer that depends only on the published actions, the
    day (the "reporting" filter moves with the calendar), the URL and the language."""
    state = facets.read_state()
    today = reporting.today()
    fingerprint = hashlib.sha1(
        f"{RELEASE}|{state.generation}|{state.version}|{today}|{language}|{request.get_full_path()}".encode(),
        usedforsecurity=False,
    ).hexdigest()
    last_modified = None
    if state.changed_at is not None:
        midnight = timezone.make_aware(datetime.combine(today, time.min)).timestamp()
        last_modified = max(state.changed_at.timestamp(), midnight)
    return state, f'W/"{fingerprint[:32]}"', last_modified


def not_modified(request, etag, last_modified=None):
    """The 304 to send when the client's copy is current, else None."""
    return get_conditional_response(request, etag=etag, last_modified=last_modified)


def add_validators(response, etag, last_modified=None):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


def etag_from_body(request, response):
    """After rendering: an ETag from the body, and a 304 instead when the client has that body already."""
    if response.status_code != 200 or response.has_header("ETag"):
        return response
    etag = f'W/"{hashlib.sha1(response.content, usedforsecurity=False).hexdigest()[:32]}"'
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)


def public_headers(response):
    """Public data: shared caches may keep it, but must ask again (with the ETag) before reusing it."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ["Accept-Language"])
    return response
