"""The workspace home: each person's governments, what needs their attention, and the reviewers' queues."""
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action, CoPledger
from localaction.declarations.models import Endorsement
from localaction.factories import ActionFactory, GovernmentFactory, MembershipFactory, UserFactory
from localaction.governments.models import GovernmentRequest, Membership

pytestmark = pytest.mark.django_db

Status = Action.Status


def home(client_for, persona):
    response = client_for(persona).get(reverse("workspace:home"))
    assert response.status_code == 200
    return response.content.decode()


def count_shown(page, government, status):
    match = re.search(rf'id="count-{government.pk}-{status}">(\d+)<', page)
    return int(match.group(1)) if match else None


def queue_row(page, name):
    match = re.search(rf'<tr id="queue-{name}">(.*?)</tr>', page, re.S)
    return match.group(1) if match else None


def test_a_member_sees_their_government_and_role_but_not_another(client_for, personas):
    page = home(client_for, "member_a")
    assert "Government A" in page and "Government B" not in page
    assert "Your role: Focal point" in page
    assert "Verified" in page

    page = home(client_for, "member_b")
    assert "Government B" in page and "Government A" not in page

    assert "Your role: Editor" in home(client_for, "editor_a")


def test_it_counts_the_actions_by_status_without_the_working_copies(client_for, personas):
    a = personas.government_a
    ActionFactory.create_batch(2, government=a, status=Status.DRAFT)
    ActionFactory(government=a, status=Status.SUBMITTED)
    published = ActionFactory(government=a, published=True)
    ActionFactory(government=a, status=Status.REJECTED)
    ActionFactory(government=personas.government_b, status=Status.DRAFT)  # someone else's
    ActionFactory(government=a, status=Status.SUBMITTED, revision_of=published, title_en="Better wording")

    page = home(client_for, "member_a")

    shown = {status: count_shown(page, a, status) for status in Status.values}
    assert shown == {"draft": 2, "submitted": 1, "changes_requested": 0, "published": 1, "rejected": 1, "withdrawn": 0}
    assert "Proposed changes waiting" in page and "Better wording" in page


def test_changes_requested_need_attention_with_the_reviewers_note(client_for, personas):
    action = ActionFactory(
        government=personas.government_a, status=Status.CHANGES_REQUESTED, title_en="Night shelter",
        review_note="Add an indicator with a target.",
    )
    ActionFactory(government=personas.government_b, status=Status.CHANGES_REQUESTED, title_en="Not yours")

    page = home(client_for, "editor_a")

    assert "Needs your attention" in page
    assert "Night shelter" in page and "Add an indicator with a target." in page
    assert reverse("actions_workspace:detail", args=[action.public_id]) in page
    assert "Not yours" not in page


def test_a_focal_point_is_asked_to_answer_an_invitation_to_a_joint_pledge(client_for, personas):
    pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, title_en="Joint housing pledge")
    CoPledger.objects.create(action=pledge, government=personas.government_b)
    answered = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, title_en="Already answered")
    CoPledger.objects.create(action=answered, government=personas.government_b, declined_at=timezone.now())

    page = home(client_for, "member_b")

    assert "Government A invites your government to join the pledge “Joint housing pledge”." in page
    assert "Already answered" not in page
    assert reverse("actions_workspace:copledge_invitations") in page


def test_only_focal_points_are_asked_to_answer_invitations(client_for, personas):
    editor_b = MembershipFactory(government=personas.government_b, role=Membership.Role.EDITOR).user
    pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, title_en="Joint housing pledge")
    CoPledger.objects.create(action=pledge, government=personas.government_b)
    client = client_for("anonymous")
    client.force_login(editor_b)
    page = client.get(reverse("workspace:home")).content.decode()
    assert "Joint housing pledge" not in page


def test_it_shows_the_unread_notices(client_for, personas):
    from localaction.notifications.services import notify

    notify(personas.member_a, "action.published", title="x")
    page = home(client_for, "member_a")
    assert "You have 1 unread notice." in page
    assert "You have no unread notice." in home(client_for, "member_b")


