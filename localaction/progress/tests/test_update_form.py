"""The lead government's pages: a pledge's updates, the update form (pre-filled, errors next to fields, input
kept, no JavaScript needed), submitting, taking back, deleting, and listing a fulfilled pledge as a practice."""
import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action, CoPledger
from localaction.progress.models import ProgressUpdate
from localaction.taxonomy.models import Term

from .factories import ProgressUpdateFactory, pdf_upload, published_pledge

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def pledge(personas):
    return published_pledge(personas.government_a, title_en="Language cafés for newcomers")


def refugees():
    return Term.objects.get(vocabulary_id="target_groups", key="refugees")


def checked_stage(page):
    """The value of the stage radio button that is checked, or None."""
    found = re.search(r'<input type="radio" name="stage" value="([a-z_]+)"[^>]*\bchecked\b', page)
    return found.group(1) if found else None


def form_data(pledge, **overrides):
    """A complete, valid POST of the update form, with one link row and an empty one."""
    data = {
        "stage": "in_progress", "discontinued_reason": "", "reported_on": "2025-06-30", "original_language": "en",
        "narrative_en": "Two cafés opened.", "narrative_fr": "", "narrative_es": "",
        f"indicator_{pledge.indicators.get().pk}": "250", f"people_{refugees().pk}": "120",
        "money_committed": "50000", "money_spent": "20000", "currency": "eur",
        "evidence_title": "", "links-TOTAL_FORMS": "2", "links-INITIAL_FORMS": "0", "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000", "links-0-title": "Press release", "links-0-url": "https://example.org/news",
        "links-1-title": "", "links-1-url": "",
    }
    data.update(overrides)
    return data


def new_url(pledge):
    return reverse("progress_workspace:new", args=[pledge.public_id])


def list_url(pledge):
    return reverse("progress_workspace:list", args=[pledge.public_id])


def test_the_owner_detail_page_links_to_progress_for_a_published_pledge(client_for, pledge):
    page = client_for("editor_a").get(reverse("actions_workspace:detail", args=[pledge.public_id])).content.decode()
    assert list_url(pledge) in page and "Report progress" in page


def test_a_first_update_form_is_prefilled_from_the_pledge_and_needs_no_javascript(client_for, pledge):
    page = client_for("member_a").get(new_url(pledge)).content.decode()

    assert 'method="post"' in page and 'enctype="multipart/form-data"' in page
    assert "<script" not in page
    assert checked_stage(page) == "planning"
    assert 'name="currency" value="EUR"' in page
    assert 'name="money_committed" value="100000' in page
    indicator = pledge.indicators.get()
    assert f'name="indicator_{indicator.pk}" value="10' in page  # the baseline
    assert "People taking part (people)" in page and "Target: 500." in page and "Baseline: 10." in page
    assert f'name="people_{refugees().pk}"' in page
    assert f'value="{timezone.localdate().isoformat()}"' in page


def test_the_next_form_is_prefilled_from_the_latest_published_update(client_for, pledge):
    previous = ProgressUpdateFactory(action=pledge, published=True, stage="fulfilled", money_committed=75000, currency="XOF")
    previous.indicator_values.create(indicator=pledge.indicators.get(), value=480)
    previous.people_reached.create(target_group=refugees(), count=300)

    page = client_for("member_a").get(new_url(pledge)).content.decode()

    assert checked_stage(page) == "fulfilled"
    assert 'name="currency" value="XOF"' in page
    assert 'name="money_committed" value="75000' in page
    assert f'name="indicator_{pledge.indicators.get().pk}" value="480' in page
    assert f'name="people_{refugees().pk}" value="300"' in page


def test_a_member_saves_a_new_update_with_a_link_and_a_file(client_for, pledge):
    client = client_for("editor_a")

    response = client.post(new_url(pledge), {**form_data(pledge), "evidence_title": "Report", "evidence_file": pdf_upload()}, follow=True)

    assert response.redirect_chain == [(list_url(pledge), 302)]
    update = ProgressUpdate.objects.get()
    assert (update.status, update.stage, update.currency) == (Status.DRAFT, "in_progress", "EUR")
    assert update.reported_on == datetime.date(2025, 6, 30)
    assert list(update.indicator_values.values_list("value", flat=True)) == [250]
    assert list(update.people_reached.values_list("count", flat=True)) == [120]
    assert sorted(update.evidence.values_list("title", flat=True)) == ["Press release", "Report"]
    page = response.content.decode()
    assert "The update is saved." in page and "Draft" in page
    assert reverse("progress_workspace:edit", args=[update.pk]) in page
    assert reverse("progress_workspace:submit", args=[update.pk]) in page


