"""What waits for reviewers: shared by the reviewer's dashboard and the daily digest."""
from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action
from localaction.declarations.models import Endorsement
from localaction.governments.models import GovernmentRequest
from localaction.progress.models import ProgressUpdate

from .links import optional_reverse

QUEUE_LABELS = {
    "new_actions": _("New actions and pledges"),
    "revisions": _("Changes to published actions"),
    "government_requests": _("Requests to register or join a government"),
    "endorsements": _("Endorsements of the Marrakech Mayors Declaration"),
    "progress_updates": _("Progress updates on pledges"),
}

# Queue → the screen where reviewers work through it.
QUEUE_URL_NAMES = {
    "new_actions": "review:queue",
    "revisions": "review:queue",
    "government_requests": "governments_workspace:requests",
    "endorsements": "declarations_workspace:queue",
    "progress_updates": "progress_workspace:queue",
}


def review_queue_summary():
    """Per queue (in a fixed order): its label, how many items wait, since when (the oldest), and the link to
    it in the active language; plus the total. One query per queue."""
    submitted = Action.objects.filter(status=Action.Status.SUBMITTED)
    requests = GovernmentRequest.objects.filter(status=GovernmentRequest.Status.PENDING)
    querysets = {
        "new_actions": (submitted.filter(revision_of__isnull=True), "submitted_at"),
        "revisions": (submitted.filter(revision_of__isnull=False), "submitted_at"),
        "government_requests": (requests, "created_at"),
        "endorsements": (Endorsement.objects.filter(status=Endorsement.Status.SUBMITTED), "created_at"),
        "progress_updates": (ProgressUpdate.objects.filter(status=ProgressUpdate.Status.SUBMITTED), "submitted_at"),
    }
    queues = {}
    for name, (queryset, since) in querysets.items():
        queues[name] = queryset.aggregate(count=Count("pk"), oldest=Min(since))
        queues[name]["label"] = QUEUE_LABELS[name]
        queues[name]["url"] = optional_reverse(QUEUE_URL_NAMES[name])
    return {"queues": queues, "total": sum(q["count"] for q in queues.values())}
