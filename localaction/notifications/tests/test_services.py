"""notify / notify_government: who gets a notice, and that it commits with the change or not at all."""
import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from localaction.factories import MembershipFactory, UserFactory
from localaction.governments.models import Membership
from localaction.jobs.models import Job
from localaction.notifications.models import Notification
from localaction.notifications.services import mark_read, notify, notify_government

pytestmark = pytest.mark.django_db


def test_a_notice_comes_with_its_email_job():
    notification = notify(UserFactory(), "action.published", url="/en/about/", title="Shelter", missing=None)
    assert notification.context == {"title": "Shelter", "missing": ""}
    assert Job.objects.filter(payload={"notification_id": notification.pk}).exists()


def test_a_notice_is_rolled_back_with_the_change_it_follows():
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(user, "action.published", title="Shelter")
        raise RuntimeError("the change failed")
    assert not Notification.objects.exists()
    assert not Job.objects.exists()


def test_notify_government_reaches_its_active_members_with_the_government_name(personas):
    MembershipFactory(government=personas.government_a, user__is_active=False)
    sent = notify_government(personas.government_a, "action.published", title="Shelter")
    assert {n.user for n in sent} == {personas.member_a, personas.editor_a}
    assert all(n.context["government"] == "Government A" for n in sent)


def test_notify_government_can_keep_to_some_roles_and_leave_out_the_actor(personas):
    focal_points = notify_government(
        personas.government_a, "copledge.invited", roles=[Membership.Role.FOCAL_POINT], lead="Government B"
    )
    assert [n.user for n in focal_points] == [personas.member_a]
    others = notify_government(personas.government_a, "action.published", exclude=personas.member_a, title="x")
    assert [n.user for n in others] == [personas.editor_a]


def test_only_its_owner_marks_a_notice_read(personas):
    notification = notify(personas.member_a, "action.published", title="x")
    with pytest.raises(PermissionDenied):
        mark_read(notification, by=personas.member_b)
    first = mark_read(notification, by=personas.member_a).read_at
    assert first is not None
    assert mark_read(notification, by=personas.member_a).read_at == first
