"""The reviewers' pages: the queue of submitted updates, the review page (the update next to the previous
published one) and the decision: publish, or return with comments."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action
from localaction.progress.models import ProgressUpdate

from .factories import ProgressUpdateFactory, published_pledge

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status


@pytest.fixture
def pledge(personas):
    return published_pledge(personas.government_a, title_en="Language cafés for newcomers")


def review_url(update):
    return reverse("progress_workspace:review", args=[update.pk])


def decide_url(update):
    return reverse("progress_workspace:decide", args=[update.pk])


def test_the_queue_lists_submitted_updates_the_longest_waiting_first(client_for, personas, pledge):
    other = published_pledge(personas.government_b, title_en="Housing pledge of B")
    recent = ProgressUpdateFactory(action=pledge, submitted=True)
    oldest = ProgressUpdateFactory(action=other, submitted=True)
    ProgressUpdate.objects.filter(pk=oldest.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=9))
    ProgressUpdateFactory(action=published_pledge(personas.government_a, title_en="Draft-only pledge"))
    ProgressUpdateFactory(action=published_pledge(personas.government_a, title_en="Published-only pledge"), published=True)

    page = client_for("reviewer").get(reverse("progress_workspace:queue")).content.decode()

    assert "2 updates waiting" in page
    assert page.index(review_url(oldest)) < page.index(review_url(recent))
    assert "9 days" in page
    assert "Draft-only pledge" not in page and "Published-only pledge" not in page


def test_the_review_page_shows_the_update_next_to_the_previous_published_one(client_for, pledge):
    ProgressUpdateFactory(action=pledge, published=True, stage="planning", reported_on=datetime.date(2024, 12, 31),
                          narrative_en="Premises found.", money_spent=1000)
    update = ProgressUpdateFactory(action=pledge, submitted=True, stage="in_progress", narrative_en="Two cafés opened.",
                                   narrative_fr="Deux cafés ouverts.", money_spent=20000)
    update.indicator_values.create(indicator=pledge.indicators.get(), value=250)

    page = client_for("reviewer").get(review_url(update)).content.decode()

    assert "Language cafés for newcomers" in page
    assert "Premises found." in page and "Two cafés opened." in page
    assert 'lang="fr"' in page and "Deux cafés ouverts." in page  # every language written, for the reviewer
    assert "1,000 EUR" in page and "20,000 EUR" in page
    assert "People taking part" in page and "50% of the target" in page
    assert 'name="decision"' in page and decide_url(update) in page


def test_the_first_update_says_there_is_nothing_to_compare_with(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True)
    page = client_for("reviewer").get(review_url(update)).content.decode()
    assert "first published update" in page


def test_drafts_stay_with_their_owners(client_for, pledge):
    draft = ProgressUpdateFactory(action=pledge)
    assert client_for("reviewer").get(review_url(draft)).status_code == 404


def test_a_reviewer_publishes_an_update_and_the_pledge_takes_its_stage(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True, stage="fulfilled", reported_on=datetime.date(2025, 6, 30))

    response = client_for("reviewer").post(decide_url(update), {"decision": "publish"}, follow=True)

    assert response.redirect_chain == [(reverse("progress_workspace:queue"), 302)]
    assert "The update on “Language cafés for newcomers” is published." in response.content.decode()
    update.refresh_from_db()
    pledge.refresh_from_db()
    assert update.status == Status.PUBLISHED
    assert (pledge.stage, pledge.last_progress_on) == (Action.Stage.FULFILLED, datetime.date(2025, 6, 30))


def test_returning_without_comments_is_refused_next_to_the_field(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True)

    response = client_for("reviewer").post(decide_url(update), {"decision": "return", "note": " "})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'id="id_note_error">Say what needs to change.' in page
    update.refresh_from_db()
    assert update.status == Status.SUBMITTED


def test_a_returned_update_reaches_its_owners_with_the_comments(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True)

    client_for("reviewer").post(decide_url(update), {"decision": "return", "note": "Add the people reached."})

    update.refresh_from_db()
    assert (update.status, update.review_note) == (Status.RETURNED, "Add the people reached.")
    page = client_for("member_a").get(reverse("progress_workspace:list", args=[pledge.public_id])).content.decode()
    assert "Add the people reached." in page
    assert reverse("progress_workspace:edit", args=[update.pk]) in page


def test_an_update_decided_meanwhile_is_not_decided_twice(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, published=True)

    response = client_for("reviewer").post(decide_url(update), {"decision": "return", "note": "Too late"})

    assert response.status_code == 200
    assert "This step is not possible while the update is “Published”." in response.content.decode()
    update.refresh_from_db()
    assert update.status == Status.PUBLISHED


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_decide(client_for, pledge, persona):
    update = ProgressUpdateFactory(action=pledge, submitted=True)
    assert client_for(persona).post(decide_url(update), {"decision": "publish"}).status_code == 403
    update.refresh_from_db()
    assert update.status == Status.SUBMITTED


def test_the_reviewers_dashboard_counts_the_updates_waiting(client_for, pledge):
    ProgressUpdateFactory(action=pledge, submitted=True)
    page = client_for("reviewer").get(reverse("workspace:home")).content.decode()
    row = page[page.index('id="queue-progress_updates"'):].split("</tr>")[0]
    assert "Progress updates on pledges" in row and '<td class="num">1</td>' in row
    assert reverse("progress_workspace:queue") in row
