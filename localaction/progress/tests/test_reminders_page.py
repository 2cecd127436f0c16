"""A government's members see the reminders sent about its pledges: kind, date, when sent."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory
from localaction.progress.models import Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminders(personas):
    pledge = {"kind": Action.Kind.PLEDGE, "published": True}
    ours = ActionFactory(government=personas.government_a, title_en="Language cafés", **pledge)
    theirs = ActionFactory(government=personas.government_b, title_en="Night shelter", **pledge)
    grf = CampaignFactory(name_en="GRF 2027", forum_date=date(2027, 12, 14))
    sent_at = timezone.now() - timedelta(days=1)
    return [
        Reminder.objects.create(action=ours, kind=Reminder.Kind.DUE_SOON, due_on=date(2027, 3, 31), sent_at=sent_at),
        Reminder.objects.create(action=ours, kind=Reminder.Kind.FORUM, due_on=date(2027, 12, 14), campaign=grf),
        Reminder.objects.create(action=theirs, kind=Reminder.Kind.OVERDUE, due_on=date(2027, 1, 31), sent_at=sent_at),
    ]


@pytest.mark.parametrize("persona", ["member_a", "editor_a"])
def test_members_see_the_reminders_of_their_governments_pledges(client_for, reminders, persona):
    response = client_for(persona).get(reverse("progress_workspace:reminders", args=["government-a"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Language cafés" in html and "Night shelter" not in html
    assert "Update due soon" in html and "March 31, 2027" in html
    assert "Forum coming (GRF 2027)" in html and "Dec. 14, 2027" in html
    assert "Waiting to be sent" in html  # the forum reminder has not left yet
    assert reverse("progress_workspace:list", args=[reminders[0].action.public_id]) in html


def test_a_government_without_reminders_says_so(client_for, personas):
    response = client_for("member_b").get(reverse("progress_workspace:reminders", args=["government-b"]))
    assert "No reminder has been sent to your government yet." in response.content.decode()


def test_other_governments_members_cannot_see_them(client_for, reminders):
    assert client_for("member_b").get(reverse("progress_workspace:reminders", args=["government-a"])).status_code == 404
