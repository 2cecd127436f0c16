""""Announced at" tags: reviewers record the forums at which an action was announced; the public page shows them;
the campaigns those forums belong to hand the action over."""
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from localaction.actions import services as action_services
from localaction.actions.tests.factories_review import complete_action, proposed_change, published_action
from localaction.activity.services import history

from .. import services
from .factories import campaign

pytestmark = pytest.mark.django_db


def tags_url(action):
    return reverse("campaigns_workspace:announced_at", args=[action.public_id])


def test_a_reviewer_tags_an_action_with_the_forums_it_was_announced_at(client_for, personas):
    imrf, grf, other = campaign(name_en="IMRF 2022"), campaign(name_en="GRF 2023"), campaign(name_en="GRF 2027")
    action = published_action(personas.government_a, campaign=imrf)
    client = client_for("reviewer")

    page = client.get(tags_url(action)).content.decode()
    assert "IMRF 2022 (forum on" in page and "GRF 2023 (forum on" in page

    response = client.post(tags_url(action), {"campaigns": [imrf.slug, grf.slug]}, follow=True)

    assert "The “announced at” tags are saved." in response.content.decode()
    assert set(action.announced_at.all()) == {imrf, grf}
    entry = history(action).first()
    assert (entry.verb, entry.actor, entry.payload) == (
        "action.announced_at_changed", personas.reviewer, {"added": sorted([imrf.slug, grf.slug]), "removed": []},
    )
    client.post(tags_url(action), {"campaigns": [grf.slug, other.slug]})
    assert history(action).first().payload == {"added": [other.slug], "removed": [imrf.slug]}
    client.post(tags_url(action), {})
    assert not action.announced_at.exists()


def test_saving_the_same_tags_records_nothing(personas):
    imrf = campaign()
    action = published_action(personas.government_a)
    services.set_announced_at(action, [imrf], personas.reviewer)

    assert services.set_announced_at(action, [imrf], personas.reviewer) == ([], [])
    assert history(action).filter(verb="action.announced_at_changed").count() == 1


@pytest.mark.parametrize("persona", ["member_a", "editor_a", "member_b", "fund_manager", "evaluator"])
def test_only_reviewers_set_the_tags(personas, persona):
    action = published_action(personas.government_a)
    with pytest.raises(PermissionDenied):
        services.set_announced_at(action, [campaign()], personas.get(persona))
    assert not action.announced_at.exists()


def test_the_public_page_shows_where_the_action_was_announced(client, personas):
    imrf, grf = campaign(name_en="IMRF 2022"), campaign(name_en="GRF 2023")
    action = published_action(personas.government_a, campaign=imrf)
    services.set_announced_at(action, [grf], personas.reviewer)

    page = client.get(action.get_absolute_url()).content.decode()

    assert "<dt>Announced at</dt>" in page
    assert f'<a href="{reverse("figures:campaign", args=[grf.slug])}">GRF 2023</a>' in page


def test_a_page_without_tags_says_nothing_about_them(client, personas):
    action = published_action(personas.government_a)
    assert "Announced at" not in client.get(action.get_absolute_url()).content.decode()


def test_the_tags_of_a_proposed_change_are_those_of_the_published_action(client_for, personas):
    grf = campaign(name_en="GRF 2023")
    public = published_action(personas.government_a)
    services.set_announced_at(public, [grf], personas.reviewer)
    copy = proposed_change(public, personas.member_a, summary_en="Now in three districts.")

    review = client_for("reviewer").get(reverse("review:detail", args=[copy.public_id])).content.decode()
    assert "<dt>Announced at</dt><dd>GRF 2023" in review
    assert tags_url(public) in review

    # Approving the change leaves the tags alone: they are not part of the reviewed content.
    action_services.approve(copy, personas.reviewer)
    assert list(public.announced_at.all()) == [grf]


def test_drafts_cannot_be_tagged(client_for, personas):
    draft = complete_action(personas.government_a)
    assert client_for("reviewer").get(tags_url(draft)).status_code == 404
