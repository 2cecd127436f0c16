"""GET /health/: database and job runner in one cheap, impersonal answer for the proxy and monitoring."""
import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from localaction.jobs.models import Job

pytestmark = pytest.mark.django_db

TASK = "localaction.notifications.tasks.send_notification_email"


def due_job(waited_seconds, **fields):
    return Job.objects.create(kind=TASK, run_after=timezone.now() - timedelta(seconds=waited_seconds), **fields)


def test_it_reports_ok_outside_the_language_prefix(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/health/")

    assert reverse("health") == "/health/"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {"database": "ok", "jobs": {"status": "ok", "oldest_due_seconds": 0, "failed_recent": 0}}
    assert len(queries) == 1


def test_it_reports_how_long_the_oldest_due_job_has_waited_and_recent_failures(client):
    due_job(120)
    due_job(30)
    due_job(-600)  # not due yet
    due_job(5000, status=Job.Status.DONE)
    due_job(0, status=Job.Status.FAILED, finished_at=timezone.now() - timedelta(hours=2))
    due_job(0, status=Job.Status.FAILED, finished_at=timezone.now() - timedelta(days=3))

    jobs = client.get(reverse("health")).json()["jobs"]

    assert jobs["status"] == "ok"
    assert 120 <= jobs["oldest_due_seconds"] < 180
    assert jobs["failed_recent"] == 1


def test_it_answers_503_when_the_job_runner_is_stuck(client, settings):
    settings.LOCALACTION_HEALTH_MAX_JOB_DELAY = 300
    due_job(301)

    response = client.get(reverse("health"))

    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["jobs"]["status"] == "stuck"


def test_it_answers_503_when_the_database_is_unreachable():
    """A real outage: a process configured for a PostgreSQL server that does not listen."""
    script = (
        "import django; django.setup(); from django.test import RequestFactory; "
        "from localaction.core.health import health; r = health(RequestFactory().get('/health/')); "
        "print(r.status_code, r.content.decode())"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "localaction.settings",
                   "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nowhere", "PGCONNECT_TIMEOUT": "2"}
    result = subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, env=environment,
                            capture_output=True, text=True, timeout=60)

    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"database": "unavailable", "jobs": {"status": "unknown"}}


def test_it_says_nothing_personal(client, personas):
    due_job(10, payload={"email": personas.member_a.email})

    body = client.get(reverse("health")).content.decode()

    assert personas.member_a.email not in body and "@" not in body


def test_post_is_not_allowed(client):
    assert client.post(reverse("health")).status_code == 405


def test_every_response_carries_a_request_id_and_keeps_the_proxys(client):
    assert len(client.get(reverse("health"))["X-Request-ID"]) == 32
    assert client.get(reverse("health"), HTTP_X_REQUEST_ID="nginx-42")["X-Request-ID"] == "nginx-42"
    assert client.get(reverse("health"), HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"
