import pytest
from django.urls import reverse

from localaction.activity.models import ActivityLog
from localaction.factories import GovernmentFactory, UserFactory
from localaction.governments import services
from localaction.governments.models import GovernmentRequest, Membership

pytestmark = pytest.mark.django_db


def join_url(**query):
    return reverse("governments_workspace:join", query=query) if query else reverse("governments_workspace:join")


def test_the_search_lists_verified_governments_only_with_a_button_to_ask(client):
    GovernmentFactory(name="Dakar", slug="dakar")
    GovernmentFactory(name="Dakar Plateau (unverified)", verified=False)
    GovernmentFactory(name="Lisbon")
    client.force_login(UserFactory())
    page = client.get(join_url(q="dak")).content.decode()
    assert "Dakar" in page and "unverified" not in page and "Lisbon" not in page
    assert '<input type="hidden" name="government" value="dakar">' in page
    assert "Ask to join" in page


def test_a_government_the_user_belongs_to_is_marked_instead_of_offered(client, personas):
    client.force_login(personas.member_a)
    page = client.get(join_url(q="Government A")).content.decode()
    assert "You are a member." in page
    assert 'name="government" value="government-a"' not in page


def test_no_match_suggests_registering(client):
    client.force_login(UserFactory())
    page = client.get(join_url(q="Atlantis")).content.decode()
    assert "No verified government matches." in page
    assert reverse("governments_workspace:register") in page


def test_choosing_a_government_shows_the_request_form(client):
    GovernmentFactory(name="Dakar", slug="dakar")
    client.force_login(UserFactory())
    page = client.get(join_url(government="dakar")).content.decode()
    assert "Ask to join Dakar" in page
    assert 'name="role"' in page and 'name="position"' in page and 'name="message"' in page


def test_asking_to_join_creates_a_pending_request_and_records_it(client):
    government = GovernmentFactory(name="Dakar", slug="dakar")
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        join_url(), {"government": "dakar", "role": "focal_point", "position": "Deputy mayor", "message": "Hello"}, follow=True
    )
    government_request = GovernmentRequest.objects.get(user=user, government=government)
    assert government_request.kind == GovernmentRequest.Kind.JOIN
    assert government_request.role == Membership.Role.FOCAL_POINT
    assert government_request.status == GovernmentRequest.Status.PENDING
    assert not Membership.objects.filter(user=user, government=government).exists()
    assert ActivityLog.objects.filter(verb="government.join_requested", actor=user, government=government).exists()
    page = response.content.decode()
    assert "was sent to the reviewers" in page and "Waiting for verification" in page


def test_a_member_cannot_ask_to_join_again(client, personas):
    client.force_login(personas.editor_a)
    response = client.post(join_url(), {"government": "government-a", "role": "focal_point", "position": "Officer"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "You are already a member of Government A." in page
    assert not GovernmentRequest.objects.exists()


def test_a_second_request_while_one_waits_is_refused():
    government, user = GovernmentFactory(name="Dakar"), UserFactory()
    services.request_join(user, government, Membership.Role.EDITOR, "Officer")
    with pytest.raises(services.GovernmentError, match="already asked to join Dakar"):
        services.request_join(user, government, Membership.Role.EDITOR, "Officer")
    assert GovernmentRequest.objects.count() == 1


def test_asking_again_after_a_decline_is_possible(personas):
    government, user = GovernmentFactory(), UserFactory()
    first = services.request_join(user, government, Membership.Role.EDITOR, "Officer")
    services.decline_request(first, by=personas.reviewer, reason="Unknown to the city.")
    second = services.request_join(user, government, Membership.Role.EDITOR, "Officer, with a letter")
    assert second.status == GovernmentRequest.Status.PENDING


def test_an_unverified_government_cannot_be_joined(client):
    government = GovernmentFactory(slug="not-yet", verified=False)
    user = UserFactory()
    with pytest.raises(services.GovernmentError):
        services.request_join(user, government, Membership.Role.EDITOR, "Officer")
    client.force_login(user)
    response = client.post(join_url(), {"government": "not-yet", "role": "editor", "position": "Officer"})
    assert "Choose a government from the search results." in response.content.decode()
    assert not GovernmentRequest.objects.exists()


def test_a_missing_position_is_explained_next_to_the_field_and_the_choice_kept(client):
    GovernmentFactory(name="Dakar", slug="dakar")
    client.force_login(UserFactory())
    response = client.post(join_url(), {"government": "dakar", "role": "editor", "position": "", "message": "Kept text"})
    page = response.content.decode()
    assert 'id="id_position_error"' in page
    assert "Ask to join Dakar" in page and "Kept text" in page
    assert not GovernmentRequest.objects.exists()


def test_signed_out_visitors_are_asked_to_sign_in(client):
    response = client.get(join_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
