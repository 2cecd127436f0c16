"""`GET /health/` for the reverse proxy and monitoring: is the database answering, is the job runner keeping up.

One query, no personal data, never cached. 503 when the database is unreachable or the oldest due job has waited
longer than LOCALACTION_HEALTH_MAX_JOB_DELAY seconds (the worker is stopped or stuck).
"""
import logging
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from localaction.jobs.models import Job

logger = logging.getLogger(__name__)

# Jobs that failed for good within this window are reported (they wait for someone to retry them from the admin).
FAILED_WINDOW = timedelta(days=1)


def job_figures(now):
    """Seconds the oldest due job has waited (0 when none is due) and the jobs that failed for good lately."""
    figures = Job.objects.aggregate(
        oldest_due=Min("run_after", filter=Q(status=Job.Status.PENDING, run_after__lte=now)),
        failed_recent=Count("pk", filter=Q(status=Job.Status.FAILED, finished_at__gte=now - FAILED_WINDOW)),
    )
    oldest = figures["oldest_due"]
    waited = max(int((now - oldest).total_seconds()), 0) if oldest else 0
    return waited, figures["failed_recent"]


@never_cache
@require_safe
def health(request):
    try:
        waited, failed_recent = job_figures(timezone.now())
    except DatabaseError:
        logger.exception("health check: the database is unreachable")
        return JsonResponse({"database": "unavailable", "jobs": {"status": "unknown"}}, status=503)
    stuck = waited > settings.LOCALACTION_HEALTH_MAX_JOB_DELAY
    jobs = {"status": "stuck" if stuck else "ok", "oldest_due_seconds": waited, "failed_recent": failed_recent}
    return JsonResponse({"database": "ok", "jobs": jobs}, status=503 if stuck else 200)
