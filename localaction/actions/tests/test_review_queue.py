"""The reviewers' queue: what waits, oldest first, with filters that work as a plain GET form."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from localaction.actions.models import Action
from localaction.factories import CampaignFactory, GovernmentFactory
from localaction.taxonomy.models import Country

from .factories_review import complete_action, proposed_change, published_action, submitted_action

pytestmark = pytest.mark.django_db

Status = Action.Status


def queue(client, **params):
    return client.get(reverse("review:queue"), params)


def titles(response):
    return [action.title_en for action in response.context["page"].object_list]


def test_it_lists_new_actions_and_proposed_changes_oldest_first(client_for, personas):
    recent = submitted_action(personas.government_a, days_ago=2, title_en="Recent submission")
    old = submitted_action(personas.government_b, days_ago=40, title_en="Old submission", kind=Action.Kind.PLEDGE)
    public = published_action(personas.government_a, title_en="Published action")
    change = proposed_change(public, personas.editor_a, title_en="Published action, changed")
    complete_action(personas.government_a, title_en="A draft")

    response = queue(client_for("reviewer"))

    assert response.status_code == 200
    assert titles(response) == ["Old submission", "Recent submission", "Published action, changed"]
    page = response.content.decode()
    assert '<form method="get"' in page
    for text in ("Government B", "Pledge", "40 days", "2 days", "Proposed change",
                 reverse("review:detail", args=[old.public_id]), reverse("review:detail", args=[change.public_id]),
                 reverse("review:detail", args=[recent.public_id])):
        assert text in page
    assert "A draft" not in page


def test_an_unverified_government_is_marked(client_for, personas):
    government = GovernmentFactory(name="New Town", verified=False)
    submitted_action(government)

    page = queue(client_for("reviewer")).content.decode()

    assert "New Town" in page and "Not verified" in page


@pytest.mark.parametrize("state, expected", [
    ("submitted", ["Submitted"]),
    ("changes_requested", ["Sent back"]),
    ("rejected", ["Turned down"]),
    ("published", ["Published last week"]),
])
def test_it_filters_by_state(client_for, personas, state, expected):
    government = personas.government_a
    submitted_action(government, title_en="Submitted")
    submitted_action(government, title_en="Sent back", status=Status.CHANGES_REQUESTED)
    submitted_action(government, title_en="Turned down", status=Status.REJECTED)
    published_action(government, title_en="Published last week", reviewed_at=timezone.now() - timedelta(days=7))
    published_action(government, title_en="Published long ago", reviewed_at=timezone.now() - timedelta(days=90))
    complete_action(government, title_en="Withdrawn", status=Status.WITHDRAWN)

    assert titles(queue(client_for("reviewer"), state=state)) == expected


def test_it_filters_by_campaign_region_language_age_and_kind_of_submission(client_for, personas):
    campaign = CampaignFactory(slug="imrf-2026")
    kenyan = GovernmentFactory(name="Nairobi", country=Country.objects.get(code="KE"))
    submitted_action(personas.government_a, title_en="In the campaign", campaign=campaign, days_ago=1)
    submitted_action(kenyan, title_en="In Africa", days_ago=1)
    submitted_action(personas.government_a, title_en="In Spanish", title_es="En español", original_language="es", days_ago=1)
    submitted_action(personas.government_a, title_en="Waiting long", days_ago=31)
    public = published_action(personas.government_a, title_en="Changed action")
    proposed_change(public, personas.editor_a)
    client = client_for("reviewer")

    assert titles(queue(client, campaign="imrf-2026")) == ["In the campaign"]
    assert titles(queue(client, region="002")) == ["In Africa"]  # M49 Africa
    assert titles(queue(client, region="014")) == ["In Africa"]  # M49 Eastern Africa
    assert titles(queue(client, language="es")) == ["In Spanish"]
    assert titles(queue(client, age="30")) == ["Waiting long"]
    assert set(titles(queue(client, age="7"))) == {"Waiting long"}
    assert titles(queue(client, change="revision")) == ["Changed action"]
    assert "Changed action" not in titles(queue(client, change="new"))


def test_invalid_filters_are_ignored_and_shown_as_errors(client_for, personas):
    submitted_action(personas.government_a, title_en="Submitted")

    response = queue(client_for("reviewer"), campaign="no-such-campaign", age="3")

    assert response.status_code == 200
    assert titles(response) == ["Submitted"]
    assert response.context["form"].errors.keys() == {"campaign", "age"}


def test_titles_are_in_the_reviewers_language_with_the_fallback_labelled(client_for, personas):
    submitted_action(personas.government_a, title_en="Welcome centre", title_fr="Centre d’accueil", days_ago=2)
    submitted_action(personas.government_a, title_en="Only in English", days_ago=1)

    with translation.override("fr"):
        url = reverse("review:queue")
    page = client_for("reviewer").get(url).content.decode()

    assert "Centre d’accueil" in page and "Welcome centre" not in page
    assert 'lang="en">Only in English</a>' in page


def test_it_is_paginated(client_for, personas, settings):
    settings.LOCALACTION_PAGE_SIZE = 3
    for days in range(5):
        submitted_action(personas.government_a, title_en=f"Waiting {days} days", days_ago=days)
    client = client_for("reviewer")

    first, second = queue(client), queue(client, page=2)

    assert titles(first) == ["Waiting 4 days", "Waiting 3 days", "Waiting 2 days"]
    assert titles(second) == ["Waiting 1 days", "Waiting 0 days"]
    assert "page=2" in first.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_page(client_for, personas):
    client = client_for("reviewer")
    submitted_action(personas.government_a)
    queue(client)  # warm per-process caches (content types, sessions)

    with CaptureQueriesContext(connection) as one:
        assert queue(client).status_code == 200
    for _n in range(8):
        submitted_action(GovernmentFactory(country=Country.objects.get(code="KE")), campaign=CampaignFactory())
    public = published_action(personas.government_a)
    proposed_change(public, personas.editor_a)
    with CaptureQueriesContext(connection) as ten:
        assert queue(client).status_code == 200

    assert len(ten) == len(one)


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_members_and_other_roles_are_refused(client_for, persona):
    assert queue(client_for(persona)).status_code == 403
