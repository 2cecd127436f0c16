"""Every form a persona can reach, posted with hostile text: no server error, and every page that shows the
result (the form again with its errors, the page it leads to, every page of the persona, the public pages, the
e-mails sent) shows it escaped — no raw markup, no event handler, no javascript:/data: link.

The forms are found on the pages of the permission matrix (every URL name, with the objects each app makes for
it), so a new form is covered without listing it here.
"""
import pytest
from django.core import mail
from django.test import Client
from django.urls import resolve, reverse

from localaction.actions.editor import STEP_KEYS
from localaction.core.tests.test_permission_matrix import MATRIX, make_objects
from localaction.jobs.services import run_due

from .corpus import LONG, NUL, problems
from .formfill import fill, post_forms, typed_fields

pytestmark = pytest.mark.django_db

SKIPPED_VIEWS = {"accounts:logout", "set_language"}
# editor_a sees the forms of member_a (less of them): left out to keep the run short.
PERSONAS = ("anonymous", "member_a", "reviewer", "fund_manager", "evaluator")


@pytest.fixture
def objects(personas):
    return make_objects(personas)


def pages_for(persona, objects):
    for name, (make_args, expected) in MATRIX.items():
        if expected.get(persona) == 200:
            yield name, reverse(name, args=make_args(objects) if make_args else None)
    if persona in ("member_a", "editor_a"):
        # The matrix names the editor's first step; each step is a form of its own.
        for step in STEP_KEYS:
            yield f"actions_workspace:edit {step}", reverse(
                "actions_workspace:edit", args=[objects["editor_draft"].public_id, step])


# URL names whose pages hold POST forms, per persona and kind of field: found by the first test that looks,
# so later tests of the session visit only those pages.
_FOUND = {}


def pages_with_forms(client, persona, objects, file_fields=False):
    """(name, target, form) for each POST form the persona reaches (with a file input, or with typed fields)."""
    key = (persona, file_fields)
    names = _FOUND.get(key)
    found = set()
    for name, url in pages_for(persona, objects):
        if names is not None and name not in names:
            continue
        for target, form in forms_of(client, url):
            if not file_fields or any(kind == "file" for kind, *_ in form.fields):
                found.add(name)
                yield name, target, form
    _FOUND.setdefault(key, found)


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def check(response, where, failures):
    if response.status_code >= 500:
        failures.append(f"{where}: {response.status_code}")
    elif is_html(response):
        failures.extend(f"{where}: {problem}" for problem in problems(response.content))


def forms_of(client, url):
    response = client.get(url)
    if response.status_code != 200 or not is_html(response):
        return []
    forms = []
    for form in post_forms(response.content.decode()):
        target = form.action or url
        try:
            view = resolve(target.split("?")[0])
        except Exception:  # noqa: BLE001 — an action outside our URLs (none expected) is simply not posted
            continue
        if view.view_name in SKIPPED_VIEWS or any(kind == "password" for kind, *_ in form.fields):
            continue
        if typed_fields(form):
            forms.append((target, form))
    return forms


def post(client, target, data, where, failures):
    try:
        response = client.post(target, data, follow=True)
    except Exception as error:  # noqa: BLE001 — an exception is the 500 a visitor would get
        failures.append(f"{where}: {type(error).__name__}: {error}"[:300])
        return None
    check(response, where, failures)
    return response


@pytest.mark.parametrize("persona", PERSONAS)
def test_hostile_text_in_every_form_is_stored_harmlessly_and_shown_escaped(client_for, objects, persona):
    client = client_for(persona)
    failures, posted, stored = [], 0, 0
    pages = dict(pages_for(persona, objects))
    for name, target, form in list(pages_with_forms(client, persona, objects)):
        response = post(client, target, fill(form), f"POST {name} → {target}", failures)
        if response is not None and not response.redirect_chain:
            # Refused (a code or a link cannot take the text): once more with those fields left valid.
            response = post(client, target, fill(form, keep_values=True), f"POST {name} (kept)", failures)
        posted += 1
        if response is not None and response.redirect_chain:
            stored += 1

    mail.outbox.clear()
    run_due()
    anonymous = Client()
    for name, url in {**pages, **dict(pages_for("anonymous", objects))}.items():
        check(client.get(url) if name in pages else anonymous.get(url), f"GET {name}", failures)
    for message in mail.outbox:
        # Subjects and text bodies are plain text, where the value as given is right; the HTML part is checked.
        for content, mimetype in getattr(message, "alternatives", []):
            failures.extend(f"e-mail {message.subject!r}: {problem}" for problem in problems(content))

    assert not failures, "\n".join(failures)
    if persona != "anonymous":
        assert posted and stored, "no form was posted and stored: the test proves nothing"


@pytest.mark.parametrize(("value", "label"), [(LONG, "long"), (NUL, "nul")])
@pytest.mark.parametrize("persona", ("member_a", "reviewer"))
def test_very_long_and_nul_text_is_refused_or_stored_never_a_server_error(client_for, objects, persona, value,
                                                                           label):
    client = client_for(persona)
    failures = []
    for name, target, form in list(pages_with_forms(client, persona, objects)):
        post(client, target, fill(form, text=value), f"POST {name} ({label})", failures)
    assert not failures, "\n".join(failures)
