"""Shared fixtures: the personas every permission test speaks of, and the browser tests' chromium."""
import os
import shutil
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from localaction.accounts.models import Roles
from localaction.factories import GovernmentFactory, MembershipFactory, UserFactory
from localaction.governments.models import Membership


@dataclass
class Personas:
    """anonymous is None; each other persona is a signed-up user with one role. member_a and member_b are
    focal points of governments A and B; editor_a is an editor of government A."""

    member_a: object
    editor_a: object
    member_b: object
    reviewer: object
    fund_manager: object
    evaluator: object
    admin: object
    government_a: object
    government_b: object

    NAMES = ("anonymous", "member_a", "editor_a", "member_b", "reviewer", "fund_manager", "evaluator", "admin")

    def get(self, name):
        return None if name == "anonymous" else getattr(self, name)


@pytest.fixture(scope="session", autouse=True)
def media_folder_of_this_process(tmp_path_factory):
    """Files stored by tests land in a folder of this test process, so that parallel workers (CI runs pytest -n 2)
    never see each other's uploads. Tests that need an empty folder still point MEDIA_ROOT at their tmp_path."""
    from django.conf import settings as django_settings

    django_settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture
def personas(db):
    government_a = GovernmentFactory(name="Government A", slug="government-a")
    government_b = GovernmentFactory(name="Government B", slug="government-b")

    def with_role(email, role):
        user = UserFactory(email=email)
        user.groups.add(Group.objects.get(name=role))
        return user

    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    return Personas(
        member_a=MembershipFactory(user__email="a@example.org", government=government_a, role=Membership.Role.FOCAL_POINT).user,
        editor_a=MembershipFactory(user__email="editor-a@example.org", government=government_a, role=Membership.Role.EDITOR).user,
        member_b=MembershipFactory(user__email="b@example.org", government=government_b, role=Membership.Role.FOCAL_POINT).user,
        reviewer=with_role("reviewer@example.org", Roles.REVIEWER),
        fund_manager=with_role("fund@example.org", Roles.FUND_MANAGER),
        evaluator=with_role("evaluator@example.org", Roles.EVALUATOR),
        admin=admin,
        government_a=government_a,
        government_b=government_b,
    )


@pytest.fixture
def client_for(client, personas):
    """client_for("reviewer") → the test client signed in as that persona (anonymous: signed out)."""

    def sign_in(name):
        user = personas.get(name)
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def english_by_default():
    """reverse() in tests gives /en/ URLs unless a test asks otherwise; requests leave their language active."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def api_rate_limits_off(settings):
    """The API counts requests per client address across tests (all come from 127.0.0.1): without this, a long
    run would start getting 429s. Tests of the limits set their own rates."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}


@pytest.fixture(autouse=True)
def forced_sign_ins_pass_the_second_factor(monkeypatch):
    """client.force_login() skips the password, so it skips the second factor too: privileged users signed in
    that way (client_for, or a test's own force_login) reach the back office as after entering a code. Tests of
    the second factor sign in through the login page instead."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from localaction.accounts.services import requires_two_factor

    force_login = Client.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        if requires_two_factor(user):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_verified)


@pytest.fixture(autouse=True)
def public_form_guards_off(settings):
    """Like the API limits: the sign-up and search limits per address and the minimum time before a public form
    may be sent would trip tests that post forms at once from 127.0.0.1. Tests of these guards set their own values."""
    settings.LOCALACTION_SIGNUPS_PER_HOUR = None
    settings.LOCALACTION_FORM_MIN_SECONDS = 0
    settings.SEARCH_RATE_PER_MINUTE = 0


@pytest.fixture(autouse=True)
def archive_folder(settings, tmp_path):
    """Archives built during a test (`manage.py periodic` enqueues one) go to the test's own folder, never to
    var/archive."""
    settings.LOCALACTION_ARCHIVE_DIR = tmp_path / "archive"


# ------------------------------------------------------------------------------------------------ the browser
# Here rather than in tests/browser/conftest.py: the browser tests and the page-quality suite (tests/quality) run
# in one session in CI, and Playwright's sync API can be started only once per process, so both folders share
# this one chromium.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path():
    return shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless chromium for the whole session; each test opens its own context (cookies, settings).

    While Playwright's sync API is started, the main thread looks like it runs an asyncio loop, and Django's
    connection handler (an asgiref Local) then hands out other connection objects than before. The test
    database is therefore created first (django_db_setup), and the serialized copy of its reference data that
    serialized rollback restores is handed over to the new connection objects; those are closed before
    Playwright stops, so that the test database can be dropped at the end.
    """
    executable = chromium_path()
    if executable is None:
        message = "chromium not installed (apt-get install chromium): browser tests need Debian's chromium"
        if os.environ.get("LOCALACTION_REQUIRE_BROWSER") == "1":
            pytest.fail(message + ", and LOCALACTION_REQUIRE_BROWSER=1", pytrace=False)
        pytest.skip(message)

    from django.db import connections
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    before = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    try:
        for alias, connection in before.items():
            if connections[alias] is not connection and hasattr(connection, "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = connection._test_serialized_contents
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        connections.close_all()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
