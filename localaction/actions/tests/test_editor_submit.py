"""The editor's last step: the owner's checklist, submitting for review, and withdrawing."""
import pytest
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action
from localaction.factories import ActionFactory

from .editor_helpers import basics, complete, edit_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(personas):
    return services.create_draft(personas.government_a, personas.editor_a, kind=Action.Kind.PLEDGE,
                                 stage=Action.Stage.PLANNING, title_en="Language cafés")


def submit_url(action):
    return reverse("actions_workspace:submit", args=[action.public_id])


def withdraw_url(action):
    return reverse("actions_workspace:withdraw", args=[action.public_id])


def detail_url(action):
    return reverse("actions_workspace:detail", args=[action.public_id])


def test_the_checklist_links_each_missing_item_to_the_step_that_fixes_it(client_for, pledge):
    page = client_for("editor_a").get(edit_url(pledge, "review")).content.decode()
    for label, step in [("A summary in the original language", "basics"),
                        ("Mapped to at least one GCM objective", "mapping"), ("At least one target group", "mapping"),
                        ("Pledges: a start and an end date", "money"), ("Pledges: at least one indicator", "money")]:
        assert f'<a href="{edit_url(pledge, step)}">{label}' in page
    assert "Submit for review" not in page


def test_an_incomplete_action_cannot_be_submitted(client_for, pledge):
    response = client_for("editor_a").post(submit_url(pledge), follow=True)
    assert response.redirect_chain[-1][0] == edit_url(pledge, "review")
    assert "Before submitting, complete:" in response.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.DRAFT and pledge.submitted_at is None


def test_a_complete_action_is_submitted_and_then_read_only(client_for, pledge):
    complete(pledge)
    client = client_for("editor_a")
    page = client.get(edit_url(pledge, "review")).content.decode()
    assert "Everything the reviewers need is there." in page and "Submit for review" in page

    response = client.post(submit_url(pledge), follow=True)
    assert response.redirect_chain[-1][0] == detail_url(pledge)
    assert "Submitted." in response.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.SUBMITTED and pledge.submitted_at is not None

    response = client.get(reverse("actions_workspace:resume", args=[pledge.public_id]), follow=True)
    assert response.redirect_chain[-1][0] == detail_url(pledge)
    assert "Continue editing" not in response.content.decode()
    assert client.post(submit_url(pledge), follow=True).redirect_chain[-1][0] == detail_url(pledge)


def test_an_answer_to_requested_changes_shows_the_note_and_can_be_submitted_again(client_for, pledge):
    complete(pledge)
    Action.objects.filter(pk=pledge.pk).update(status=Action.Status.CHANGES_REQUESTED, review_note="Add a second indicator.")
    client = client_for("member_a")
    page = client.get(edit_url(pledge, "basics")).content.decode()
    assert "The reviewers asked for changes" in page and "Add a second indicator." in page
    client.post(edit_url(pledge, "basics"), basics(title="Language cafés", summary="A summary."))
    client.post(submit_url(pledge))
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.SUBMITTED


@pytest.mark.parametrize("persona, status", [("member_b", 404), ("reviewer", 404), ("anonymous", 302)])
def test_only_members_can_submit(client_for, pledge, persona, status):
    complete(pledge)
    assert client_for(persona).post(submit_url(pledge)).status_code == status
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.DRAFT


def test_withdrawing_asks_for_confirmation_first(client_for, pledge):
    client = client_for("editor_a")
    page = client.get(withdraw_url(pledge)).content.decode()
    assert "Withdraw this action?" in page and "Yes, withdraw it" in page
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.DRAFT

    response = client.post(withdraw_url(pledge), follow=True)
    assert response.redirect_chain[-1][0] == detail_url(pledge)
    assert "The action was withdrawn." in response.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.WITHDRAWN
    assert client.get(edit_url(pledge, "basics")).status_code == 302


def test_a_submitted_action_can_be_withdrawn(client_for, pledge):
    complete(pledge)
    client = client_for("editor_a")
    client.post(submit_url(pledge))
    client.post(withdraw_url(pledge))
    pledge.refresh_from_db()
    assert pledge.status == Action.Status.WITHDRAWN


def test_only_a_focal_point_withdraws_a_published_action(client, client_for, personas):
    public = ActionFactory(published=True, government=personas.government_a)
    assert client_for("editor_a").get(withdraw_url(public)).status_code == 403
    assert client_for("editor_a").post(withdraw_url(public)).status_code == 403
    assert client_for("member_b").post(withdraw_url(public)).status_code == 404
    public.refresh_from_db()
    assert public.status == Action.Status.PUBLISHED

    client_for("member_a").post(withdraw_url(public))
    public.refresh_from_db()
    assert public.status == Action.Status.WITHDRAWN
    client.logout()
    assert client.get(public.get_absolute_url()).status_code == 404


def test_discarding_a_proposed_change_leaves_the_published_action_as_it_was(client_for, personas):
    public = ActionFactory(published=True, government=personas.government_a, title_en="Welcome desk")
    client = client_for("editor_a")
    client.post(reverse("actions_workspace:revise", args=[public.public_id]))
    copy = Action.objects.get(revision_of=public)
    page = client.get(withdraw_url(copy)).content.decode()
    assert "Discard this proposed change?" in page
    response = client.post(withdraw_url(copy), follow=True)
    assert response.redirect_chain[-1][0] == detail_url(public)
    assert "The proposed change was discarded" in response.content.decode()
    assert not Action.objects.filter(pk=copy.pk).exists()
    public.refresh_from_db()
    assert public.status == Action.Status.PUBLISHED and public.title_en == "Welcome desk"


def test_a_submitted_proposed_change_leaves_the_public_page_unchanged(client, client_for, personas):
    public = ActionFactory(published=True, government=personas.government_a, title_en="Welcome desk", gcm_objectives=[16])
    member = client_for("member_a")
    member.post(reverse("actions_workspace:revise", args=[public.public_id]))
    copy = complete(Action.objects.get(revision_of=public))
    member.post(edit_url(copy, "basics"), basics(kind="practice", title="Welcome desk and phone line", summary="A summary."))
    member.post(submit_url(copy))
    copy.refresh_from_db()
    assert copy.status == Action.Status.SUBMITTED
    client.logout()
    page = client.get(public.get_absolute_url()).content.decode()
    assert "Welcome desk" in page and "phone line" not in page


def test_the_owners_page_shows_where_the_action_stands(client_for, pledge):
    page = client_for("editor_a").get(detail_url(pledge)).content.decode()
    assert "Status: Draft" in page and "Continue editing" in page and "A summary in the original language" in page
