"""The reviewers' daily digest: what waits, in the reviewer's language, only when something waits."""
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.translation import ngettext

from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory, UserFactory
from localaction.governments.models import GovernmentRequest
from localaction.jobs.services import run_due
from localaction.notifications.tasks import queue_reviewer_digests, send_reviewer_digest
from localaction.workspace.queues import QUEUE_LABELS

pytestmark = pytest.mark.django_db


def reviewer_speaking(language):
    user = UserFactory(email=f"reviewer-{language}@example.org", language=language)
    user.groups.add(Group.objects.get(name=Roles.REVIEWER))
    return user


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_digest_is_in_the_reviewers_language(language, mailoutbox, settings):
    settings.LOCALACTION_BASE_URL = "https://local-action.example"
    reviewer = reviewer_speaking(language)
    ActionFactory.create_batch(2, status=Action.Status.SUBMITTED, submitted_at=timezone.now())
    GovernmentRequest.objects.create(
        user=UserFactory(), government=GovernmentFactory(verified=False), kind=GovernmentRequest.Kind.REGISTER,
        position="Mayor",
    )

    send_reviewer_digest(reviewer.pk)

    mail, = mailoutbox
    with translation.override(language):
        expected_subject = ngettext(
            "Local Action: %(counter)s item waits for review", "Local Action: %(counter)s items wait for review", 3
        ) % {"counter": 3}
        new_actions = str(QUEUE_LABELS["new_actions"])
        requests = str(QUEUE_LABELS["government_requests"])
        endorsements = str(QUEUE_LABELS["endorsements"])
    assert mail.to == [reviewer.email]
    assert mail.subject == expected_subject
    (html, _mimetype), = mail.alternatives
    assert f'<html lang="{language}">' in html
    assert f"{new_actions}: 2" in mail.body and f"{requests}: 1" in mail.body
    assert endorsements not in mail.body  # empty queues are left out
    assert f"https://local-action.example/{language}/workspace/" in html


def test_nothing_is_sent_when_nothing_waits(mailoutbox):
    reviewer = reviewer_speaking("fr")
    ActionFactory(published=True)
    ActionFactory(status=Action.Status.DRAFT)
    send_reviewer_digest(reviewer.pk)
    assert mailoutbox == []


def test_someone_who_is_no_longer_a_reviewer_gets_no_digest(mailoutbox):
    former = reviewer_speaking("en")
    ActionFactory(status=Action.Status.SUBMITTED, submitted_at=timezone.now())
    queue_reviewer_digests("2026-01-05")
    former.groups.clear()
    run_due()
    assert mailoutbox == []
