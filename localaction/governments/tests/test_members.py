import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import escape

from localaction.activity.models import ActivityLog
from localaction.factories import MembershipFactory
from localaction.governments import services
from localaction.governments.models import Membership
from localaction.notifications.models import Notification

pytestmark = pytest.mark.django_db


def members_url(slug="government-a"):
    return reverse("governments_workspace:members", args=[slug])


def remove_url(membership):
    return reverse("governments_workspace:member_remove", args=[membership.government.slug, membership.pk])


def membership_of(user, government):
    return Membership.objects.get(user=user, government=government)


# ---------------------------------------------------------------- the list


def test_every_member_sees_the_members_with_their_roles(client_for, personas):
    page = client_for("editor_a").get(members_url()).content.decode()
    assert escape(personas.member_a.full_name) in page and escape(personas.editor_a.full_name) in page
    assert "Focal point" in page and "Editor" in page
    assert escape(personas.member_b.full_name) not in page


def test_editors_see_no_invitation_form_nor_remove_links(client_for):
    page = client_for("editor_a").get(members_url()).content.decode()
    assert "Invite a colleague" not in page
    assert "/remove/" not in page


def test_focal_points_see_the_invitation_form_and_remove_links(client_for, personas):
    page = client_for("member_a").get(members_url()).content.decode()
    assert "Invite a colleague" in page
    assert remove_url(membership_of(personas.editor_a, personas.government_a)) in page


@pytest.mark.parametrize("persona", ["member_b", "reviewer", "fund_manager", "evaluator", "admin"])
def test_strangers_do_not_find_the_members_page(client_for, persona):
    assert client_for(persona).get(members_url()).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client_for):
    response = client_for("anonymous").get(members_url())
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_government_is_not_found(client_for):
    assert client_for("member_a").get(members_url("nowhere")).status_code == 404


def test_my_governments_lists_the_users_memberships(client_for):
    page = client_for("editor_a").get(reverse("governments_workspace:my_governments")).content.decode()
    assert "Government A" in page and "Your role: Editor" in page
    assert members_url() in page
    assert "Government B" not in page


# ---------------------------------------------------------------- removing


def test_removing_asks_for_confirmation_first(client_for, personas):
    editor = membership_of(personas.editor_a, personas.government_a)
    response = client_for("member_a").get(remove_url(editor))
    assert response.status_code == 200
    assert escape(f"Remove {personas.editor_a.full_name}") in response.content.decode()
    assert Membership.objects.filter(pk=editor.pk).exists()


def test_a_focal_point_removes_a_member_who_loses_access_at_once(client, personas):
    editor = membership_of(personas.editor_a, personas.government_a)
    client.force_login(personas.member_a)
    response = client.post(remove_url(editor), follow=True)
    assert escape(f"{personas.editor_a.full_name} is no longer a member of Government A.") in response.content.decode()
    assert not Membership.objects.filter(pk=editor.pk).exists()
    client.force_login(personas.editor_a)
    assert client.get(members_url()).status_code == 404


def test_removing_notifies_the_person_and_is_recorded(personas):
    services.remove_member(membership_of(personas.editor_a, personas.government_a), by=personas.member_a)
    assert Notification.objects.get(user=personas.editor_a).verb == "membership.removed"
    entry = ActivityLog.objects.get(verb="membership.removed")
    assert entry.actor == personas.member_a and entry.government == personas.government_a
    assert entry.payload["user_id"] == personas.editor_a.pk


def test_editors_cannot_remove_members(client_for, personas):
    focal = membership_of(personas.member_a, personas.government_a)
    assert client_for("editor_a").get(remove_url(focal)).status_code == 403
    assert client_for("editor_a").post(remove_url(focal)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.remove_member(focal, by=personas.editor_a)
    assert Membership.objects.filter(pk=focal.pk).exists()


def test_a_focal_point_of_another_government_cannot_remove_members(client_for, personas):
    editor = membership_of(personas.editor_a, personas.government_a)
    assert client_for("member_b").post(remove_url(editor)).status_code == 404
    with pytest.raises(PermissionDenied):
        services.remove_member(editor, by=personas.member_b)
    assert Membership.objects.filter(pk=editor.pk).exists()


def test_a_membership_of_another_government_is_not_found_through_this_one(client_for, personas):
    other = membership_of(personas.member_b, personas.government_b)
    url = reverse("governments_workspace:member_remove", args=["government-a", other.pk])
    assert client_for("member_a").post(url).status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()


def test_the_last_focal_point_cannot_be_removed(client, personas):
    focal = membership_of(personas.member_a, personas.government_a)
    with pytest.raises(services.GovernmentError, match="at least one focal point"):
        services.remove_member(focal, by=personas.member_a)
    client.force_login(personas.member_a)
    response = client.post(remove_url(focal), follow=True)
    assert "needs at least one focal point" in response.content.decode()
    assert Membership.objects.filter(pk=focal.pk).exists()


def test_a_focal_point_may_leave_when_another_focal_point_remains(client, personas):
    MembershipFactory(government=personas.government_a, role=Membership.Role.FOCAL_POINT)
    client.force_login(personas.member_a)
    response = client.post(remove_url(membership_of(personas.member_a, personas.government_a)))
    assert response["Location"] == reverse("governments_workspace:my_governments")
    assert client.get(members_url()).status_code == 404


def test_a_focal_point_may_remove_another_focal_point(personas):
    other = MembershipFactory(government=personas.government_a, role=Membership.Role.FOCAL_POINT)
    services.remove_member(other, by=personas.member_a)
    assert not Membership.objects.filter(pk=other.pk).exists()
