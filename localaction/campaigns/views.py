"""Public downloads of handover packages that reviewers published (linked from the campaign page)."""
from django.shortcuts import get_object_or_404

from localaction.reports.models import GeneratedFile

from .workspace_views import serve


def public_file(request, slug, pk):
    """A ready, public generated file of the campaign; anything else is a 404."""
    generated = get_object_or_404(
        GeneratedFile.objects.select_related("campaign"), pk=pk, campaign__slug=slug, is_public=True,
        status=GeneratedFile.Status.READY,
    )
    return serve(generated, private=False)
