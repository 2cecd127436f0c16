"""The Content-Security-Policy in a real browser: a representative page of every kind loads, runs its scripts and
draws its charts and map without the browser blocking anything (no `securitypolicyviolation` event, no CSP or
Permissions-Policy message on the console), for visitors, a focal point in the editor and an administrator.

The listener is added with add_init_script, which the browser runs outside the page's policy; the pages
themselves carry no inline code.
"""
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from localaction.actions.models import Action
from localaction.events.tests.factories import EventFactory
from localaction.factories import ActionFactory, MembershipFactory, UserFactory
from localaction.resources.tests.factories import ResourceFactory

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " +
    (event.sourceFile || location.href) + ":" + event.lineNumber);
});
"""
CONSOLE_WORDS = ("content security policy", "content-security-policy", "permissions-policy", "permissions policy")


class ViolationLog:
    """Every page a test opens, with what the browser refused on it."""

    def __init__(self, context):
        self.found = []
        context.add_init_script(LISTEN)
        context.on("console", self._console)

    def _console(self, message):
        if any(word in message.text.lower() for word in CONSOLE_WORDS):
            self.found.append(f"console: {message.text}")

    def visit(self, page, url):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        self.collect(page)
        return response

    def collect(self, page):
        self.found.extend(f"{page.url}: {text}" for text in page.evaluate("window.__violations || []"))

    def assert_none(self):
        assert not self.found, "the browser blocked:\n" + "\n".join(self.found)


def signed_in(new_context, live_server, user, verified=False):
    """A browser context with the session of `user` (and, for a privileged user, a passed second factor)."""
    client = Client()
    client.force_login(user)
    if verified:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    context = new_context()
    context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])
    return context


@pytest.fixture
def more(catalog):
    event = EventFactory(title_en="Peer exchange on housing")
    ResourceFactory(title_en="A guide to welcome desks")
    member = UserFactory(email="focal@example.org")
    MembershipFactory(user=member, government=catalog["government"])
    draft = ActionFactory(government=catalog["government"], title_en="A draft in the editor")
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    return {"event": event, "member": member, "draft": draft, "admin": admin}


def test_public_pages_load_everything_they_need_under_the_policy(new_context, catalog, more):
    context = new_context()
    log = ViolationLog(context)
    page = context.new_page()
    government = catalog["government"]
    for url in (
        reverse("core:home"), reverse("actions:list"), catalog["pledge"].get_absolute_url(),
        government.get_absolute_url(), reverse("insights:index"), reverse("insights:gaps"), reverse("insights:map"),
        reverse("events:list"), more["event"].get_absolute_url(), reverse("resources:list"), reverse("fund:index"),
        reverse("accounts:login"), reverse("api_docs:index"), reverse("opendata:index"),
        reverse("sharing:government_widget", args=[government.slug]),
    ):
        log.visit(page, url)
    log.assert_none()

    # The styles did apply (a blocked stylesheet would leave the map unstyled): the map fills its column.
    log.visit(page, reverse("insights:map"))
    assert page.locator("svg.world-map").evaluate("svg => getComputedStyle(svg).display") == "block"

    # The catalog's script fetches results (connect-src) and swaps them in.
    log.visit(page, reverse("actions:list"))
    with page.expect_response(lambda response: "q=caf" in response.url):
        page.locator("#id_q").fill("caf")
    expect(page.get_by_role("link", name="Neighbourhood language cafés")).to_be_visible()
    log.collect(page)
    log.assert_none()


def test_another_site_may_frame_the_widget_but_not_a_page(new_context, live_server, catalog):
    context = new_context()
    log = ViolationLog(context)
    page = context.new_page()
    widget = live_server.url + reverse("sharing:government_widget", args=[catalog["government"].slug])
    home = live_server.url + reverse("core:home")
    page.set_content(
        f'<!DOCTYPE html><html lang="en"><title>A city site</title><iframe id="widget" src="{widget}" title="Widget">'
        f'</iframe><iframe id="home" src="{home}" title="Home"></iframe></html>'
    )
    expect(page.frame_locator("#widget").get_by_role("link", name="Welcome desks in every town hall")).to_be_visible()
    # The home page refuses to be framed: the browser leaves its frame empty (set_content waited for both frames'
    # load events) and says why on the console.
    expect(page.frame_locator("#home").locator(".site-header")).to_have_count(0)
    log.collect(page)
    framed = [text for text in log.found if "frame-ancestors" in text or "X-Frame-Options" in text]
    assert framed and log.found == framed, log.found


def test_the_editor_and_the_admin_work_under_the_policy(new_context, live_server, catalog, more):
    member = signed_in(new_context, live_server, more["member"])
    log = ViolationLog(member)
    page = member.new_page()
    draft = more["draft"]
    page.goto(reverse("actions_workspace:resume", args=[draft.public_id]))
    assert "/edit/" in page.url, page.url
    expect(page.locator("main form[method=post]").first).to_be_visible()
    log.collect(page)
    log.visit(page, reverse("workspace:home"))
    log.assert_none()

    admin = signed_in(new_context, live_server, more["admin"], verified=True)
    log = ViolationLog(admin)
    page = admin.new_page()
    for url in (
        reverse("admin:index"), reverse("admin:actions_action_changelist"),
        reverse("admin:actions_action_change", args=[catalog["pledge"].pk]), reverse("admin:actions_action_add"),
    ):
        log.visit(page, url)
        assert "/admin/login/" not in page.url and "two-factor" not in page.url, page.url
    expect(page.locator("#content")).to_be_visible()
    log.assert_none()
    assert Action.objects.filter(pk=catalog["pledge"].pk).exists()

