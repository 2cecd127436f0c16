"""A reminder brings a pledge's progress update, in a real browser and in Spanish: the focal point of an overdue
pledge follows the link in the reminder e-mail, signs in, writes the update in Spanish and submits it; a reviewer
publishes it; the public page then shows it in the timeline and the pledge is no longer overdue.

As in test_review_workflow.py, the test names no interface word: it finds elements by name, id or form action
(reverse() in Spanish) and computes the texts it looks for with gettext in Spanish. Only what the focal point
types is written out.
"""
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from localaction import factories
from localaction.accounts.models import Roles
from localaction.accounts.tests.browser_helpers import complete_second_factor
from localaction.actions.models import Action
from localaction.governments.models import Membership
from localaction.jobs.services import run_due
from localaction.progress import schedule
from localaction.progress.models import ProgressUpdate, Reminder
from localaction.progress.reminders import queue_reminders
from localaction.progress.tests.factories import published_pledge
from localaction.taxonomy.models import Term

LANGUAGE = "es"
TITLE = "Cafés de idiomas en los barrios"
NARRATIVE = "Abrimos tres cafés de idiomas en los centros cívicos; cuarenta voluntarios recibieron formación."
INDICATOR_VALUE = "120"
PEOPLE_REACHED = "85"


def url(name, *args):
    with translation.override(LANGUAGE):
        return reverse(name, args=args)


def text(message):
    """An interface text as the Spanish pages show it (whatever the state of the catalog)."""
    with translation.override(LANGUAGE):
        return str(gettext(message))


def at(path):
    """The page's address is `path` on the live server (no query string)."""
    return re.compile(r"^https?://[^/]+" + re.escape(path) + "$")


@pytest.fixture
def overdue_pledge(transactional_db, django_db_serialized_rollback, live_server, settings):
    """A verified government with a Spanish-speaking focal point, a reviewer, and a pledge published eight months
    ago with no update since (six-month rhythm: overdue), committed for the live server."""
    settings.LOCALACTION_BASE_URL = live_server.url  # the e-mail's links lead to the live server
    government = factories.GovernmentFactory(name="Ciudad Ejemplo", slug="ciudad-ejemplo", verified=True)
    focal_point = factories.MembershipFactory(
        user__email="lucia@ciudad.example", user__full_name="Lucía García", user__language=LANGUAGE,
        government=government, role=Membership.Role.FOCAL_POINT,
    ).user
    reviewer = factories.UserFactory(email="reviewer@call.example", full_name="Rita Reviewer")
    reviewer.groups.add(Group.objects.get(name=Roles.REVIEWER))
    published_at = timezone.now() - timedelta(days=245)
    pledge = published_pledge(
        government, title_en="", title_es=TITLE, original_language=LANGUAGE, stage=Action.Stage.PLANNING,
        published_at=published_at,
    )
    pledge.last_progress_on = None  # reporting counts from publication
    pledge.save(update_fields=["last_progress_on"])
    assert schedule.status(pledge, timezone.localdate()) == schedule.OVERDUE
    return {"government": government, "focal_point": focal_point, "reviewer": reviewer, "pledge": pledge}


def sign_out_button(page):
    return page.locator(f'xpath=//header//form[@action="{url("accounts:logout")}"]//button')


def sign_in_here(page, user):
    """Fill the sign-in form of the page that is open (the one a protected link led to)."""
    form = page.locator("main form")
    form.locator('input[name="username"]').fill(user.email)
    form.locator('input[name="password"]').fill(factories.PASSWORD)
    form.locator('button[type="submit"]').click()
    complete_second_factor(page, user)
    expect(sign_out_button(page)).to_be_visible()


def sign_out(page):
    sign_out_button(page).click()
    expect(sign_out_button(page)).to_have_count(0)


