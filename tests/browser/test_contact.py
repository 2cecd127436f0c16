"""A focal point contacts another city from one of its action pages, in a real browser: the visitor is asked to
sign in, writes the message, sees the confirmation; the job runner then e-mails it to the other city's focal
point, with the writer's name and government but not their address.

As in test_review_workflow.py, elements are found by name, id or link target (reverse()) rather than by their
interface words; only what the focal point types is written out.
"""
import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from localaction import factories
from localaction.contact.models import ContactMessage
from localaction.governments.models import Membership
from localaction.jobs.services import run_due

SUBJECT = "Your welcome desks"
BODY = "Hello,\nWe would like to open welcome desks too. How did you train the staff?"


def at(path):
    return re.compile(r"^https?://[^/]+" + re.escape(path) + "$")


@pytest.fixture
def two_cities(transactional_db, django_db_serialized_rollback, live_server, settings):
    settings.LOCALACTION_BASE_URL = live_server.url
    lyon = factories.GovernmentFactory(name="Lyon", slug="lyon")
    turin = factories.GovernmentFactory(name="Torino", slug="torino")
    writer = factories.MembershipFactory(
        user__email="ada@lyon.example", user__full_name="Ada Lovelace", government=lyon, role=Membership.Role.FOCAL_POINT
    ).user
    recipient = factories.MembershipFactory(
        user__email="carla@torino.example", user__full_name="Carla Rossi", government=turin, role=Membership.Role.FOCAL_POINT
    ).user
    action = factories.ActionFactory(published=True, government=turin, title_en="Welcome desks in every district", gcm_objectives=[16])
    return {"writer": writer, "recipient": recipient, "action": action}


def test_a_focal_point_contacts_another_city_from_an_action_page(two_cities, page, axe_audit):
    writer, recipient, action = two_cities["writer"], two_cities["recipient"], two_cities["action"]
    contact_path = reverse("contact:new", args=[action.public_id])

    page.goto(action.get_absolute_url())
    page.locator(f'#contact-title ~ p a[href*="{reverse("accounts:login")}"]').click()
    form = page.locator("main form")
    form.locator('input[name="username"]').fill(writer.email)
    form.locator('input[name="password"]').fill(factories.PASSWORD)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(at(contact_path))

    # Signed in, the action page offers the form itself.
    page.goto(action.get_absolute_url())
    page.locator(f'a[href="{contact_path}"]').click()
    expect(page).to_have_url(at(contact_path))
    axe_audit.check(page, "contact form")
    form = page.locator("main form")
    expect(form.locator('select[name="on_behalf"]')).to_have_value(re.compile(r"^g\d+$"))
    form.locator('input[name="subject"]').fill(SUBJECT)
    form.locator('textarea[name="body"]').fill(BODY)
    form.locator('button[type="submit"]').click()

    message = ContactMessage.objects.get()
    expect(page).to_have_url(at(reverse("contact_workspace:thread", args=[message.pk])))
    expect(page.locator(".messages")).to_contain_text("Torino")
    expect(page.locator("h1")).to_have_text(SUBJECT)
    axe_audit.check(page, "conversation")

    run_due()
    [email] = mail.outbox
    assert email.to == [recipient.email] and email.reply_to == []
    everything = "\n".join([email.subject, email.body, email.from_email, *(str(v) for v in email.message().values())])
    assert writer.email not in everything
    assert "Ada Lovelace" in email.body and "Lyon" in email.body and "train the staff" in email.body
    assert two_cities["recipient"].email not in email.body
    axe_audit.assert_no_violations()