def test_an_unverified_government_is_shown_as_awaiting_verification(client_for):
    user = MembershipFactory(government=GovernmentFactory(name="New Town", verified=False)).user
    client = client_for("anonymous")
    client.force_login(user)
    page = client.get(reverse("workspace:home")).content.decode()
    assert "New Town" in page and "Awaiting verification" in page


def test_the_links_lead_to_the_governments_own_screens(client_for, personas):
    page = home(client_for, "member_a")
    slug = personas.government_a.slug
    assert reverse("actions_workspace:create", args=[slug]) in page
    assert reverse("governments_workspace:members", args=[slug]) in page
    assert reverse("declarations_workspace:endorse", args=[slug]) in page
    assert reverse("governments_workspace:register") not in page


def test_someone_without_a_government_is_invited_to_register_or_join_one(client_for, personas):
    user = UserFactory()
    GovernmentRequest.objects.create(
        user=user, government=GovernmentFactory(name="Pending Town", verified=False),
        kind=GovernmentRequest.Kind.REGISTER, position="Mayor",
    )
    client = client_for("anonymous")
    client.force_login(user)
    page = client.get(reverse("workspace:home")).content.decode()
    assert reverse("governments_workspace:register") in page
    assert reverse("governments_workspace:join") in page
    assert "Pending Town" in page and "Waiting for verification" in page


def test_reviewers_and_the_admin_see_the_queues_with_their_sizes_and_oldest_dates(client_for, personas):
    ActionFactory(status=Status.SUBMITTED, submitted_at=timezone.now() - timezone.timedelta(days=3))
    ActionFactory(status=Status.SUBMITTED, submitted_at=timezone.now())
    published = ActionFactory(published=True)
    ActionFactory(
        status=Status.SUBMITTED, submitted_at=timezone.now(), revision_of=published, government=published.government
    )
    Endorsement.objects.create(
        government=personas.government_b, signatory_name="Mayor B", signatory_title="Mayor",
        signed_on=timezone.localdate(), letter="declarations/letter.pdf",
    )

    for persona in ("reviewer", "admin"):
        page = home(client_for, persona)
        assert "Waiting for review" in page
        new_actions = queue_row(page, "new_actions")
        assert '<td class="num">2</td>' in new_actions
        oldest = (timezone.now() - timezone.timedelta(days=3)).date().isoformat()
        assert f'datetime="{oldest}' in new_actions
        assert reverse("review:queue") in new_actions
        assert '<td class="num">1</td>' in queue_row(page, "revisions")
        assert '<td class="num">0</td>' in queue_row(page, "government_requests")
        assert reverse("governments_workspace:requests") in queue_row(page, "government_requests")
        endorsements = queue_row(page, "endorsements")
        assert '<td class="num">1</td>' in endorsements and reverse("declarations_workspace:queue") in endorsements


def test_the_reviewer_panel_is_for_reviewers_only(client_for, personas):
    for persona in ("member_a", "editor_a", "member_b", "fund_manager", "evaluator"):
        assert "Waiting for review" not in home(client_for, persona), persona


def test_the_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_number_of_queries_does_not_grow_with_governments_and_actions(
    client_for, personas, django_assert_max_num_queries
):
    def add_government(user):
        government = GovernmentFactory()
        MembershipFactory(user=user, government=government)
        pledge = ActionFactory(government=government, kind=Action.Kind.PLEDGE, published=True)
        ActionFactory(government=government, status=Status.CHANGES_REQUESTED, review_note="Fix")
        ActionFactory(government=government, status=Status.DRAFT, revision_of=pledge)
        CoPledger.objects.create(action=ActionFactory(kind=Action.Kind.PLEDGE), government=government)

    client = client_for("admin")
    add_government(personas.admin)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("workspace:home"))
    for _ in range(5):
        add_government(personas.admin)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("workspace:home")).content.decode()
    assert page.count("Needs your attention") == 6
