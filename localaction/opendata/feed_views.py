"""The Atom feed of a catalog view."""
import hashlib
from datetime import datetime, time

from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext

from localaction.progress.models import ProgressUpdate
from localaction.search import facets, reporting

from . import feeds

# Bumped when the feed's shape changes, so clients holding an ETag get the new document.
FORMAT_VERSION = "1"


def _validators(request):
    """ETag and Last-Modified of a feed: they move with the catalog version (every publication, revision,
    withdrawal and published progress update bumps it), the latest published update, and the day (the
    "reporting" filter follows the calendar)."""
    state = facets.read_state()
    latest_update = ProgressUpdate.objects.filter(status=ProgressUpdate.Status.PUBLISHED).aggregate(
        latest=Max("published_at")
    )["latest"]
    today = reporting.today()
    parts = [FORMAT_VERSION, state.generation, state.version, latest_update, today, request.get_full_path()]
    fingerprint = hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    changed = [moment.timestamp() for moment in (state.changed_at, latest_update) if moment is not None]
    if not changed:
        return f'"{fingerprint[:32]}"', None
    midnight = timezone.make_aware(datetime.combine(today, time.min)).timestamp()
    return f'"{fingerprint[:32]}"', max(*changed, midnight)


def actions_feed(request):
    """New and updated published actions of a catalog view, and the progress updates published on them."""
    form = feeds.validate(request.GET)
    if form.errors:
        problems = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return HttpResponse(
            "\n".join([gettext("These catalog parameters are not valid:"), *problems]) + "\n",
            status=400, content_type="text/plain; charset=utf-8",
        )
    etag, last_modified = _validators(request)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        feed = feeds.build(request.GET, form, request.build_absolute_uri, request.build_absolute_uri())
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
