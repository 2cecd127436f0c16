"""The review page: the whole submission, the checklist, the government's verification and, for a proposed
change, what would change on the public page."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action
from localaction.factories import CampaignFactory, GovernmentFactory

from .factories_review import complete_action, proposed_change, published_action, submitted_action

pytestmark = pytest.mark.django_db


def review_page(client, action):
    return client.get(reverse("review:detail", args=[action.public_id]))


def test_it_shows_the_whole_submission_with_its_languages_side_by_side(client_for, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    action = submitted_action(
        personas.government_a, kind=Action.Kind.PLEDGE, title_en="Language cafés", title_fr="Cafés des langues",
        summary_en="Weekly meetings.", summary_fr="Rencontres hebdomadaires.", description_en="Volunteers and newcomers.",
        goals_en="500 people.", start_date="2026-01-01", end_date="2027-12-31", budget="25000",
        funding_sources="City budget", partnership_sought="Universities", campaign=CampaignFactory(name_en="IMRF 2026"),
    )
    action.gcr_areas.add("education")
    action.sdgs.add(4)
    action.partners.create(name="Refugee Welcome Network", kind="migrant_led")
    action.links.create(url="https://example.org/cafes", title="Programme page")
    document = action.documents.create(title="Signed plan", is_public=False, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4"))

    response = review_page(client_for("reviewer"), action)

    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Language cafés", "Cafés des langues", "Weekly meetings.", "Rencontres hebdomadaires.",
                 "Volunteers and newcomers.", "500 people.", "25,000", "City budget", "Universities", "IMRF 2026",
                 "Refugee Welcome Network", "Programme page", "People taking part", "Signed plan", "Migrants",
                 "16. ", "Education", "4. ", "Government A", action.public_id):
        assert text in page, text
    assert '<td lang="fr">' in page and '<td lang="es">' not in page
    assert reverse("review:document", args=[action.public_id, document.pk]) in page
    assert reverse("review:action", args=[action.public_id]) in page


def test_it_shows_the_checklist_to_tick_and_what_the_automatic_checks_miss(client_for, personas):
    action = submitted_action(personas.government_a, kind=Action.Kind.PLEDGE)

    page = review_page(client_for("reviewer"), action).content.decode()

    for _key, label in services.REVIEW_CHECKLIST:
        assert str(label) in page
    for value in ("needs_driven", "co_designed", "mapping_correct", "time_bound"):
        assert f'value="{value}"' in page
    assert "The automatic checks find these items missing" in page
    assert reverse("review:decide", args=[action.public_id]) in page
    assert reverse("review:mapping", args=[action.public_id]) in page


def test_it_warns_when_the_government_is_not_verified(client_for, personas):
    action = submitted_action(GovernmentFactory(name="New Town", verified=False))

    page = review_page(client_for("reviewer"), action).content.decode()

    assert "New Town is not verified yet" in page


def test_a_proposed_change_shows_what_would_change_field_by_field(client_for, personas):
    public = published_action(personas.government_a, title_en="Language cafés", summary_en="Weekly meetings.", gcm_objectives=[16])
    copy = services.start_revision(public, personas.editor_a)
    copy.title_en = "Language cafés for all"
    copy.save()
    copy.gcm_objectives.add(15)
    copy.sdgs.add(10)
    services.submit(copy, personas.editor_a)

    page = review_page(client_for("reviewer"), copy).content.decode()

    assert "What would change on the public page" in page
    assert "Title (English)" in page
    assert "Language cafés</del>" in page and "Language cafés for all</ins>" in page
    assert "GCM objectives" in page and "Sustainable Development Goals" in page
    assert "15. " in page.split("Language cafés for all</ins>")[1]
    assert "10. Reduced inequalities</ins>" in page
    assert "Summary (English)" not in page.split("What would change")[1].split("</table>")[0]
    assert public.get_absolute_url() in page


def test_an_action_that_was_never_submitted_stays_with_its_owners(client_for, personas):
    action = complete_action(personas.government_a)

    assert review_page(client_for("reviewer"), action).status_code == 404


@pytest.mark.parametrize("status", [Action.Status.CHANGES_REQUESTED, Action.Status.REJECTED, Action.Status.PUBLISHED])
def test_decisions_are_offered_only_for_submitted_actions(client_for, personas, status):
    action = submitted_action(personas.government_a, status=status, review_note="Add a French summary.")

    page = review_page(client_for("reviewer"), action).content.decode()

    assert reverse("review:decide", args=[action.public_id]) not in page
    assert "There is no decision to take" in page
    if status != Action.Status.PUBLISHED:
        assert "Add a French summary." in page


def test_a_published_action_links_to_its_proposed_change(client_for, personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")

    page = review_page(client_for("reviewer"), public).content.decode()

    assert reverse("review:detail", args=[copy.public_id]) in page


def test_the_number_of_queries_does_not_grow_with_the_submission(client_for, personas):
    small = submitted_action(personas.government_a)
    large = submitted_action(personas.government_a, gcm_objectives=[1, 2, 3, 4, 5])
    large.sdgs.add(1, 2, 3)
    for n in range(5):
        large.partners.create(name=f"Partner {n}")
        large.links.create(url=f"https://example.org/{n}")
    client = client_for("reviewer")
    review_page(client, small)

    with CaptureQueriesContext(connection) as few:
        review_page(client, small)
    with CaptureQueriesContext(connection) as many:
        review_page(client, large)

    assert len(many) == len(few)
