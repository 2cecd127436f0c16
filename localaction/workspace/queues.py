"""What waits for reviewers: shared by the reviewer's dashboard and the daily digest."""
from django.db.models import Min

from localaction.actions.models import Action
from localaction.declarations.models import Endorsement
from localaction.governments.models import GovernmentRequest


def review_queue_summary():
    """Counts and the oldest waiting date of each queue reviewers work through."""
    submitted = Action.objects.filter(status=Action.Status.SUBMITTED)
    queues = {
        "new_actions": submitted.filter(revision_of__isnull=True).aggregate(oldest=Min("submitted_at")),
        "revisions": submitted.filter(revision_of__isnull=False).aggregate(oldest=Min("submitted_at")),
        "government_requests": GovernmentRequest.objects.filter(status=GovernmentRequest.Status.PENDING).aggregate(oldest=Min("created_at")),
        "endorsements": Endorsement.objects.filter(status=Endorsement.Status.SUBMITTED).aggregate(oldest=Min("created_at")),
    }
    queues["new_actions"]["count"] = submitted.filter(revision_of__isnull=True).count()
    queues["revisions"]["count"] = submitted.filter(revision_of__isnull=False).count()
    queues["government_requests"]["count"] = GovernmentRequest.objects.filter(status=GovernmentRequest.Status.PENDING).count()
    queues["endorsements"]["count"] = Endorsement.objects.filter(status=Endorsement.Status.SUBMITTED).count()
    return {"queues": queues, "total": sum(q["count"] for q in queues.values())}
