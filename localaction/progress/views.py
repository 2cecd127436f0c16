"""Public side of progress updates: the evidence files (the timeline itself is a partial of the action page)."""
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from localaction.accounts.permissions import is_reviewer
from localaction.actions.models import Action

from . import services
from .models import Evidence, ProgressUpdate


def can_download(user, evidence):
    """Anyone, for a published update of a published pledge; otherwise the lead government's members, and the
    reviewers once the update was submitted. Uploads are never served through MEDIA_URL."""
    update = evidence.update
    if update.status == ProgressUpdate.Status.PUBLISHED and update.action.status == Action.Status.PUBLISHED:
        return True
    if not user.is_authenticated:
        return False
    if services.can_report(user, update.action):
        return True
    return update.status != ProgressUpdate.Status.DRAFT and is_reviewer(user)


def evidence_download(request, pk):
    evidence = get_object_or_404(Evidence.objects.exclude(file="").select_related("update__action__government"), pk=pk)
    if not can_download(request.user, evidence):
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    extension = evidence.file.name.rsplit(".", 1)[-1]
    response = FileResponse(handle, as_attachment=True, filename=f"{slugify(evidence.title) or 'evidence'}.{extension}")
    if evidence.update.status != ProgressUpdate.Status.PUBLISHED:
        response["Cache-Control"] = "private, no-store"
    return response
