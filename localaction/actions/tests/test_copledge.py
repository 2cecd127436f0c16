"""Joint pledges: the lead invites verified governments from the editor; their focal points confirm or decline."""
import pytest
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action, CoPledger
from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory, GovernmentFactory, MembershipFactory
from localaction.governments.models import Membership
from localaction.notifications.models import Notification

from .editor_helpers import edit_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(personas):
    return services.create_draft(personas.government_a, personas.editor_a, kind=Action.Kind.PLEDGE,
                                 stage=Action.Stage.PLANNING, title_en="Shared housing pledge")


def invite_url(action):
    return reverse("actions_workspace:copledge_invite", args=[action.public_id])


def answer_url(link):
    return reverse("actions_workspace:copledge_answer", args=[link.pk])


INVITATIONS = "actions_workspace:copledge_invitations"


def test_the_lead_invites_a_verified_government_and_its_focal_points_are_told(client_for, pledge, personas):
    client = client_for("editor_a")
    response = client.post(invite_url(pledge), {"invite-government": personas.government_b.pk}, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(pledge, "people") + "#copledgers"
    page = response.content.decode()
    assert "Government B is invited" in page and "invited, waiting for an answer" in page
    link = CoPledger.objects.get(action=pledge, government=personas.government_b)
    assert link.confirmed_at is None and link.declined_at is None
    notice = Notification.objects.get(user=personas.member_b, verb="copledge.invited")
    assert notice.url == reverse(INVITATIONS)
    assert ActivityLog.objects.filter(verb="copledge.invited", payload__co_government="government-b").exists()
    # Once invited, a government is no longer offered a second time.
    assert f'<option value="{personas.government_b.pk}"' not in client.get(edit_url(pledge, "people")).content.decode()


def test_only_verified_governments_can_be_invited(client_for, pledge):
    unverified = GovernmentFactory(name="Unverified town", verified=False)
    client = client_for("editor_a")
    assert "Unverified town" not in client.get(edit_url(pledge, "people")).content.decode()
    response = client.post(invite_url(pledge), {"invite-government": unverified.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page and "Select a valid choice." in page
    assert not CoPledger.objects.exists()


def test_a_practice_cannot_be_joint(client_for, personas):
    practice = services.create_draft(personas.government_a, personas.editor_a, title_en="A practice")
    client = client_for("editor_a")
    assert "Only pledges can be joint." in client.get(edit_url(practice, "people")).content.decode()
    response = client.post(invite_url(practice), {"invite-government": personas.government_b.pk}, follow=True)
    assert "Only pledges can be joint." in response.content.decode()
    assert not CoPledger.objects.exists()


@pytest.mark.parametrize("persona, status", [("member_b", 404), ("reviewer", 404), ("anonymous", 302)])
def test_only_the_lead_government_invites(client_for, pledge, personas, persona, status):
    other = GovernmentFactory(name="Third town")
    assert client_for(persona).post(invite_url(pledge), {"invite-government": other.pk}).status_code == status
    assert not CoPledger.objects.exists()


def test_the_invited_focal_point_sees_the_invitation_and_joins(client_for, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    client = client_for("member_b")
    page = client.get(reverse(INVITATIONS)).content.decode()
    assert "Shared housing pledge" in page and "Government A invites Government B." in page
    assert answer_url(link) in page

    response = client.post(answer_url(link), {"answer": "confirm"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(INVITATIONS)
    assert "Government B joined the pledge" in response.content.decode()
    link.refresh_from_db()
    assert link.confirmed_at is not None and link.declined_at is None
    assert Notification.objects.filter(user=personas.member_a, verb="copledge.confirmed").exists()
    assert list(Action.objects.involving(personas.government_b)) == [pledge]


def test_the_invited_focal_point_can_decline(client_for, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    client_for("member_b").post(answer_url(link), {"answer": "decline"})
    link.refresh_from_db()
    assert link.declined_at is not None and link.confirmed_at is None
    assert Notification.objects.filter(user=personas.editor_a, verb="copledge.declined").exists()
    assert not Action.objects.involving(personas.government_b).exists()


def test_an_invitation_is_answered_once(client_for, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    client = client_for("member_b")
    client.post(answer_url(link), {"answer": "confirm"})
    response = client.post(answer_url(link), {"answer": "decline"}, follow=True)
    assert "already been answered" in response.content.decode()
    link.refresh_from_db()
    assert link.confirmed_at is not None and link.declined_at is None


@pytest.mark.parametrize("persona, status", [
    ("member_a", 404), ("editor_a", 404), ("reviewer", 404), ("admin", 404), ("anonymous", 302),
])
def test_only_focal_points_of_the_invited_government_answer(client_for, pledge, personas, persona, status):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    assert client_for(persona).post(answer_url(link), {"answer": "confirm"}).status_code == status
    link.refresh_from_db()
    assert link.confirmed_at is None


def test_an_editor_of_the_invited_government_sees_the_invitation_but_cannot_answer(client, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    editor_b = MembershipFactory(government=personas.government_b, role=Membership.Role.EDITOR).user
    client.force_login(editor_b)
    page = client.get(reverse(INVITATIONS)).content.decode()
    assert "Shared housing pledge" in page and "A focal point of your government answers" in page
    assert answer_url(link) not in page
    assert client.post(answer_url(link), {"answer": "confirm"}).status_code == 403
    link.refresh_from_db()
    assert link.confirmed_at is None


def test_a_nonsense_answer_is_a_bad_request(client_for, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    assert client_for("member_b").post(answer_url(link), {"answer": "maybe"}).status_code == 400


def test_other_governments_do_not_see_the_invitation(client_for, pledge, personas):
    services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    for persona in ("member_a", "reviewer"):
        assert "Shared housing pledge" not in client_for(persona).get(reverse(INVITATIONS)).content.decode()


def test_the_lead_can_withdraw_an_invitation(client_for, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    url = reverse("actions_workspace:copledge_remove", args=[pledge.public_id, link.pk])
    assert client_for("member_b").post(url).status_code == 404
    response = client_for("editor_a").post(url, follow=True)
    assert "Government B is no longer part of this pledge." in response.content.decode()
    assert not CoPledger.objects.exists()
    assert Notification.objects.filter(user=personas.member_b, verb="copledge.removed").exists()
    assert ActivityLog.objects.filter(verb="copledge.removed").exists()


def test_a_declined_government_can_be_invited_again(client_for, pledge, personas):
    link = services.invite_copledger(pledge, personas.government_b, personas.editor_a)
    services.decline_copledge(link, personas.member_b)
    client_for("editor_a").post(invite_url(pledge), {"invite-government": personas.government_b.pk})
    link.refresh_from_db()
    assert link.declined_at is None


def test_invitations_from_a_proposed_change_go_to_the_published_pledge(client_for, personas):
    public = ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=personas.government_a)
    client = client_for("member_a")
    client.post(reverse("actions_workspace:revise", args=[public.public_id]))
    copy = Action.objects.get(revision_of=public)
    client.post(invite_url(copy), {"invite-government": personas.government_b.pk})
    assert CoPledger.objects.get().action == public
    assert "Government B" in client.get(edit_url(copy, "people")).content.decode()
