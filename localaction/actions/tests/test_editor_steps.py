"""The action editor's steps: each saves, resumes and keeps what people typed; only members get in."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.factories import ActionFactory, CampaignFactory
from localaction.taxonomy.models import Term, Vocabulary

from .editor_helpers import basics, complete, documents, edit_url, mapping, money, people

pytestmark = pytest.mark.django_db

STEPS = ["basics", "mapping", "people", "money", "documents", "translations", "review"]


@pytest.fixture
def draft(personas):
    return services.create_draft(personas.government_a, personas.editor_a, kind=Action.Kind.PLEDGE,
                                 stage=Action.Stage.PLANNING, title_en="Language cafés")


def sign_in(client, user):
    client.logout()
    client.force_login(user)
    return client


def test_a_pledge_written_over_four_sessions_keeps_every_step(client, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Session 1: the editor starts a pledge and stops after the basics.
    sign_in(client, personas.editor_a)
    create = reverse("actions_workspace:create", args=[personas.government_a.slug])
    assert re.search(r'<input[^>]*value="pledge"[^>]*checked', client.get(create + "?kind=pledge").content.decode())
    response = client.post(create, basics(title="Language cafés for newcomers", goals="Reach 500 people."))
    action = Action.objects.get(government=personas.government_a, title_en="Language cafés for newcomers")
    assert response.status_code == 302 and response["Location"] == edit_url(action, "mapping")
    assert action.status == Action.Status.DRAFT and action.created_by == personas.editor_a
    client.logout()

    # Session 2: the focal point maps it and names a partner.
    sign_in(client, personas.member_a)
    assert client.post(edit_url(action, "mapping"), mapping(gcm=(16, 7), sdgs=["10"])).status_code == 302
    response = client.post(edit_url(action, "people"), people(
        partners=[{"name": "Refugee Welcome Network", "kind": "migrant_led", "website": ""}],
        partnership_sought="Universities with language departments",
    ))
    assert response["Location"] == edit_url(action, "money")
    client.logout()

    # Session 3: the editor adds dates, money, an indicator and a document.
    sign_in(client, personas.editor_a)
    client.post(edit_url(action, "money"), money(
        start_date="2025-03-01", end_date="2027-02-28", budget="12000", currency="eur", funding_sources="City budget",
        indicators=[{"name": "People taking part", "unit": "people", "baseline": "0", "target": "500", "target_date": "2027-02-28"}],
    ))
    client.post(edit_url(action, "documents"), documents(
        links=[{"url": "https://example.org/cafes", "title": "Project page"}],
        **{"upload-title": "Action plan", "upload-file": SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")},
    ))
    client.logout()

    # Session 4: the focal point resumes with the step after the last one saved, and finds everything.
    sign_in(client, personas.member_a)
    response = client.get(reverse("actions_workspace:resume", args=[action.public_id]))
    assert response["Location"] == edit_url(action, "translations")
    pages = {step: client.get(edit_url(action, step)).content.decode() for step in STEPS}
    assert 'value="Language cafés for newcomers"' in pages["basics"] and "Reach 500 people." in pages["basics"]
    assert 'value="16" id="id_gcm_objectives_15" checked' in pages["mapping"]
    assert 'value="7" id="id_gcm_objectives_6" checked' in pages["mapping"]
    assert 'value="Refugee Welcome Network"' in pages["people"] and "Universities with language departments" in pages["people"]
    assert 'value="2025-03-01"' in pages["money"] and 'value="EUR"' in pages["money"] and 'value="People taking part"' in pages["money"]
    assert 'value="https://example.org/cafes"' in pages["documents"] and "Action plan" in pages["documents"]
    assert "Refugee Welcome Network" in pages["review"] and "People taking part" in pages["review"]

    action.refresh_from_db()
    assert action.gcm_objectives.count() == 2 and list(action.sdgs.values_list("number", flat=True)) == [10]
    assert action.budget == 12000 and action.currency == "EUR"
    assert action.documents.get().file.name.endswith(".pdf")
    edits = ActivityLog.objects.filter(verb="action.edited", object_id=str(action.pk))
    assert {entry.payload["step"] for entry in edits} == {"mapping", "people", "money", "documents"}
    assert {entry.actor for entry in edits} == {personas.member_a, personas.editor_a}


def test_save_draft_stays_on_the_step_and_says_it_saved(client_for, draft):
    client = client_for("editor_a")
    response = client.post(edit_url(draft, "basics"), {**basics(title="Language cafés, new title"), "stay": ""}, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(draft, "basics")
    assert "Saved." in response.content.decode()
    draft.refresh_from_db()
    assert draft.title_en == "Language cafés, new title" and draft.editor_step == "basics"


def test_validation_errors_keep_what_was_typed_and_save_nothing(client_for, draft):
    client = client_for("editor_a")
    response = client.post(edit_url(draft, "money"), money(
        start_date="2026-01-01", end_date="2025-01-01", budget="-5", currency="ZZZ", funding_sources="Our own budget",
        indicators=[{"name": "Families housed", "unit": "families", "baseline": "", "target": "many", "target_date": ""}],
    ))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    for message in ("The end date cannot be before the start date.", "is not an ISO 4217 currency code",
                    "Ensure this value is greater than or equal to 0.", "Enter a number."):
        assert message in page
    assert 'href="#id_end_date"' in page and 'href="#id_indicators-0-target"' in page
    assert 'value="ZZZ"' in page and "Our own budget" in page and 'value="Families housed"' in page and 'value="many"' in page
    assert 'aria-invalid="true"' in page
    draft.refresh_from_db()
    assert draft.start_date is None and draft.funding_sources == "" and not draft.indicators.exists()


def test_the_first_step_keeps_what_was_typed_when_the_title_is_missing(client_for, personas):
    client = client_for("member_a")
    create = reverse("actions_workspace:create", args=[personas.government_a.slug])
    response = client.post(create, basics(title="", summary="Weekly conversation tables.", stage=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page and "Choose the stage the pledge is at." in page
    assert "Weekly conversation tables." in page
    assert not Action.objects.filter(government=personas.government_a).exists()


def test_changing_the_original_language_moves_the_text(client_for, draft):
    client = client_for("editor_a")
    client.post(edit_url(draft, "basics"), basics(original_language="fr", title="Language cafés", summary="Des tables."))
    draft.refresh_from_db()
    assert (draft.original_language, draft.title_fr, draft.title_en, draft.summary_fr) == ("fr", "Language cafés", "", "Des tables.")


def test_switching_to_a_language_with_a_translation_makes_that_translation_the_original(client_for, draft):
    draft.title_es, draft.summary_en, draft.translation_status = "Cafés de idiomas", "Tables.", {"es": "checked"}
    draft.save()
    client_for("editor_a").post(edit_url(draft, "basics"), basics(original_language="es", title="Language cafés", summary="Tables."))
    draft.refresh_from_db()
    assert (draft.title_es, draft.title_en) == ("Cafés de idiomas", "Language cafés")
    assert (draft.summary_es, draft.summary_en) == ("Tables.", "")
    assert draft.translation_status == {}


def test_a_new_vocabulary_appears_on_the_mapping_step_without_code_changes(client_for, draft):
    priorities = Vocabulary.objects.create(key="priorities", name_en="Mayors Mechanism priorities", position=9)
    housing = Term.objects.create(vocabulary=priorities, key="housing", name_en="Housing for all")
    Term.objects.create(vocabulary=priorities, key="retired", name_en="A retired priority", is_active=False)
    client = client_for("editor_a")
    page = client.get(edit_url(draft, "mapping")).content.decode()
    assert "Mayors Mechanism priorities" in page and "Housing for all" in page and "A retired priority" not in page
    client.post(edit_url(draft, "mapping"), mapping(vocabulary_priorities=[str(housing.pk)]))
    assert set(draft.terms.values_list("key", flat=True)) == {"refugees", "housing"}


def test_open_campaigns_come_first(client_for, personas):
    closed = CampaignFactory(name_en="GRF 2023", opens_on="2023-01-01", closes_on="2023-06-30", forum_date="2023-12-13")
    open_now = CampaignFactory(name_en="IMRF 2026", opens_on="2020-01-01", closes_on="2099-12-31", forum_date="2026-05-05")
    page = client_for("member_a").get(reverse("actions_workspace:create", args=[personas.government_a.slug])).content.decode()
    assert page.index(f'value="{open_now.pk}"') < page.index(f'value="{closed.pk}"')
    assert "IMRF 2026 (open until" in page


def test_the_step_list_marks_the_current_step_and_the_steps_with_content(client_for, draft):
    draft.gcm_objectives.add(16)
    page = client_for("editor_a").get(edit_url(draft, "people")).content.decode()
    assert f'href="{edit_url(draft, "people")}" aria-current="step"' in page
    assert page.count('class="step-done"') == 2  # basics and mapping
    assert page.count("(filled in)") == 2


def test_an_unknown_step_is_not_found(client_for, draft):
    assert client_for("editor_a").get(edit_url(draft, "budget")).status_code == 404


@pytest.mark.parametrize("persona", ["member_b", "reviewer", "admin"])
def test_people_outside_the_lead_government_get_404_and_change_nothing(client_for, draft, persona):
    client = client_for(persona)
    for step in STEPS:
        assert client.get(edit_url(draft, step)).status_code == 404
    assert client.post(edit_url(draft, "basics"), basics(title="Taken over")).status_code == 404
    assert client.get(reverse("actions_workspace:resume", args=[draft.public_id])).status_code == 404
    draft.refresh_from_db()
    assert draft.title_en == "Language cafés"


def test_another_government_cannot_create_actions_for_a(client_for, personas):
    client = client_for("member_b")
    create = reverse("actions_workspace:create", args=[personas.government_a.slug])
    assert client.get(create).status_code == 404
    assert client.post(create, basics()).status_code == 404
    assert not Action.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(edit_url(draft, "basics"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    response = client.post(edit_url(draft, "basics"), basics(title="Anonymous"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_a_submitted_action_cannot_be_edited(client_for, draft):
    Action.objects.filter(pk=draft.pk).update(status=Action.Status.SUBMITTED)
    client = client_for("editor_a")
    response = client.post(edit_url(draft, "basics"), basics(title="Changed behind the reviewers' back"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("actions_workspace:detail", args=[draft.public_id])
    assert "it cannot be edited until they answer" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title_en == "Language cafés"


def test_editing_a_published_action_works_on_a_copy_and_leaves_the_public_page_alone(client, client_for, personas):
    public = ActionFactory(published=True, government=personas.government_a, title_en="Welcome desk", gcm_objectives=[16])
    public_url = public.get_absolute_url()
    member = client_for("editor_a")
    response = member.get(edit_url(public, "basics"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("actions_workspace:detail", args=[public.public_id])
    assert "propose a change" in response.content.decode()

    response = member.post(reverse("actions_workspace:revise", args=[public.public_id]))
    copy = Action.objects.get(revision_of=public)
    assert response["Location"] == edit_url(copy, "basics")
    page = member.get(response["Location"]).content.decode()
    assert "You are editing a proposed change to a published action" in page
    member.post(edit_url(copy, "basics"), basics(kind="practice", title="Welcome desk, open on Saturdays"))

    copy.refresh_from_db()
    assert copy.title_en == "Welcome desk, open on Saturdays" and copy.status == Action.Status.DRAFT
    # A second "propose a change" continues the same working copy.
    member.post(reverse("actions_workspace:revise", args=[public.public_id]))
    assert Action.objects.filter(revision_of=public).count() == 1
    member.logout()
    page = client.get(public_url).content.decode()
    assert "Welcome desk" in page and "open on Saturdays" not in page
    public.refresh_from_db()
    assert public.title_en == "Welcome desk" and public.status == Action.Status.PUBLISHED


@pytest.mark.parametrize("step", STEPS)
def test_each_step_page_needs_a_bounded_number_of_queries(client_for, draft, personas, step, django_assert_max_num_queries):
    complete(draft)
    for number in range(5):
        draft.partners.create(name=f"Partner {number}")
        draft.indicators.create(name=f"Indicator {number}", target=number)
        draft.links.create(url=f"https://example.org/{number}")
    draft.terms.add(*Term.objects.filter(vocabulary_id="themes")[:5])
    services.invite_copledger(draft, personas.government_b, personas.editor_a)
    client = client_for("editor_a")
    with django_assert_max_num_queries(25):
        assert client.get(edit_url(draft, step)).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(reverse("actions_workspace:detail", args=[draft.public_id])).status_code == 200


def translations(**overrides):
    data = {f"{field}_{code}": "" for field in ("title", "summary", "description", "goals") for code in ("fr", "es")}
    data.update(overrides)
    return data


def test_marking_a_translation_complete_submits_it(client_for, draft):
    client = client_for("editor_a")
    page = client.get(edit_url(draft, "translations")).content.decode()
    assert 'name="title_fr" lang="fr"' in page and 'name="title_en"' not in page
    client.post(edit_url(draft, "translations"), translations(
        title_fr="Cafés linguistiques", summary_fr="Des tables de conversation.", provided_fr="on", title_es="Cafés de idiomas",
    ))
    draft.refresh_from_db()
    assert draft.title_fr == "Cafés linguistiques" and draft.title_es == "Cafés de idiomas"
    assert draft.translation_status == {"fr": "submitted", "es": "missing"}
    assert draft.translation_states() == {"en": "original", "fr": "submitted", "es": "missing"}


def test_an_edited_translation_loses_the_reviewers_check(client_for, draft):
    draft.title_fr, draft.translation_status = "Cafés linguistiques", {"fr": "checked"}
    draft.save()
    client = client_for("editor_a")
    client.post(edit_url(draft, "translations"), translations(title_fr="Cafés linguistiques", provided_fr="on"))
    draft.refresh_from_db()
    assert draft.translation_status["fr"] == "checked"
    client.post(edit_url(draft, "translations"), translations(title_fr="Cafés de langues", provided_fr="on"))
    draft.refresh_from_db()
    assert draft.translation_status["fr"] == "submitted"


def test_a_translation_marked_complete_needs_a_title(client_for, draft):
    response = client_for("editor_a").post(edit_url(draft, "translations"), translations(summary_es="Solo un resumen.", provided_es="on"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "A translation needs at least a title." in page and "Solo un resumen." in page
    draft.refresh_from_db()
    assert draft.summary_es == "" and draft.translation_status == {}


def test_partners_can_be_added_changed_and_removed(client_for, draft):
    client = client_for("editor_a")
    client.post(edit_url(draft, "people"), people(partners=[
        {"name": "City library", "kind": "other", "website": ""},
        {"name": "UNHCR", "kind": "un_agency", "website": "https://www.unhcr.org"},
    ]))
    library, unhcr = draft.partners.all()
    client.post(edit_url(draft, "people"), people(existing=[
        {"id": library.pk, "name": "City libraries", "kind": "other", "website": "", "DELETE": ""},
        {"id": unhcr.pk, "name": "UNHCR", "kind": "un_agency", "website": "https://www.unhcr.org", "DELETE": "on"},
    ]))
    assert list(draft.partners.values_list("name", flat=True)) == ["City libraries"]


def test_a_pledge_can_answer_another_published_pledge(client_for, draft, personas):
    sought = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Mentors sought for young refugees")
    practice = ActionFactory(published=True, kind=Action.Kind.PRACTICE, title_en="A practice, not a pledge")
    client = client_for("editor_a")
    response = client.post(edit_url(draft, "people"), people(answers=practice.public_id))
    assert "not a published pledge" in response.content.decode()
    client.post(edit_url(draft, "people"), people(answers=sought.public_id, partnership_sought="Volunteer mentors"))
    draft.refresh_from_db()
    assert draft.matches == sought and draft.partnership_sought == "Volunteer mentors"
    assert practice.pk != draft.matches_id
