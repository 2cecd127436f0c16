import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from localaction.actions import services as action_services
from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory, GovernmentFactory, UserFactory
from localaction.governments import services
from localaction.governments.models import Government, GovernmentRequest, Membership
from localaction.taxonomy.models import Country

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Ville de Saint-Louis",
    "kind": Government.Kind.MUNICIPALITY,
    "country": "SN",
    "population": "258000",
    "website": "https://saint-louis.example",
    "latitude": "16.0179",
    "longitude": "-16.4896",
    "position": "Adviser to the mayor",
    "message": "Our council endorsed the Call last year.",
}


def register(user, name="Ville de Saint-Louis"):
    return services.request_registration(
        user, name=name, kind=Government.Kind.MUNICIPALITY, country=Country.objects.get(code="SN"),
        position="Adviser to the mayor",
    )


def test_registering_creates_an_unverified_government_with_the_requester_as_focal_point():
    user = UserFactory()
    government_request = register(user)
    government = government_request.government
    assert government.slug == "ville-de-saint-louis"
    assert not government.verified and government.verified_at is None
    assert Membership.objects.get(user=user, government=government).role == Membership.Role.FOCAL_POINT
    assert government_request.kind == GovernmentRequest.Kind.REGISTER
    assert government_request.status == GovernmentRequest.Status.PENDING
    assert government_request.position == "Adviser to the mayor"


def test_registering_is_recorded():
    user = UserFactory()
    government_request = register(user)
    entry = ActivityLog.objects.get(verb="government.registration_requested")
    assert entry.actor == user and entry.government == government_request.government
    assert entry.target == government_request


def test_a_name_already_taken_gets_a_numbered_address():
    GovernmentFactory(slug="ville-de-saint-louis")
    second = register(UserFactory()).government
    third = register(UserFactory()).government
    assert (second.slug, third.slug) == ("ville-de-saint-louis-2", "ville-de-saint-louis-3")


def test_a_name_without_latin_letters_still_gets_an_address():
    assert register(UserFactory(), name="القاهرة").government.slug == "government"


def test_the_unverified_government_stays_off_the_public_pages():
    government = register(UserFactory()).government
    assert not Government.objects.public().filter(pk=government.pk).exists()


def test_nothing_an_unverified_government_writes_can_be_published(personas):
    government = register(UserFactory()).government
    action = ActionFactory(government=government, status=Action.Status.SUBMITTED)
    with pytest.raises(action_services.TransitionError):
        action_services.approve(action, by=personas.reviewer)
    action.refresh_from_db()
    assert action.status == Action.Status.SUBMITTED


def test_the_form_sends_the_registration_and_shows_it_awaits_verification(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("governments_workspace:register"), FORM, follow=True)
    page = response.content.decode()
    government = Government.objects.get(slug="ville-de-saint-louis")
    assert government.population == 258000 and str(government.latitude) == "16.01790"
    assert government.memberships.get().user == user
    assert "Ville de Saint-Louis" in page
    assert "Awaiting verification." in page
    assert "Waiting for verification" in page  # the request's status in "Your requests"


def test_the_members_page_of_an_unverified_government_says_it_awaits_verification(client):
    user = UserFactory()
    government = register(user).government
    client.force_login(user)
    page = client.get(reverse("governments_workspace:members", args=[government.slug])).content.decode()
    assert "Awaiting verification." in page


def test_missing_and_out_of_range_values_are_explained_next_to_their_fields(client):
    client.force_login(UserFactory())
    response = client.post(reverse("governments_workspace:register"), {**FORM, "position": "", "latitude": "123"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert 'id="id_position_error"' in page
    assert 'id="id_latitude_error"' in page and "less than or equal to 90" in page
    assert 'value="Ville de Saint-Louis"' in page
    assert not Government.objects.filter(name="Ville de Saint-Louis").exists()


def test_latitude_and_longitude_are_optional(client):
    client.force_login(UserFactory())
    client.post(reverse("governments_workspace:register"), {**FORM, "latitude": "", "longitude": ""})
    assert Government.objects.get(slug="ville-de-saint-louis").latitude is None


def test_countries_are_listed_by_their_name_in_the_readers_language(client):
    client.force_login(UserFactory())
    with translation.override("fr"):
        url = reverse("governments_workspace:register")
    page = client.get(url).content.decode()
    assert '<option value="DE">Allemagne</option>' in page


def test_signed_out_visitors_are_asked_to_sign_in(client):
    response = client.get(reverse("governments_workspace:register"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_only_reviewers_verify_a_registration(personas):
    government_request = register(personas.member_b)
    with pytest.raises(PermissionDenied):
        services.approve_request(government_request, by=personas.member_b)
    government_request.government.refresh_from_db()
    assert not government_request.government.verified
