"""The whole life of a pledge in a real browser, in French: a focal point writes it over four sittings (signing
out in between), submits it, a reviewer asks for changes, the focal point fixes it, the reviewer approves it and
the public sees it; then a proposed change stays invisible to the public until a reviewer approves it.

Interface text comes from a French catalog that changes independently, so the test names no interface word:
it finds elements by their name, id or form action (reverse() in French), and computes the text it looks for
with gettext in French. Only the content the focal point types is written out.

The axe-core audits of the editor's and the reviewers' pages happen along the way (those pages need a draft or a
submission in the right state) and are reported together at the end.
"""
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from localaction import factories
from localaction.accounts.models import Roles
from localaction.accounts.tests.browser_helpers import complete_second_factor
from localaction.actions.models import Action
from localaction.actions.snapshot_display import field_label
from localaction.governments.models import Membership
from localaction.taxonomy.models import Term

LANGUAGE = "fr"
TITLE = "Cafés de langue dans les quartiers"
SUMMARY = "Des bénévoles accueillent chaque semaine les nouveaux arrivants pour pratiquer le français."
FIXED_SUMMARY = SUMMARY + " Les cafés ont lieu dans les centres sociaux de trois quartiers, avec une garderie."
NEW_TITLE = "Cafés de langue et d’emploi dans les quartiers"
NOTE = "Merci de préciser où les cafés ont lieu et comment les parents y participent."


def url(name, *args, query=""):
    with translation.override(LANGUAGE):
        return reverse(name, args=args) + query


def text(message, **values):
    """An interface sentence as the French pages show it (whatever the state of the catalog)."""
    with translation.override(LANGUAGE):
        translated = gettext(message)
    return translated % values if values else translated


def at(path):
    """The page's address is `path` on the live server (no query string)."""
    return re.compile(r"^https?://[^/]+" + re.escape(path) + "$")


def french_date(value):
    with translation.override(LANGUAGE):
        return formats.date_format(value, "DATE_FORMAT")


@pytest.fixture
def people(transactional_db, django_db_serialized_rollback, live_server):
    """A verified government with a French-speaking focal point, and a reviewer, committed for the live server."""
    government = factories.GovernmentFactory(name="Villeneuve-sur-Lot", slug="villeneuve-sur-lot", verified=True)
    focal_point = factories.MembershipFactory(
        user__email="camille@villeneuve.example", user__full_name="Camille Martin", user__language="fr",
        government=government, role=Membership.Role.FOCAL_POINT,
    ).user
    reviewer = factories.UserFactory(email="reviewer@call.example", full_name="Rita Reviewer")
    reviewer.groups.add(Group.objects.get(name=Roles.REVIEWER))
    return {"government": government, "focal_point": focal_point, "reviewer": reviewer}


# ---------------------------------------------------------------- what a person does


def sign_out_button(page):
    # XPath, not CSS: on the partners step the editor's form has a field named "matches", which hides the
    # form's DOM method of that name, and Playwright's CSS engine calls element.matches() on ancestors.
    return page.locator(f'xpath=//header//form[@action="{url("accounts:logout")}"]//button')


def sign_in(page, user):
    page.goto(url("accounts:login"))
    form = page.locator("main form")
    form.locator('input[name="username"]').fill(user.email)
    form.locator('input[name="password"]').fill(factories.PASSWORD)
    form.locator('button[type="submit"]').click()
    complete_second_factor(page, user)
    expect(sign_out_button(page)).to_be_visible()


def sign_out(page):
    """The button in the header; afterwards the header offers to sign in again."""
    sign_out_button(page).click()
    expect(page.locator(f'header a[href="{url("accounts:login")}"]')).to_be_visible()
    expect(sign_out_button(page)).to_have_count(0)


def save_and_continue(page):
    page.locator('form.editor-form button[name="continue"]').click()
    expect(page.locator(".messages")).to_contain_text(text("Saved."))


def go_to_step(page, action, step):
    """Through the list of steps beside the form, as a person would."""
    page.locator(f'nav.steps a[href="{url("actions_workspace:edit", action.public_id, step)}"]').click()
    expect(page).to_have_url(at(url("actions_workspace:edit", action.public_id, step)))


