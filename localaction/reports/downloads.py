"""Serving a stored generated file (handover package, annual report, certificate): one helper for every view that
hands one out, so they agree on what "not ready" and "lost by storage" mean."""
from django.http import FileResponse, Http404

from .models import GeneratedFile


def file_response(generated, *, filename=None, content_type=None, attachment=True, private=True):
    """The stored file of a ready GeneratedFile, under `filename` (default: its stored name, which storage may have
    suffixed to keep names unique); 404 while it is not ready or if storage lost it."""
    if generated.status != GeneratedFile.Status.READY or not generated.file:
        raise Http404
    try:
        handle = generated.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle, as_attachment=attachment, filename=filename or generated.file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=3600"
    return response
