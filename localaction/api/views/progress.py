"""Progress updates: the published updates of published pledges, newest first."""
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema

from localaction.actions.models import Action
from localaction.progress.models import ProgressUpdate
from localaction.progress.timeline import update_parts

from ..schema import read_responses
from ..serializers import ProgressUpdateSerializer
from .base import ReadListView, ordered_pagination


class ProgressUpdateList(ReadListView):
    """Published progress updates of published pledges, the most recently published first; `action` narrows the
    list to one pledge. Drafts and updates waiting for review never appear; authors and reviewers' notes neither."""

    tag = "progress"
    serializer_class = ProgressUpdateSerializer
    pagination_class = ordered_pagination("-listed_at", "-id")

    def schema_parameters(self):
        return [OpenApiParameter("action", str, OpenApiParameter.QUERY, description=_("Public id of a pledge."))]

    def get_queryset(self):
        updates = ProgressUpdate.objects.filter(
            status=ProgressUpdate.Status.PUBLISHED, action__status=Action.Status.PUBLISHED
        ).select_related("action").prefetch_related(*update_parts()).annotate(
            listed_at=Coalesce("published_at", "created_at")
        )
        action = self.request.query_params.get("action")
        if action:
            updates = updates.filter(action__public_id=action)
        return updates

    @extend_schema(
        summary=_("Published progress updates"),
        description=_("Published progress updates of published pledges, the most recently published first; "
                      "action=<public id> gives one pledge's."),
        responses=read_responses(ProgressUpdateSerializer),
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
