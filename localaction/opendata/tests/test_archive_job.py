"""The periodic job keeps the latest archive: `manage.py periodic` enqueues it once a day, the worker builds it."""
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command

from localaction.factories import ActionFactory
from localaction.jobs import services as jobs
from localaction.jobs.models import Job
from localaction.opendata import archive

pytestmark = pytest.mark.django_db

KIND = "localaction.opendata.tasks.build_archive"


def test_periodic_enqueues_one_archive_job_a_day_and_the_worker_builds_it():
    action = ActionFactory(published=True)
    call_command("periodic", stdout=StringIO())
    call_command("periodic", stdout=StringIO())

    assert Job.objects.filter(kind=KIND).count() == 1
    jobs.run_due()

    assert Job.objects.get(kind=KIND).status == Job.Status.DONE
    latest = archive.latest()
    assert latest is not None and latest.resources["actions"] == 1
    with zipfile.ZipFile(latest.path) as packed:
        (actions,) = [name for name in packed.namelist() if name.endswith("/data/actions.csv")]
        assert action.public_id in packed.read(actions).decode()


def test_the_job_adds_no_archive_when_nothing_changed():
    ActionFactory(published=True)
    jobs.enqueue(KIND, unique_key="first")
    jobs.enqueue(KIND, unique_key="second")

    assert jobs.run_due() == (2, 0)
    assert len(archive.archives()) == 1
