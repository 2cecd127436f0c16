"""The latest open-data archive: the zip itself, and its checksum line."""
import base64

from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import archive as archives
from .renderers import LICENCE


def _missing(request):
    """No archive has been built yet: say so, and point to the downloads."""
    return render(request, "opendata/archive_missing.html", status=404)


def _validated(request, latest, response_factory):
    etag = f'"{latest.sha256}"'
    last_modified = latest.created.timestamp()
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = response_factory()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def archive(request):
    """The latest archive of all published data, streamed; its SHA-256 in `Repr-Digest` (RFC 9530) and its date
    in `Last-Modified`."""
    latest = archives.latest()
    if latest is None:
        return _missing(request)

    def download():
        response = FileResponse(open(latest.path, "rb"), as_attachment=True, filename=latest.name,
                                content_type="application/zip")
        digest = base64.b64encode(bytes.fromhex(latest.sha256)).decode()
        response["Repr-Digest"] = f"sha-256=:{digest}:"
        response["Link"] = f'<{LICENCE["path"]}>; rel="license"'
        return response

    return _validated(request, latest, download)


def archive_checksum(request):
    """The latest archive's SHA-256, as a line `sha256sum -c` reads."""
    latest = archives.latest()
    if latest is None:
        return _missing(request)
    return _validated(
        request, latest, lambda: HttpResponse(latest.checksum_line(), content_type="text/plain; charset=utf-8")
    )
