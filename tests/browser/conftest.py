"""End-to-end tests in a real browser: Debian's chromium driven by Playwright's sync API.

Playwright never downloads a browser here: it launches the system chromium. Where chromium is missing the tests
are skipped, unless LOCALACTION_REQUIRE_BROWSER=1 (CI), where that is a failure.

The pages are served by pytest-django's live_server, so the data has to be committed (transactional_db); the
reference data that migrations load (countries, objectives…) is restored before each test by serialized
rollback, since the flush after a transactional test empties every table.
"""
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

BROWSER_DIR = Path(__file__).resolve().parent
# Short: a page of this site loads in milliseconds, and a failing expectation should not hang the suite.
TIMEOUT_MS = 10_000


def in_this_folder(item):
    return BROWSER_DIR in Path(str(item.path)).resolve().parents


def pytest_itemcollected(item):
    """Every test of this folder is a `browser` test (before -m selects)."""
    if in_this_folder(item):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the browser tests last (after pytest-django has put the transactional tests after the others).

    Last, because Playwright's sync API marks an asyncio loop as running in the main thread while it is started
    (Django then refuses sync database access unless DJANGO_ALLOW_ASYNC_UNSAFE is set), and because each
    transactional test ends with a flush that would leave an empty database to a test that came after it.
    """
    items[:] = [item for item in items if not in_this_folder(item)] + [item for item in items if in_this_folder(item)]


@pytest.fixture
def new_context(browser, live_server):
    """new_context(**options) → a fresh browser context on the live server; all are closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", live_server.url)
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def catalog(transactional_db, django_db_serialized_rollback, live_server, settings):
    """A small but representative catalog, committed so that the live server sees it.

    Two governments (one of them demo data, so the demo banner and tag are on the pages), practices and pledges,
    one action written in Spanish with no English or French title, Compact and SDG mappings, a partner, an
    indicator, and a page size small enough for the list to have a second page.
    """
    from localaction.actions.models import Action
    from localaction.factories import ActionFactory, GovernmentFactory
    from localaction.taxonomy.models import Country, Term, Vocabulary

    settings.LOCALACTION_PAGE_SIZE = 3
    cache.clear()  # the demo-mode flag is cached

    villeneuve = GovernmentFactory(
        name="Villeneuve", slug="villeneuve", population=52000, website="https://villeneuve.example"
    )
    ciudad = GovernmentFactory(
        name="Ciudad Ejemplo", slug="ciudad-ejemplo", country=Country.objects.get(code="ES"), is_demo=True
    )
    now = timezone.now()

    practice = ActionFactory(
        published=True, published_at=now - timedelta(days=4), government=villeneuve, gcm_objectives=[16],
        title_en="Welcome desks in every town hall", title_fr="Guichets d’accueil dans chaque mairie",
        summary_en="Newcomers find information and services in one place.",
        description_en="Staff trained in intercultural mediation answer questions in twelve languages.",
        start_date=date(2022, 1, 1), reviewed_at=now,
    )
    practice.gcr_areas.add("education")
    practice.sdgs.add(10)
    practice.terms.add(Term.objects.get(vocabulary_id=Vocabulary.THEMES, key="education"))

    pledge = ActionFactory(
        published=True, published_at=now - timedelta(days=3), government=villeneuve, kind=Action.Kind.PLEDGE,
        stage=Action.Stage.IN_PROGRESS, gcm_objectives=[5, 16], title_en="Neighbourhood language cafés",
        summary_en="Volunteers meet newcomers every week to practise the language.", goals_en="Reach 500 people.",
        budget=120000, currency="EUR", start_date=date(2025, 1, 1), end_date=date(2027, 12, 31),
        partnership_sought="Universities with language departments",
    )
    pledge.gcr_areas.add("education")
    pledge.sdgs.add(4, 10)
    pledge.partners.create(name="Refugee Welcome Network", kind="migrant_led")
    pledge.indicators.create(
        name="People taking part", unit="people", baseline=0, target=500, target_date=date(2027, 12, 31)
    )
    pledge.links.create(url="https://example.org/language-cafes", title="Programme page")

    ActionFactory(
        published=True, published_at=now - timedelta(days=2), government=ciudad, kind=Action.Kind.PLEDGE,
        gcm_objectives=[15], title_en="Health mediators for newcomers",
        summary_en="Mediators accompany families to clinics.",
    )
    ActionFactory(  # never shown: not published
        government=villeneuve, title_en="A draft that nobody sees",
    )
    spanish = ActionFactory(
        published=True, published_at=now - timedelta(days=1), government=ciudad, original_language="es",
        title_en="", title_es="Huertos urbanos compartidos", summary_en="",
        summary_es="Vecinos y recién llegados cultivan juntos parcelas municipales.", gcm_objectives=[16],
    )
    spanish.sdgs.add(2)
    yield {"practice": practice, "pledge": pledge, "spanish": spanish, "government": villeneuve}
    cache.clear()


AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


class AxeAudit:
    """Runs axe-core on pages as a test goes along and keeps what it finds, so that the test can walk on and report
    every violation of every page at the end (a page seen in the middle of a workflow cannot be reopened later)."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.report = {}

    def check(self, page, where):
        """Audits the page as it is now, under the name `where` (the page's address is added)."""
        self.report[f"{where} ({page.url})"] = self.axe.run(page, options=AXE_OPTIONS).response["violations"]

    def assert_no_violations(self):
        found = {where: violations for where, violations in self.report.items() if violations}
        if not found:
            return
        lines = []
        for where, violations in found.items():
            lines.append(f"\n{where}:")
            for violation in violations:
                lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
                lines.append(f"    {violation['helpUrl']}")
                for node in violation["nodes"]:
                    target = " ".join(str(part) for part in node["target"])
                    summary = (node.get("failureSummary") or "").replace("\n", "\n        ")
                    lines.append(f"    - {target}\n        {node['html'][:200]}\n        {summary}")
        count = sum(len(violations) for violations in found.values())
        pytest.fail(f"{count} axe violation(s) on {len(found)} page(s):" + "\n".join(lines), pytrace=False)


@pytest.fixture
def axe_audit():
    """axe_audit.check(page, "where") during the test, then axe_audit.assert_no_violations() at its end."""
    return AxeAudit()

