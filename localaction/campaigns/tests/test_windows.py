"""Submission windows: the editor shows each campaign's window, and an action cannot be submitted to a campaign
whose window is closed (or not open yet), with the reason next to the campaign field."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from localaction.actions import services as action_services
from localaction.actions.models import Action
from localaction.actions.tests.editor_helpers import basics, edit_url
from localaction.actions.tests.factories_review import complete_action, published_action

from ..models import Campaign
from ..windows import submission_window_error
from .factories import campaign

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def closed_campaign(**fields):
    return campaign(name_en="GRF 2023", opens_on=date(2023, 3, 1), closes_on=date(2023, 10, 31),
                    forum_date=date(2023, 12, 13), **fields)


def upcoming_campaign(**fields):
    return campaign(name_en="GRF 2027", opens_on=TODAY + timedelta(days=20), closes_on=TODAY + timedelta(days=90),
                    forum_date=TODAY + timedelta(days=120), **fields)


def test_a_window_is_upcoming_then_open_then_closed():
    window = Campaign(opens_on=date(2026, 1, 1), closes_on=date(2026, 3, 1), forum_date=date(2026, 5, 1))
    assert [window.window_state(day) for day in (date(2025, 12, 31), date(2026, 1, 1), date(2026, 3, 1), date(2026, 3, 2))] == [
        "upcoming", "open", "open", "closed",
    ]


def test_the_campaign_list_of_the_editor_says_which_windows_are_open_and_until_when(client_for, personas):
    campaign(name_en="IMRF 2026", closes_on=date(2099, 3, 1))
    closed_campaign()
    upcoming_campaign()

    page = client_for("member_a").get(reverse("actions_workspace:create", args=["government-a"])).content.decode()

    assert "IMRF 2026 (open until March 1, 2099)" in page
    assert "GRF 2023 (closed on Oct. 31, 2023)" in page
    assert "GRF 2027 (opens on" in page


def test_the_editor_shows_the_chosen_campaigns_window_next_to_the_field(client_for, personas):
    imrf = campaign(name_en="IMRF 2026", closes_on=date(2099, 3, 1))
    draft = complete_action(personas.government_a, campaign=imrf)

    page = client_for("member_a").get(edit_url(draft, "basics")).content.decode()

    assert "Open for submissions from" in page and "until March 1, 2099" in page


def test_choosing_a_closed_campaign_is_refused_next_to_the_field(client_for, personas):
    grf = closed_campaign()
    draft = complete_action(personas.government_a)

    response = client_for("member_a").post(edit_url(draft, "basics"), basics(campaign=str(grf.pk)))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<p class="error" id="id_campaign_error">Submissions to “GRF 2023” closed on Oct. 31, 2023. Choose an open campaign, or none.</p>' in page
    draft.refresh_from_db()
    assert draft.campaign is None


def test_a_draft_can_be_prepared_for_a_campaign_that_opens_later_but_not_submitted_before(client_for, personas):
    grf = upcoming_campaign()
    draft = complete_action(personas.government_a, kind="practice")
    client = client_for("member_a")

    client.post(edit_url(draft, "basics"), basics(kind="practice", stage="", campaign=str(grf.pk), summary="Weekly."))
    draft.refresh_from_db()
    assert draft.campaign == grf

    review = client.get(edit_url(draft, "review")).content.decode()
    assert "Submissions to “GRF 2027” open on" in review and "Submit for review" not in review
    with pytest.raises(action_services.TransitionError, match="open on"):
        action_services.submit(draft, personas.member_a)


def test_a_draft_whose_campaign_closed_cannot_be_submitted_and_says_where_to_fix_it(client_for, personas):
    grf = closed_campaign()
    draft = complete_action(personas.government_a, campaign=grf)
    client = client_for("member_a")

    review = client.get(edit_url(draft, "review")).content.decode()
    assert f'<a href="{edit_url(draft, "basics")}">Submissions to “GRF 2023” closed on Oct. 31, 2023.' in review
    assert "Submit for review" not in review

    response = client.post(reverse("actions_workspace:submit", args=[draft.public_id]), follow=True)
    assert "closed on Oct. 31, 2023" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Action.Status.DRAFT

    basics_page = client.get(edit_url(draft, "basics")).content.decode()
    assert "Submissions to “GRF 2023” closed on Oct. 31, 2023." in basics_page


def test_submitting_to_an_open_campaign_works(personas):
    imrf = campaign()
    draft = complete_action(personas.government_a, campaign=imrf)
    action_services.submit(draft, personas.member_a)
    assert draft.status == Action.Status.SUBMITTED


def test_a_proposed_change_keeps_the_campaign_the_action_was_published_in(personas):
    grf = closed_campaign()
    public = published_action(personas.government_a, campaign=grf)
    copy = action_services.start_revision(public, personas.member_a)
    copy.summary_en = "Now in three districts."
    copy.save()

    action_services.submit(copy, personas.member_a)

    assert copy.status == Action.Status.SUBMITTED


def test_an_answer_to_requested_changes_is_not_refused_because_the_window_closed_meanwhile(personas):
    grf = closed_campaign()
    action = complete_action(personas.government_a, campaign=grf, status=Action.Status.CHANGES_REQUESTED)
    assert submission_window_error(grf, action) is None
    action_services.submit(action, personas.member_a)
    assert action.status == Action.Status.SUBMITTED


def test_moving_an_action_to_another_closed_campaign_is_refused(personas):
    grf, other = closed_campaign(), closed_campaign()
    action = complete_action(personas.government_a, campaign=grf, status=Action.Status.CHANGES_REQUESTED)
    assert "closed on" in submission_window_error(other, action)
