"""A mail server that is down delays e-mails; none is lost."""
from datetime import timedelta

import pytest
from django.utils import timezone

from localaction.factories import UserFactory
from localaction.jobs.models import Job
from localaction.jobs.services import run_due
from localaction.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(settings):
    # Nothing listens on the discard port of this machine: connecting is refused at once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return settings


def test_a_failing_mail_server_leaves_the_job_pending_and_the_mail_is_sent_once_it_works(mail_server_down, mailoutbox):
    notification = notify(UserFactory(email="focal@example.org"), "action.published", title="Language classes")
    job = Job.objects.get(payload={"notification_id": notification.pk})

    assert run_due() == (0, 1)
    job.refresh_from_db()
    assert job.status == Job.Status.PENDING
    assert "refused" in job.last_error.lower() or "ConnectionRefusedError" in job.last_error
    assert mailoutbox == []

    # The mail server is back; a few minutes later the worker retries the same job.
    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now() - timedelta(minutes=5))
    assert run_due() == (1, 0)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.attempts == 2 and job.last_error == ""
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["focal@example.org"]
    assert "Language classes" in mailoutbox[0].subject