def test_errors_are_shown_next_to_their_fields_and_the_input_is_kept(client_for, pledge):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = form_data(pledge, stage="discontinued", reported_on=tomorrow, currency="ABC", narrative_en="Kept text",
                     **{"links-1-title": "No address"})

    response = client_for("member_a").post(new_url(pledge), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'id="id_discontinued_reason_error">Say why the pledge was discontinued.' in page
    assert 'id="id_reported_on_error">The date cannot be in the future.' in page
    assert 'id="id_currency_error">“ABC” is not an ISO 4217 currency code' in page
    assert 'id="id_links-1-url_error">Give the address of the page' in page
    assert "Kept text" in page and 'value="https://example.org/news"' in page
    assert not ProgressUpdate.objects.exists()


def test_a_date_before_the_pledge_starts_is_refused(client_for, pledge):
    page = client_for("member_a").post(new_url(pledge), form_data(pledge, reported_on="2023-12-31")).content.decode()
    assert 'id="id_reported_on_error">The date cannot be before the pledge starts' in page


def test_the_narrative_is_required_in_the_language_chosen(client_for, pledge):
    data = form_data(pledge, original_language="fr", narrative_en="Only in English")
    page = client_for("member_a").post(new_url(pledge), data).content.decode()
    assert 'id="id_narrative_fr_error">Say what was done, in the language you chose above (French).' in page
    assert not ProgressUpdate.objects.exists()


def test_a_file_that_is_not_an_accepted_kind_is_refused_and_asked_for_again(client_for, pledge):
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    data = {**form_data(pledge), "evidence_title": "Report", "evidence_file": fake}

    page = client_for("member_a").post(new_url(pledge), data).content.decode()

    assert 'id="id_evidence_file_error">This file is not one of the accepted kinds' in page
    assert "choose the file again" in page
    assert not ProgressUpdate.objects.exists()


def test_an_update_in_play_is_continued_rather_than_duplicated(client_for, pledge):
    draft = ProgressUpdateFactory(action=pledge)
    response = client_for("member_a").get(new_url(pledge))
    assert response.status_code == 302
    assert response["Location"] == reverse("progress_workspace:edit", args=[draft.pk])


def test_no_new_update_while_one_is_with_the_reviewers(client_for, pledge):
    ProgressUpdateFactory(action=pledge, submitted=True)
    response = client_for("member_a").get(new_url(pledge), follow=True)
    assert response.redirect_chain == [(list_url(pledge), 302)]
    assert "with the reviewers" in response.content.decode()


def test_a_returned_update_shows_the_reviewers_note_and_stays_returned_when_saved(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, status=Status.RETURNED, review_note="Add the people reached.")
    client = client_for("member_a")
    url = reverse("progress_workspace:edit", args=[update.pk])

    page = client.get(url).content.decode()
    assert "Add the people reached." in page and "Two language cafés opened" in page

    response = client.post(url, form_data(pledge, narrative_en="Corrected."))

    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.status, update.narrative_en) == (Status.RETURNED, "Corrected.")


def test_a_submitted_update_cannot_be_edited(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge, submitted=True)
    client = client_for("member_a")
    response = client.post(reverse("progress_workspace:edit", args=[update.pk]), form_data(pledge, narrative_en="Changed"))
    assert response.status_code == 302 and response["Location"] == list_url(pledge)
    update.refresh_from_db()
    assert update.narrative_en != "Changed"


def test_members_submit_take_back_and_delete_updates_from_the_list(client_for, pledge):
    update = ProgressUpdateFactory(action=pledge)
    client = client_for("editor_a")

    page = client.post(reverse("progress_workspace:submit", args=[update.pk]), follow=True).content.decode()
    update.refresh_from_db()
    assert update.status == Status.SUBMITTED
    assert "The reviewers are checking it." in page

    client.post(reverse("progress_workspace:withdraw", args=[update.pk]))
    update.refresh_from_db()
    assert update.status == Status.DRAFT

    page = client.post(reverse("progress_workspace:discard", args=[update.pk]), follow=True).content.decode()
    assert not ProgressUpdate.objects.exists()
    assert "No update yet." in page