def open_owner_page_and_continue(page, action):
    """The owner's page of the action, then its "continue editing" button."""
    page.goto(url("actions_workspace:detail", action.public_id))
    page.locator(f'main a[href="{url("actions_workspace:resume", action.public_id)}"]').click()
    expect(page.locator("form.editor-form")).to_be_visible()


def submit_from_review_step(page, action):
    go_to_step(page, action, "review")
    expect(page.locator("ul.checklist")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(
        text("Everything the reviewers need is there. Check the summary below, then submit.")
    )
    page.locator(f'form[action="{url("actions_workspace:submit", action.public_id)}"] button').click()
    expect(page).to_have_url(at(url("actions_workspace:detail", action.public_id)))
    expect(page.locator(".messages")).to_contain_text(
        text("Submitted. The reviewers will tell you when it is published, or what to change.")
    )


def open_submission_from_queue(page, action):
    page.goto(url("review:queue"))
    page.locator(f'main a[href="{url("review:detail", action.public_id)}"]').click()
    expect(page.locator("h1#review-title")).to_be_visible()


def decide(page, action, decision, note=""):
    form = page.locator(f'form[action="{url("review:decide", action.public_id)}"]')
    if decision == "approve":
        boxes = form.locator('input[name="checklist"]')
        for index in range(boxes.count()):
            boxes.nth(index).check()
    form.locator(f'input[name="decision"][value="{decision}"]').check()
    if note:
        form.locator('textarea[name="note"]').fill(note)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(at(url("review:queue")))


# ---------------------------------------------------------------- the test


def test_a_french_focal_point_writes_a_pledge_over_four_sittings_and_a_change_waits_for_review(
    people, new_context, live_server, axe_audit
):
    focal_point, reviewer = people["focal_point"], people["reviewer"]
    page = new_context(locale="fr-FR").new_page()

    # First sitting: the basics of a new pledge.
    sign_in(page, focal_point)
    page.goto(url("actions_workspace:create", people["government"].slug, query="?kind=pledge"))
    expect(page.locator("html")).to_have_attribute("lang", LANGUAGE)
    expect(page.locator('input[name="kind"][value="pledge"]')).to_be_checked()
    expect(page.locator('select[name="original_language"]')).to_have_value(LANGUAGE)
    axe_audit.check(page, "editor, basics step of a new pledge")
    page.locator('input[name="title"]').fill(TITLE)
    page.locator('textarea[name="summary"]').fill(SUMMARY)
    save_and_continue(page)
    action = Action.objects.get(government=people["government"])
    assert (action.kind, action.status, action.title_fr) == (Action.Kind.PLEDGE, Action.Status.DRAFT, TITLE)
    sign_out(page)

    # Second sitting: back to the draft from its page, then the Compacts and the people it serves.
    sign_in(page, focal_point)
    open_owner_page_and_continue(page, action)
    go_to_step(page, action, "mapping")
    page.locator('input[name="gcm_objectives"][value="16"]').check()
    page.locator('input[name="gcr_areas"][value="education"]').check()
    refugees = Term.objects.get(vocabulary_id="target_groups", key="refugees")
    page.locator(f'input[name="vocabulary_target_groups"][value="{refugees.pk}"]').check()
    save_and_continue(page)
    sign_out(page)

    # Third sitting: dates and an indicator with a target.
    sign_in(page, focal_point)
    open_owner_page_and_continue(page, action)
    go_to_step(page, action, "money")
    page.locator('input[name="start_date"]').fill("2026-01-01")
    page.locator('input[name="end_date"]').fill("2028-12-31")
    page.locator('input[name="indicators-0-name"]').fill("Participants aux cafés")
    page.locator('input[name="indicators-0-unit"]').fill("personnes")
    page.locator('input[name="indicators-0-baseline"]').fill("0")
    page.locator('input[name="indicators-0-target"]').fill("400")
    page.locator('input[name="indicators-0-target_date"]').fill("2028-12-31")
    save_and_continue(page)
    sign_out(page)

    # Fourth sitting: the checklist is complete; submit.
    sign_in(page, focal_point)
    open_owner_page_and_continue(page, action)
    go_to_step(page, action, "review")
    axe_audit.check(page, "editor, check-and-submit step")
    submit_from_review_step(page, action)
    sign_out(page)

    # The reviewer asks for changes, with a note.
    sign_in(page, reviewer)
    page.goto(url("review:queue"))
    axe_audit.check(page, "review queue")
    open_submission_from_queue(page, action)
    expect(page.locator("h1#review-title")).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text(text("The automatic checks find nothing missing."))
    axe_audit.check(page, "review page of a new pledge")
    decide(page, action, "request_changes", NOTE)
    sign_out(page)

    # The focal point reads the note, fixes the summary and sends it again.
    sign_in(page, focal_point)
    page.goto(url("actions_workspace:detail", action.public_id))
    expect(page.locator("main blockquote")).to_contain_text(NOTE)
    open_owner_page_and_continue(page, action)
    expect(page.locator('.notice[role="note"]')).to_contain_text(NOTE)  # the note stays in sight while editing
    go_to_step(page, action, "basics")
    page.locator('textarea[name="summary"]').fill(FIXED_SUMMARY)
    save_and_continue(page)
    submit_from_review_step(page, action)
    sign_out(page)

    # The reviewer approves.
    sign_in(page, reviewer)
    open_submission_from_queue(page, action)
    expect(page.locator("main")).to_contain_text(FIXED_SUMMARY)
    decide(page, action, "approve")
    sign_out(page)

    # Anyone can read it, in French, with its review dates.
    action.refresh_from_db()
    assert action.status == Action.Status.PUBLISHED
    public_url = url("actions:detail", action.public_id, action.slug)
    visitor = new_context(locale="fr-FR").new_page()
    visitor.goto(public_url)
    expect(visitor.locator("html")).to_have_attribute("lang", LANGUAGE)
    expect(visitor.locator("h1#action-title")).to_have_text(TITLE)
    expect(visitor.locator(".tag-reviewed")).to_have_text(text("Reviewed"))
    history = visitor.locator("section.public-history")
    expect(history).to_contain_text(text("Published on %(date)s", date=french_date(action.published_at)))
    expect(history).to_contain_text(text("Reviewed on %(date)s", date=french_date(action.reviewed_at)))
    expect(history.locator("li")).to_have_count(2)  # not "last updated" yet: there is only one revision

    # The focal point proposes a new title; the public page does not change yet.
    sign_in(page, focal_point)
    page.goto(url("actions_workspace:detail", action.public_id))
    page.locator(f'form[action="{url("actions_workspace:revise", action.public_id)}"] button').click()
    change = Action.objects.get(revision_of=action)
    expect(page).to_have_url(live_server.url + url("actions_workspace:edit", change.public_id, "basics"))
    expect(page.locator('input[name="title"]')).to_have_value(TITLE)
    page.locator('input[name="title"]').fill(NEW_TITLE)
    save_and_continue(page)
    submit_from_review_step(page, change)
    sign_out(page)

    visitor.reload()
    expect(visitor.locator("h1#action-title")).to_have_text(TITLE)
    expect(visitor.locator("main")).not_to_contain_text(NEW_TITLE)

    # The reviewer sees what would change, field by field, and approves.
    sign_in(page, reviewer)
    open_submission_from_queue(page, change)
    with translation.override(LANGUAGE):
        title_label = str(field_label("title_fr"))
    title_row = page.locator("table.diff tbody tr").filter(has=page.locator("th", has_text=title_label))
    expect(title_row).to_have_count(1)
    expect(title_row.locator("del")).to_contain_text(TITLE)
    expect(title_row.locator("ins")).to_contain_text(NEW_TITLE)
    axe_audit.check(page, "review page of a proposed change")
    decide(page, change, "approve")
    sign_out(page)

    # Same address, new title.
    visitor.reload()
    expect(visitor).to_have_url(live_server.url + public_url)
    expect(visitor.locator("h1#action-title")).to_have_text(NEW_TITLE)
    action.refresh_from_db()
    expect(visitor.locator("section.public-history")).to_contain_text(
        text("Last updated on %(date)s", date=french_date(action.reviewed_at))
    )
    assert not Action.objects.filter(revision_of=action).exists()

    axe_audit.assert_no_violations()
