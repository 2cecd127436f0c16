"""Reminder e-mails: to each focal point of the lead government, in their language, with a link to the update
form; a mail server failing midway delays the missing e-mails and never repeats the sent ones."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory, MembershipFactory
from localaction.governments.models import Membership
from localaction.jobs.models import Job
from localaction.jobs.services import run_due
from localaction.progress.models import Reminder
from localaction.progress.reminders import queue_reminders

pytestmark = pytest.mark.django_db

DUE = date(2024, 2, 29)


@pytest.fixture
def pledge(personas):
    return ActionFactory(
        government=personas.government_a, kind=Action.Kind.PLEDGE, published=True, last_progress_on=date(2023, 8, 31),
        title_en="Language cafés & more", title_fr="Cafés linguistiques", original_language="en",
    )


@pytest.fixture
def second_focal_point(personas):
    return MembershipFactory(user__email="second@example.org", user__language="fr", government=personas.government_a,
                             role=Membership.Role.FOCAL_POINT).user


def html_of(mail):
    (html, mimetype), = mail.alternatives
    assert mimetype == "text/html"
    return html


def send_all():
    """The worker's passes: the reminder job fans out, then each e-mail job runs."""
    while Job.objects.filter(status=Job.Status.PENDING, run_after__lte=timezone.now()).exists():
        succeeded, failed = run_due()
        if failed:
            return


def test_each_focal_point_of_the_lead_government_gets_the_reminder_once(pledge, second_focal_point, mailoutbox):
    queue_reminders(DUE - timedelta(days=14))
    send_all()
    queue_reminders(DUE - timedelta(days=13))
    send_all()
    # Editors and other governments' members are not focal points of the lead government.
    assert sorted(mail.to[0] for mail in mailoutbox) == ["a@example.org", "second@example.org"]
    reminder = Reminder.objects.get()
    assert reminder.sent_at is not None


def test_the_e_mail_links_to_a_new_update_of_the_pledge_in_the_recipients_language(
    personas, pledge, second_focal_point, mailoutbox, settings
):
    settings.LOCALACTION_BASE_URL = "https://local-action.example"
    queue_reminders(DUE - timedelta(days=14))
    send_all()
    mail = next(mail for mail in mailoutbox if mail.to == ["second@example.org"])
    with translation.override("fr"):
        form = reverse("progress_workspace:new", args=[pledge.public_id])
        reminders_page = reverse("progress_workspace:reminders", args=[personas.government_a.slug])
    assert form.startswith("/fr/")
    assert "Cafés linguistiques" in mail.subject and "29 février 2024" in mail.subject
    assert f"https://local-action.example{form}" in mail.body
    assert f"https://local-action.example{reminders_page}" in mail.body
    html = html_of(mail)
    assert '<html lang="fr">' in html
    assert f'href="https://local-action.example{form}"' in html

    english = next(mail for mail in mailoutbox if mail.to == ["a@example.org"])
    assert "Language cafés & more" in english.subject and "Feb. 29, 2024" in english.subject
    assert "Language cafés & more" in english.body  # plain text is not HTML-escaped
    assert "Language cafés &amp; more" in html_of(english)
    assert reverse("progress_workspace:new", args=[pledge.public_id]) in english.body


def test_the_link_of_the_e_mail_opens_the_update_form_after_signing_in(personas, pledge, client, mailoutbox, settings):
    settings.LOCALACTION_BASE_URL = "https://local-action.example"
    queue_reminders(DUE - timedelta(days=14))
    send_all()
    form = reverse("progress_workspace:new", args=[pledge.public_id])
    response = client.get(form)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(personas.member_a)
    assert client.get(form).status_code == 200


def test_an_overdue_reminder_says_when_the_update_was_due(pledge, mailoutbox):
    queue_reminders(date(2024, 3, 2))
    send_all()
    mail, = mailoutbox
    assert "overdue" in mail.subject
    assert "was due on Feb. 29, 2024" in mail.body


def test_a_forum_reminder_names_the_forum_and_its_date(personas, mailoutbox):
    imrf = CampaignFactory(name_en="IMRF 2026", forum_date=date(2026, 5, 5))
    ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True, campaign=imrf,
                  last_progress_on=date(2026, 3, 1), title_en="Shelter network")
    queue_reminders(date(2026, 4, 20))
    send_all()
    mail, = mailoutbox
    assert "Shelter network" in mail.subject and "IMRF 2026" in mail.subject
    assert "International Migration Review Forum" in mail.body and "May 5, 2026" in mail.body


def test_a_mail_server_failing_midway_sends_only_the_missing_e_mail_on_retry(
    pledge, second_focal_point, mailoutbox, settings
):
    queue_reminders(DUE - timedelta(days=14))
    queue_reminders(DUE - timedelta(days=14))
    assert run_due() == (1, 0)  # the fan-out: one e-mail job per focal point
    assert run_due(limit=1) == (1, 0)  # the first e-mail leaves…
    # …then the mail server goes down: nothing listens on the discard port, the connection is refused.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, False, 5
    assert run_due() == (0, 1)
    assert len(mailoutbox) == 1
    first = mailoutbox[0].to
    assert Reminder.objects.get().sent_at is not None  # it went to someone

    # The daily run comes again, and the worker retries once the server is back.
    queue_reminders(DUE - timedelta(days=13))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Job.objects.filter(status=Job.Status.PENDING).update(run_after=timezone.now() - timedelta(minutes=5))
    send_all()
    assert len(mailoutbox) == 2
    assert mailoutbox[0].to == first
    assert sorted(mail.to[0] for mail in mailoutbox) == ["a@example.org", "second@example.org"]
    assert not Job.objects.exclude(status=Job.Status.DONE).exists()


def test_someone_who_left_the_government_before_the_e_mail_left_gets_nothing(personas, pledge, mailoutbox):
    queue_reminders(DUE - timedelta(days=14))
    run_due()  # fan-out
    Membership.objects.filter(user=personas.member_a).delete()
    run_due()
    assert mailoutbox == []
    assert Reminder.objects.get().sent_at is None
