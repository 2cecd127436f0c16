"""“Inspired by”: an action names the published action it replicates; the original counts its replications."""
import pytest

from localaction.actions import services
from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory

from .editor_helpers import edit_url, people

pytestmark = pytest.mark.django_db


@pytest.fixture
def original(personas):
    return ActionFactory(published=True, government=personas.government_b, title_en="Welcome desk of B")


def save_inspiration(client, action, public_id):
    return client.post(edit_url(action, "people"), people(inspiration=public_id, stay="1"))


def test_a_draft_names_a_published_action_of_another_government(client_for, personas, original):
    draft = ActionFactory(government=personas.government_a)
    response = save_inspiration(client_for("member_a"), draft, original.public_id.upper())
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.inspired_by == original
    page = client_for("member_a").get(edit_url(draft, "people")).content.decode()
    assert f'value="{original.public_id}"' in page


def test_an_action_of_the_same_government_can_be_named(client_for, personas):
    own = ActionFactory(published=True, government=personas.government_a)
    draft = ActionFactory(government=personas.government_a)
    assert save_inspiration(client_for("member_a"), draft, own.public_id).status_code == 302


@pytest.mark.parametrize("status", [Action.Status.DRAFT, Action.Status.SUBMITTED, Action.Status.WITHDRAWN, Action.Status.REJECTED])
def test_only_a_published_action_can_be_named(client_for, personas, status):
    unpublished = ActionFactory(government=personas.government_b, status=status)
    draft = ActionFactory(government=personas.government_a)
    response = save_inspiration(client_for("member_a"), draft, unpublished.public_id)
    assert response.status_code == 200 and "Only a published action can be named" in response.content.decode()
    draft.refresh_from_db()
    assert draft.inspired_by is None


def test_an_action_cannot_name_itself_its_working_copy_or_one_that_names_it(client_for, personas, original):
    public = ActionFactory(published=True, government=personas.government_a)
    client = client_for("member_a")
    copy = services.start_revision(public, personas.member_a)
    assert "cannot be inspired by itself" in save_inspiration(client, copy, public.public_id).content.decode()
    original.inspired_by = public
    original.save()
    assert "already names this one" in save_inspiration(client, copy, original.public_id).content.decode()
    assert "No action has this identifier" in save_inspiration(client, copy, "zzzzzzzz").content.decode()


def test_the_original_shows_its_published_replications(client, personas, original):
    for n, city in enumerate(["Lyon", "Turin"]):
        ActionFactory(published=True, inspired_by=original, title_en=f"Copy {n}", government=GovernmentFactory(name=city))
    ActionFactory(inspired_by=original, title_en="Draft copy")
    ActionFactory(inspired_by=original, title_en="Withdrawn copy", status=Action.Status.WITHDRAWN)
    page = client.get(original.get_absolute_url()).content.decode()
    assert "Replicated by 2 actions" in page
    assert "Copy 0" in page and "Turin" in page
    assert "Draft copy" not in page and "Withdrawn copy" not in page


def test_the_replicating_action_links_to_its_original(client, original):
    copy = ActionFactory(published=True, inspired_by=original)
    page = client.get(copy.get_absolute_url()).content.decode()
    assert "Inspired by" in page and original.get_absolute_url() in page
    original.status = Action.Status.WITHDRAWN
    original.save()
    assert original.get_absolute_url() not in client.get(copy.get_absolute_url()).content.decode()


def test_a_published_action_changes_its_inspiration_through_a_reviewed_revision(client_for, personas, original):
    """The link shows on the public page, so it is content: it changes only when a reviewer approves."""
    public = ActionFactory(published=True, government=personas.government_a, gcm_objectives=[16])
    copy = services.start_revision(public, personas.member_a)
    assert save_inspiration(client_for("member_a"), copy, original.public_id).status_code == 302
    public.refresh_from_db()
    assert public.inspired_by is None
    copy.refresh_from_db()
    copy.status = Action.Status.SUBMITTED
    copy.save()
    services.approve(copy, personas.reviewer)
    public.refresh_from_db()
    assert public.inspired_by == original
    assert public.revisions.first().data["inspired_by_id"] == original.pk
    # A later working copy starts from it.
    assert services.start_revision(public, personas.member_a).inspired_by == original
