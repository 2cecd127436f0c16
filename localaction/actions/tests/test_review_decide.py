"""Deciding on a submission from the review page, and correcting its mapping."""
import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.activity.services import history
from localaction.factories import GovernmentFactory
from localaction.notifications.models import Notification

from .factories_review import proposed_change, published_action, submitted_action

pytestmark = pytest.mark.django_db

Status = Action.Status


def decide(client, action, **data):
    return client.post(reverse("review:decide", args=[action.public_id]), data)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_approving_publishes_and_goes_back_to_the_queue_with_a_message(client_for, personas):
    action = submitted_action(personas.government_a, title_en="Language cafés")

    client = client_for("reviewer")
    response = decide(client, action, decision="approve", checklist=["title", "needs_driven"])

    assert response.status_code == 302 and response["Location"] == reverse("review:queue")
    action.refresh_from_db()
    assert action.status == Status.PUBLISHED
    entry = history(action).first()
    assert (entry.verb, entry.actor, entry.payload["checklist"]) == ("action.published", personas.reviewer, ["title", "needs_driven"])
    assert "“Language cafés” is published." in messages_of(client.get(response["Location"]))


def test_requesting_changes_keeps_the_note_and_tells_the_owners(client_for, personas):
    action = submitted_action(personas.government_a, title_en="Language cafés")

    response = decide(client_for("reviewer"), action, decision="request_changes", note="Add the target groups.", checklist=["title"])

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.review_note) == (Status.CHANGES_REQUESTED, "Add the target groups.")
    assert history(action).first().payload == {"note": "Add the target groups.", "checklist": ["title"]}
    assert Notification.objects.filter(verb="action.changes_requested", user=personas.member_a).exists()


@pytest.mark.parametrize("decision, error", [
    ("request_changes", "Say what needs to change."),
    ("reject", "Give the reason for rejecting."),
])
def test_a_note_is_required_to_send_back_or_reject_and_the_input_is_kept(client_for, personas, decision, error):
    action = submitted_action(personas.government_a)

    response = decide(client_for("reviewer"), action, decision=decision, note="  ", checklist=["co_designed"])

    assert response.status_code == 200
    page = response.content.decode()
    assert "Please correct the following" in page
    assert f'<p class="error" id="id_note_error">{error}</p>' in page
    assert 'value="co_designed" id="id_checklist_7" checked' in page
    assert f'value="{decision}" required id="id_decision_{1 if decision == "request_changes" else 2}" checked' in page
    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED
    assert not history(action).exists()


def test_rejecting_with_a_reason(client_for, personas):
    action = submitted_action(personas.government_a, title_en="Language cafés")

    client = client_for("admin")
    response = decide(client, action, decision="reject", note="Not a local action.")

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.review_note) == (Status.REJECTED, "Not a local action.")
    assert "“Language cafés” was rejected; its owners are told why." in messages_of(client.get(response["Location"]))


def test_a_decision_must_be_chosen(client_for, personas):
    action = submitted_action(personas.government_a)

    response = decide(client_for("reviewer"), action, checklist=["title"])

    assert response.status_code == 200
    assert "Decision: This field is required." in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED


def test_approval_is_refused_on_the_page_while_the_government_is_unverified(client_for, personas):
    action = submitted_action(GovernmentFactory(name="New Town", verified=False))

    response = decide(client_for("reviewer"), action, decision="approve")

    assert response.status_code == 200
    assert "The government is not verified yet" in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED


def test_deciding_twice_is_refused_the_second_time(client_for, personas):
    action = submitted_action(personas.government_a)
    client = client_for("reviewer")
    decide(client, action, decision="approve")

    response = decide(client, action, decision="reject", note="Too late.")

    assert response.status_code == 200
    assert "This step is not possible while the action is “Published”." in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == Status.PUBLISHED


