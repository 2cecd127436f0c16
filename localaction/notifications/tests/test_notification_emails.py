"""Every notice reaches its recipient by e-mail in the recipient's language: subject, text and HTML."""
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from localaction.factories import UserFactory
from localaction.jobs.services import run_due
from localaction.notifications.messages import MESSAGES, render_message
from localaction.notifications.services import notify

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")


def placeholders(verb):
    with translation.override("en"):
        return re.findall(r"%\((\w+)\)s", str(MESSAGES[verb]))


def sample_context(verb):
    return {name: f"<{name} & sample>" for name in placeholders(verb)}


def html_of(mail):
    (html, mimetype), = mail.alternatives
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("verb", sorted(MESSAGES))
def test_every_notice_is_mailed_in_the_recipients_language(verb, language, mailoutbox, settings):
    settings.LOCALACTION_BASE_URL = "https://local-action.example"
    user = UserFactory(email=f"{language}@example.org", full_name="Amina Diallo", language=language)
    context = sample_context(verb)
    # The service that notified ran in English (its user's language); the recipient reads theirs.
    notify(user, verb, url=reverse("core:about"), **context)
    assert run_due() == (1, 0)

    with translation.override(language):
        message = str(MESSAGES[verb]) % context
        subject = " ".join((gettext("Local Action: %(message)s") % {"message": message}).split())
        link = reverse("core:about")
        workspace = reverse("workspace:home")
    mail, = mailoutbox
    assert mail.to == [f"{language}@example.org"]
    assert mail.subject == (subject if len(subject) <= 150 else subject[:149].rstrip() + "…")
    assert message in mail.body  # plain text is not HTML-escaped
    assert link in mail.body and link.startswith(f"/{language}/")
    html = html_of(mail)
    assert f'<html lang="{language}">' in html
    assert "&lt;" in html and "<title" in html and "</html>" in html
    assert f'href="https://local-action.example{link}"' in html
    # The footer says why the mail came and links to the workspace, in the recipient's language too.
    assert f'href="https://local-action.example{workspace}"' in html
    assert f"https://local-action.example{workspace}" in mail.body


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("verb", sorted(MESSAGES))
def test_a_notice_renders_even_when_its_context_lacks_keys(verb, language):
    with translation.override(language):
        assert isinstance(render_message(verb, {}), str)
        assert isinstance(render_message(verb, None), str)
        assert isinstance(render_message(verb, ["not", "a", "mapping"]), str)
        text = render_message(verb, {"unexpected": "value"})
    if placeholders(verb):
        assert "…" in text and "%(" not in text


def test_an_unknown_verb_shows_the_verb_itself():
    assert render_message("something.new", {"title": "x"}) == "something.new"


def test_a_long_note_makes_a_short_subject_and_keeps_the_whole_note_in_the_body(mailoutbox):
    note = "Please add indicators. " * 30
    notify(UserFactory(), "action.changes_requested", title="Housing", note=note)
    run_due()
    mail, = mailoutbox
    assert len(mail.subject) <= 150 and mail.subject.endswith("…")
    assert note.strip() in " ".join(mail.body.split())


def test_an_inactive_user_gets_no_notice():
    assert notify(UserFactory(is_active=False), "action.published", title="x") is None
