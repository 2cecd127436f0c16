"""Every URL name × every persona → the expected status.

The list of URL names comes from the URL configuration itself: a new URL without an entry here fails
`test_every_url_name_has_an_entry`, so nobody adds a page without saying who may see it.
"""
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse

from localaction.factories import ActionFactory

from .matrix import PERSONAS, PUBLIC, everyone, signed_in

pytestmark = pytest.mark.django_db

# name → (function(objects) -> reverse args, expected statuses). Other apps add theirs in <app>/tests/permissions.py.
PUBLIC_PAGES = {
    "core:home": (None, PUBLIC),
    "core:about": (None, PUBLIC),
    "actions:list": (None, PUBLIC),
    "actions:detail": (lambda o: [o["action"].public_id, o["action"].slug], PUBLIC),
    "actions:detail_short": (lambda o: [o["action"].public_id], everyone(301)),
    "actions:document": (lambda o: [o["action"].public_id, o["document"].pk], PUBLIC),
    "governments:list": (None, PUBLIC),
    "governments:detail": (lambda o: [o["action"].government.slug], PUBLIC),
    "taxonomy:gcm_index": (None, PUBLIC),
    "taxonomy:gcm_objective": (lambda o: [16], PUBLIC),
    "taxonomy:gcr_index": (None, PUBLIC),
    "taxonomy:gcr_objective": (lambda o: [1], PUBLIC),
    "taxonomy:gcr_area": (lambda o: ["education"], PUBLIC),
    "taxonomy:sdg_index": (None, PUBLIC),
    "taxonomy:sdg": (lambda o: [10], PUBLIC),
    "accounts:login": (None, PUBLIC),
    "accounts:logout": (None, everyone(405)),  # POST only
    "accounts:password_change": (None, signed_in(200)),
    "accounts:password_change_done": (None, signed_in(200)),
    "accounts:password_reset": (None, PUBLIC),
    "accounts:password_reset_done": (None, PUBLIC),
    "accounts:password_reset_confirm": (lambda o: ["MQ", "set-password"], PUBLIC),
    "accounts:password_reset_complete": (None, PUBLIC),
}


def collect():
    """The public pages above plus every app's ENTRIES, and the functions that make their objects."""
    matrix, makers = dict(PUBLIC_PAGES), []
    for config in apps.get_app_configs():
        if not config.name.startswith("localaction."):
            continue
        try:
            module = import_module(f"{config.name}.tests.permissions")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.tests.permissions":
                raise
            continue
        duplicated = matrix.keys() & module.ENTRIES.keys()
        assert not duplicated, f"URL names listed twice: {duplicated}"
        matrix.update(module.ENTRIES)
        if hasattr(module, "make_objects"):
            makers.append(module.make_objects)
    return matrix, makers


MATRIX, OBJECT_MAKERS = collect()

# Django's admin guards itself (staff only); its URLs are checked as a group below.
NAMESPACES_CHECKED_AS_A_GROUP = {"admin"}
ADMIN_OPEN = {"admin:login", "admin:logout", "admin:autocomplete"}  # the admin's own sign-in and helpers


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def make_objects(personas):
    """One object of each kind the matrix's URLs take (a published action and its document, then each app's
    makers); the page-quality suite and the hostile-input tests visit the same objects."""
    action = ActionFactory(published=True, gcm_objectives=[16])
    document = action.documents.create(title="Report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 test"))
    made = {"action": action, "document": document}
    for make in OBJECT_MAKERS:
        made.update(make(personas))
    return made


@pytest.fixture
def objects(settings, tmp_path, personas):
    settings.MEDIA_ROOT = tmp_path
    return make_objects(personas)


def test_every_url_name_has_an_entry():
    names = {name for name, _ in url_names() if name.split(":")[0] not in NAMESPACES_CHECKED_AS_A_GROUP}
    missing = sorted(names - MATRIX.keys())
    assert not missing, f"add these URL names to the permission matrix: {missing}"
    assert not sorted(MATRIX.keys() - names), "the matrix names URLs that no longer exist"


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_status_everywhere(client_for, objects, persona):
    client = client_for(persona)
    failures = []
    for name, (make_args, expected) in MATRIX.items():
        url = reverse(name, args=make_args(objects) if make_args else None)
        status = client.get(url).status_code
        if status != expected[persona]:
            failures.append(f"{name} ({url}): {status}, expected {expected[persona]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_admin_is_for_staff_only(client_for, persona):
    client = client_for(persona)
    expected = 200 if persona == "admin" else 302
    failures = []
    for name, pattern in url_names():
        if not name.startswith("admin:") or pattern.pattern.regex.groups or name in ADMIN_OPEN:
            continue
        status = client.get(reverse(name)).status_code
        # The admin answers 302 (to its login) for anyone who is not staff; some views redirect staff too.
        # Staff may still be refused a screen on purpose (the activity log cannot be written by hand): 403.
        if (expected == 302 and status != 302) or (expected == 200 and status not in (200, 302, 403)):
            failures.append(f"{name}: {status}")
    assert not failures, "\n".join(failures)
