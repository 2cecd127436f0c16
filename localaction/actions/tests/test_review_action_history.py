"""The back-office page of an action (status, reviewers' note, history, revisions) and its revision pages."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action

from .factories_review import complete_action, proposed_change, published_action, submitted_action

pytestmark = pytest.mark.django_db


def history_page(client, action):
    return client.get(reverse("review:action", args=[action.public_id]))


def test_the_owners_see_the_status_the_note_and_the_history_without_reviewers_names(client_for, personas):
    personas.reviewer.full_name = "Rita Reviewer"
    personas.reviewer.save()
    action = submitted_action(personas.government_a)
    services.request_changes(action, personas.reviewer, "Please add a French summary.", checklist=["title", "needs_driven"])

    response = history_page(client_for("editor_a"), action)

    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Changes requested", "Note from the reviewers", "Please add a French summary.",
                 "Changes requested by the reviewers", "The reviewers",
                 "Checklist items ticked: A title in the original language; Needs-driven"):
        assert text in page, text
    assert "Rita Reviewer" not in page


def test_reviewers_see_who_decided(client_for, personas):
    personas.reviewer.full_name = "Rita Reviewer"
    personas.reviewer.save()
    action = submitted_action(personas.government_a)
    services.approve(action, personas.reviewer)

    page = history_page(client_for("reviewer"), action).content.decode()

    assert "Approved and published — Rita Reviewer" in " ".join(page.replace("</strong>", "").replace("<strong>", "").split())
    assert reverse("review:detail", args=[action.public_id]) in page


def test_the_history_keeps_what_happened_to_a_change_after_it_is_merged(client_for, personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")
    services.request_changes(copy, personas.reviewer, "Keep the old summary.")
    services.submit(copy, personas.editor_a)
    services.fix_mapping(copy, personas.reviewer, sdgs=[11])
    services.approve(copy, personas.reviewer)

    page = history_page(client_for("member_a"), public).content.decode()

    for text in ("Change started", "Submitted for review", "Changes requested by the reviewers", "Keep the old summary.",
                 "Mapping corrected by the reviewers", "11. Sustainable cities and communities</ins>",
                 "Change approved and published", reverse("review:revision", args=[public.public_id, 2])):
        assert text in page, text
    assert page.count("proposed change</span>") == 6


def test_a_pending_change_and_its_note_are_shown_on_the_page_of_the_published_action(client_for, personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")
    services.request_changes(copy, personas.reviewer, "Say which libraries.")

    page = history_page(client_for("member_a"), public).content.decode()

    assert "A change to this action is “Changes requested”." in page
    assert "Say which libraries." in page


def test_the_page_of_a_working_copy_leads_to_the_action_it_changes(client_for, personas):
    public = published_action(personas.government_a)
    copy = proposed_change(public, personas.editor_a, title_en="Changed")

    response = history_page(client_for("editor_a"), copy)

    assert response.status_code == 302 and response["Location"] == reverse("review:action", args=[public.public_id])


def test_the_revisions_are_listed_and_each_shows_its_content_and_what_changed(client_for, personas):
    public = published_action(personas.government_a, title_en="Language cafés", gcm_objectives=[16])
    copy = services.start_revision(public, personas.editor_a)
    copy.title_en = "Language cafés for all"
    copy.save()
    copy.gcm_objectives.add(15)
    services.submit(copy, personas.editor_a)
    services.approve(copy, personas.reviewer)
    client = client_for("member_a")

    listing = history_page(client, public).content.decode()
    assert reverse("review:revision", args=[public.public_id, 1]) in listing
    assert reverse("review:revision", args=[public.public_id, 2]) in listing

    first = client.get(reverse("review:revision", args=[public.public_id, 1])).content.decode()
    assert "Revision 1 of" in first and "Language cafés" in first and "What changed" not in first

    second = client.get(reverse("review:revision", args=[public.public_id, 2])).content.decode()
    assert "What changed since revision 1" in second
    assert "Language cafés</del>" in second and "Language cafés for all</ins>" in second
    assert "15. Access to basic services</ins>" in second
    assert "Title (English)" in second and "GCM objectives" in second


def test_an_unknown_revision_is_not_found(client_for, personas):
    public = published_action(personas.government_a)

    assert client_for("member_a").get(reverse("review:revision", args=[public.public_id, 7])).status_code == 404


@pytest.mark.parametrize("persona", ["member_b", "fund_manager", "evaluator"])
def test_strangers_do_not_find_the_page(client_for, personas, persona):
    action = published_action(personas.government_a)
    client = client_for(persona)

    assert history_page(client, action).status_code == 404
    assert client.get(reverse("review:revision", args=[action.public_id, 1])).status_code == 404


def test_the_owners_see_their_drafts_history_too(client_for, personas):
    action = complete_action(personas.government_a)

    assert history_page(client_for("editor_a"), action).status_code == 200


def test_documents_are_served_to_owners_and_reviewers_only(client_for, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    action = submitted_action(personas.government_a)
    document = action.documents.create(title="Plan", is_public=False, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"))
    url = reverse("review:document", args=[action.public_id, document.pk])

    response = client_for("reviewer").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert response["Content-Disposition"].startswith("attachment")
    assert client_for("editor_a").get(url).status_code == 200
    assert client_for("member_b").get(url).status_code == 404
    assert client_for("reviewer").get(reverse("review:document", args=[action.public_id, document.pk + 1])).status_code == 404


def test_a_withdrawn_action_shows_its_status(client_for, personas):
    action = published_action(personas.government_a)
    services.withdraw(action, personas.member_a)

    page = history_page(client_for("member_a"), action).content.decode()

    assert "<dd>Withdrawn</dd>" in page
    assert action.get_absolute_url() not in page
    assert Action.objects.get(pk=action.pk).status == Action.Status.WITHDRAWN