def test_the_list_shows_every_update_with_its_status(client_for, pledge):
    ProgressUpdateFactory(action=pledge, published=True, reported_on=datetime.date(2024, 12, 31), stage="planning")
    ProgressUpdateFactory(action=pledge, status=Status.RETURNED, review_note="Which cafés?")
    page = client_for("member_a").get(list_url(pledge)).content.decode()
    assert "Published" in page and "Returned with comments" in page and "Which cafés?" in page
    assert reverse("progress_workspace:new", args=[pledge.public_id]) not in page  # one update in play at a time


@pytest.mark.parametrize("name, args", [
    ("progress_workspace:list", "public_id"), ("progress_workspace:new", "public_id"), ("progress_workspace:edit", "pk"),
])
def test_a_co_pledging_government_does_not_see_the_lead_governments_updates(client_for, personas, pledge, name, args):
    CoPledger.objects.create(action=pledge, government=personas.government_b, confirmed_at=timezone.now())
    update = ProgressUpdateFactory(action=pledge)
    url = reverse(name, args=[pledge.public_id if args == "public_id" else update.pk])
    assert client_for("member_b").get(url).status_code == 404


@pytest.mark.parametrize("name", ["progress_workspace:submit", "progress_workspace:discard", "progress_workspace:withdraw"])
def test_a_co_pledging_government_cannot_post_on_the_lead_governments_updates(client_for, personas, pledge, name):
    CoPledger.objects.create(action=pledge, government=personas.government_b, confirmed_at=timezone.now())
    update = ProgressUpdateFactory(action=pledge, status=Status.SUBMITTED if name.endswith("withdraw") else Status.DRAFT)
    client = client_for("member_b")
    assert client.post(reverse(name, args=[update.pk])).status_code == 404
    assert client.post(new_url(pledge), form_data(pledge)).status_code == 404
    assert ProgressUpdate.objects.get() == update


def test_a_focal_point_lists_a_fulfilled_pledge_with_the_practices(client_for, pledge):
    Action.objects.filter(pk=pledge.pk).update(stage=Action.Stage.FULFILLED)
    client = client_for("member_a")
    assert 'name="show_as_practice"' in client.get(list_url(pledge)).content.decode()

    page = client.post(reverse("progress_workspace:practice", args=[pledge.public_id]), {"show_as_practice": "on"},
                       follow=True).content.decode()

    pledge.refresh_from_db()
    assert pledge.show_as_practice
    assert "listed with the practices" in page
    client.post(reverse("progress_workspace:practice", args=[pledge.public_id]), {})
    pledge.refresh_from_db()
    assert not pledge.show_as_practice


def test_an_editor_may_not_change_the_listing(client_for, pledge):
    Action.objects.filter(pk=pledge.pk).update(stage=Action.Stage.FULFILLED)
    client = client_for("editor_a")
    assert 'name="show_as_practice"' not in client.get(list_url(pledge)).content.decode()
    assert client.post(reverse("progress_workspace:practice", args=[pledge.public_id]), {"show_as_practice": "on"}).status_code == 403
    pledge.refresh_from_db()
    assert not pledge.show_as_practice


def test_a_pledge_not_fulfilled_is_not_listed_as_a_practice(client_for, pledge):
    response = client_for("member_a").post(
        reverse("progress_workspace:practice", args=[pledge.public_id]), {"show_as_practice": "on"}, follow=True
    )
    assert "Only a fulfilled pledge can be shown as a practice." in response.content.decode()
    pledge.refresh_from_db()
    assert not pledge.show_as_practice


def test_a_number_of_people_too_large_to_store_is_refused_next_to_its_field(client_for, pledge):
    field = f"people_{refugees().pk}"
    page = client_for("member_a").post(new_url(pledge), form_data(pledge, **{field: "99999999999"})).content.decode()

    assert f'id="id_{field}_error">' in page
    assert 'value="99999999999"' in page
    assert not ProgressUpdate.objects.exists()