def test_approving_a_proposed_change_updates_the_public_action(client_for, personas):
    public = published_action(personas.government_a, title_en="Language cafés")
    copy = proposed_change(public, personas.editor_a, title_en="Language cafés for all")

    client = client_for("reviewer")
    response = decide(client, copy, decision="approve")

    assert response.status_code == 302
    public.refresh_from_db()
    assert public.title_en == "Language cafés for all"
    assert not Action.objects.filter(pk=copy.pk).exists()
    assert "The change to “Language cafés for all” is published." in messages_of(client.get(response["Location"]))


@pytest.mark.parametrize("persona, status", [("member_a", 403), ("editor_a", 403), ("member_b", 403), ("anonymous", 302)])
def test_only_reviewers_can_decide(client_for, personas, persona, status):
    action = submitted_action(personas.government_a)

    assert decide(client_for(persona), action, decision="approve").status_code == status

    assert Action.objects.get(pk=action.pk).status == Status.SUBMITTED


def test_deciding_needs_a_post(client_for, personas):
    action = submitted_action(personas.government_a)

    assert client_for("reviewer").get(reverse("review:decide", args=[action.public_id])).status_code == 405


# ---------------------------------------------------------------- the mapping fix


def fix(client, action, **data):
    return client.post(reverse("review:mapping", args=[action.public_id]), {f"mapping-{k}": v for k, v in data.items()})


def test_a_reviewer_corrects_the_mapping_and_the_log_keeps_before_and_after(client_for, personas):
    action = submitted_action(personas.government_a, gcm_objectives=[16])
    migrants = action.terms.get().pk

    client = client_for("reviewer")
    response = fix(client, action, gcm_objectives=["16", "15"], sdgs=["10"], terms=[migrants])

    assert response.status_code == 302 and response["Location"] == reverse("review:detail", args=[action.public_id])
    assert sorted(action.gcm_objectives.values_list("number", flat=True)) == [15, 16]
    assert list(action.sdgs.values_list("number", flat=True)) == [10]
    assert list(action.terms.values_list("pk", flat=True)) == [migrants]
    entry = history(action).get(verb="action.mapping_fixed")
    assert entry.payload["changes"] == {
        "gcm_objectives": {"before": ["16"], "after": ["15", "16"]},
        "sdgs": {"before": [], "after": ["10"]},
    }
    assert "The mapping is corrected." in messages_of(client.get(response["Location"]))


def test_the_mapping_form_starts_from_the_current_mapping(client_for, personas):
    action = submitted_action(personas.government_a, gcm_objectives=[16])

    page = client_for("reviewer").get(reverse("review:detail", args=[action.public_id])).content.decode()

    assert 'name="mapping-gcm_objectives" value="16" id="id_mapping-gcm_objectives_15" checked' in page
    assert 'name="mapping-gcm_objectives" value="15" id="id_mapping-gcm_objectives_14">' in page


def test_an_unknown_objective_is_an_error_next_to_its_field(client_for, personas):
    action = submitted_action(personas.government_a, gcm_objectives=[16])

    response = fix(client_for("reviewer"), action, gcm_objectives=["99"])

    assert response.status_code == 200
    assert 'id="id_mapping-gcm_objectives_error"' in response.content.decode()
    assert list(action.gcm_objectives.values_list("number", flat=True)) == [16]


def test_the_mapping_of_an_action_sent_back_cannot_be_changed(client_for, personas):
    action = submitted_action(personas.government_a, status=Status.CHANGES_REQUESTED, gcm_objectives=[16])

    response = fix(client_for("reviewer"), action, gcm_objectives=["1"])

    assert response.status_code == 200
    assert "This step is not possible" in response.content.decode()
    assert list(action.gcm_objectives.values_list("number", flat=True)) == [16]


@pytest.mark.parametrize("persona, status", [("member_a", 403), ("member_b", 403), ("anonymous", 302)])
def test_only_reviewers_fix_the_mapping(client_for, personas, persona, status):
    action = submitted_action(personas.government_a, gcm_objectives=[16])

    assert fix(client_for(persona), action, gcm_objectives=["1"]).status_code == status

    assert list(action.gcm_objectives.values_list("number", flat=True)) == [16]