def test_a_spanish_focal_point_follows_a_reminder_and_a_published_update_ends_the_overdue_status(
    overdue_pledge, new_context, live_server, axe_audit
):
    pledge, focal_point, reviewer = overdue_pledge["pledge"], overdue_pledge["focal_point"], overdue_pledge["reviewer"]

    # The daily run queues an overdue reminder; the jobs fan it out and send the e-mail.
    created = queue_reminders(timezone.localdate())
    assert [(reminder.action_id, reminder.kind) for reminder in created] == [(pledge.pk, Reminder.Kind.OVERDUE)]
    run_due()  # send_reminder: one e-mail job per focal point
    run_due()  # send_reminder_email
    assert [message.to for message in mail.outbox] == [[focal_point.email]]
    form_path = url("progress_workspace:new", pledge.public_id)
    link = live_server.url + form_path
    assert link in mail.outbox[0].body

    # Before: the public page says the update is overdue.
    public_path = url("actions:detail", pledge.public_id, pledge.slug)
    visitor = new_context(locale="es-ES").new_page()
    visitor.goto(public_path)
    with translation.override(LANGUAGE):
        on_time, overdue = str(schedule.STATUS_LABELS[schedule.ON_TIME]), str(schedule.STATUS_LABELS[schedule.OVERDUE])
    expect(visitor.locator(".due-badge")).to_have_class(re.compile(r"\bdue-badge-" + schedule.OVERDUE + r"\b"))
    expect(visitor.locator(".due-badge .tag")).to_have_text(text("Overdue"))
    expect(visitor.locator("section.progress-timeline")).to_have_count(0)

    # The link asks to sign in, then leads to the pre-filled form in Spanish.
    page = new_context(locale="es-ES").new_page()
    page.goto(link)
    expect(page).not_to_have_url(at(form_path))
    sign_in_here(page, focal_point)
    expect(page).to_have_url(at(form_path))
    expect(page.locator("html")).to_have_attribute("lang", LANGUAGE)
    form = page.locator("form.editor-form")
    expect(form.locator(f'input[name="stage"][value="{Action.Stage.PLANNING}"]')).to_be_checked()
    expect(form.locator('select[name="original_language"]')).to_have_value(LANGUAGE)
    indicator = pledge.indicators.get()
    expect(form.locator(f'input[name="indicator_{indicator.pk}"]')).to_have_value(re.compile(r"^10(\.0+)?$"))  # the baseline
    axe_audit.check(page, "progress update form")

    form.locator(f'input[name="stage"][value="{Action.Stage.IN_PROGRESS}"]').check()
    form.locator('textarea[name="narrative_es"]').fill(NARRATIVE)
    form.locator(f'input[name="indicator_{indicator.pk}"]').fill(INDICATOR_VALUE)
    refugees = Term.objects.get(vocabulary_id="target_groups", key="refugees")
    form.locator(f'input[name="people_{refugees.pk}"]').fill(PEOPLE_REACHED)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(at(url("progress_workspace:list", pledge.public_id)))
    expect(page.locator(".messages")).to_contain_text(
        text("The update is saved. Submit it to the reviewers when it is ready.")
    )
    update = ProgressUpdate.objects.get(action=pledge)
    page.locator(f'form[action="{url("progress_workspace:submit", update.pk)}"] button').click()
    expect(page.locator(".messages")).to_contain_text(
        text("Submitted. The reviewers will publish it, or tell you what to change.")
    )
    update.refresh_from_db()
    assert update.status == ProgressUpdate.Status.SUBMITTED
    assert update.narrative_es == NARRATIVE and update.stage == Action.Stage.IN_PROGRESS
    assert [str(value) for value in update.indicator_values.values_list("value", flat=True)] == ["120.00"]
    assert list(update.people_reached.values_list("target_group_id", "count")) == [(refugees.pk, 85)]
    sign_out(page)

    # The reviewer finds it in the queue and publishes it.
    page.goto(url("progress_workspace:queue"))
    sign_in_here(page, reviewer)
    expect(page).to_have_url(at(url("progress_workspace:queue")))
    axe_audit.check(page, "progress review queue")
    page.locator(f'main a[href="{url("progress_workspace:review", update.pk)}"]').click()
    expect(page).to_have_url(at(url("progress_workspace:review", update.pk)))
    expect(page.locator("main")).to_contain_text(NARRATIVE)
    axe_audit.check(page, "progress review page")
    decision = page.locator(f'form[action="{url("progress_workspace:decide", update.pk)}"]')
    decision.locator('input[name="decision"][value="publish"]').check()
    decision.locator('button[type="submit"]').click()
    expect(page).to_have_url(at(url("progress_workspace:queue")))
    sign_out(page)
    update.refresh_from_db()
    pledge.refresh_from_db()
    assert update.status == ProgressUpdate.Status.PUBLISHED
    assert pledge.stage == Action.Stage.IN_PROGRESS and pledge.last_progress_on == update.reported_on

    # Anyone reads the update on the pledge's public page, and the pledge is on time again.
    visitor.reload()
    expect(visitor).to_have_url(at(public_path))
    expect(visitor.locator("html")).to_have_attribute("lang", LANGUAGE)
    expect(visitor.locator("section.progress-timeline")).to_contain_text(NARRATIVE)
    badge = visitor.locator(".due-badge")
    expect(badge).to_have_class(re.compile(r"\bdue-badge-" + schedule.ON_TIME + r"\b"))
    expect(badge.locator(".tag")).to_have_text(on_time)
    expect(badge).not_to_contain_text(overdue)
    expect(badge).not_to_contain_text(text("Overdue"))  # the badge's own word for it
    expect(visitor.locator(".tag-overdue")).to_have_count(0)

    axe_audit.assert_no_violations()
