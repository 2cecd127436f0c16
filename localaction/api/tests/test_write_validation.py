"""The API refuses what the web forms refuse, with the same messages: the same data posted to the editor's and
progress pages and sent to the API gives the same field errors."""
import pytest
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action
from localaction.actions.tests.editor_helpers import basics, edit_url, money, people
from localaction.progress.tests.factories import published_pledge

from .write_helpers import api_for, api_url  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    return services.create_draft(personas.government_a, personas.member_a, kind=Action.Kind.PLEDGE,
                                 stage=Action.Stage.PLANNING, title_en="Language cafés")


def web_errors(response, part=0):
    """The field errors of one part of an editor step's page."""
    assert response.status_code == 200, "the web form was expected to refuse the data"
    form = response.context["parts"][part].form
    return {name: list(messages) for name, messages in form.errors.items()}


def test_a_pledge_without_a_stage_is_refused_alike(client_for, api_for, personas):
    web = client_for("member_a").post(
        reverse("actions_workspace:create", args=[personas.government_a.slug]), basics(stage="", title="")
    )
    api = api_for("member_a").post(api_url("workspace-action-list"), {
        "government": "government-a", "kind": "pledge", "stage": "", "original_language": "en", "title": "",
    })

    assert api.status_code == 400
    assert api.json() == web_errors(web) == {
        "title": ["This field is required."], "stage": ["Choose the stage the pledge is at."],
    }


def test_unknown_choices_are_refused_alike(client_for, api_for, personas):
    web = client_for("member_a").post(
        reverse("actions_workspace:create", args=[personas.government_a.slug]),
        basics(kind="promise", original_language="de"),
    )
    api = api_for("member_a").post(api_url("workspace-action-list"), {
        "government": "government-a", "kind": "promise", "original_language": "de", "title": "Cafés",
    })
    assert api.status_code == 400 and api.json() == web_errors(web)


def test_dates_and_money_are_refused_alike(client_for, api_for, draft):
    values = {"start_date": "2026-01-01", "end_date": "2025-01-01", "currency": "ZZZ", "budget": "-5"}
    web = client_for("member_a").post(edit_url(draft, "money"), money(**values))
    api = api_for("member_a").patch(api_url("workspace-action-detail", draft.public_id), values)

    assert api.status_code == 400 and api.json() == web_errors(web)
    assert set(api.json()) == {"end_date", "currency", "budget"}


def test_an_answer_to_a_pledge_that_is_not_published_is_refused_alike(client_for, api_for, draft):
    web = client_for("member_a").post(edit_url(draft, "people"), people(answers="zzzzzzzz"))
    api = api_for("member_a").patch(api_url("workspace-action-detail", draft.public_id), {"answers": "zzzzzzzz"})

    assert api.status_code == 400 and api.json() == web_errors(web, part=1)


def test_a_complete_translation_needs_a_title_alike(client_for, api_for, draft):
    fields = ("title", "summary", "description", "goals")
    web_data = {f"{field}_{code}": "" for field in fields for code in ("fr", "es")}
    web = client_for("member_a").post(edit_url(draft, "translations"), {**web_data, "provided_fr": "on"})
    api = api_for("member_a").patch(api_url("workspace-action-detail", draft.public_id), {
        "translations": {"fr": {"complete": True}},
    })

    assert web_errors(web) == {"title_fr": ["A translation needs at least a title."]}
    assert api.status_code == 400
    assert api.json() == {"translations": {"fr": {"title": ["A translation needs at least a title."]}}}


def test_an_indicator_without_a_name_is_refused_alike(client_for, api_for, draft):
    row = {"name": "", "unit": "", "baseline": "", "target": "500", "target_date": ""}
    web = client_for("member_a").post(edit_url(draft, "money"), money(indicators=[row]))
    url = api_url("workspace-action-detail", draft.public_id)
    api = api_for("member_a").patch(url, {"indicators": [{"target": "500"}]})

    web_row = web.context["parts"][1].form.forms[0].errors
    assert api.status_code == 400 and api.json() == {"indicators": {"0": dict(web_row)}}


def test_unknown_mapping_identifiers_are_refused_alike(client_for, api_for, draft):
    web = client_for("member_a").post(edit_url(draft, "mapping"), {"gcm_objectives": ["99"], "sdgs": ["10"]})
    url = api_url("workspace-action-detail", draft.public_id)
    api = api_for("member_a").patch(url, {"gcm_objectives": [99], "sdgs": [10]})

    assert api.status_code == 400 and api.json() == web_errors(web)


# ---------------------------------------------------------------- progress updates


def progress_web_data(pledge, **overrides):
    data = {
        "stage": "in_progress", "discontinued_reason": "", "reported_on": "2025-06-30", "original_language": "en",
        "narrative_en": "Two cafés opened.", "narrative_fr": "", "narrative_es": "", "money_committed": "",
        "money_spent": "", "currency": "EUR", "evidence_title": "",
        "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0", "links-MIN_NUM_FORMS": "0", "links-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_a_progress_update_is_refused_alike(client_for, api_for, personas):
    pledge = published_pledge(personas.government_a)
    web = client_for("member_a").post(reverse("progress_workspace:new", args=[pledge.public_id]), progress_web_data(
        pledge, stage="discontinued", reported_on="2099-01-01", narrative_en="", currency="ZZZ",
    ))
    api = api_for("member_a").post(api_url("workspace-progress-list", pledge.public_id), {
        "stage": "discontinued", "reported_on": "2099-01-01", "narrative": {"en": ""}, "currency": "ZZZ",
    })

    expected = {name: list(messages) for name, messages in web.context["form"].errors.items()}
    assert set(expected) == {"discontinued_reason", "reported_on", "narrative_en", "currency"}
    body = api.json()
    assert api.status_code == 400
    assert body["narrative"] == {"en": expected.pop("narrative_en")}
    assert body == {"narrative": body["narrative"], **expected}


def test_a_progress_date_before_the_pledge_started_is_refused_alike(client_for, api_for, personas):
    pledge = published_pledge(personas.government_a)
    web = client_for("member_a").post(
        reverse("progress_workspace:new", args=[pledge.public_id]), progress_web_data(pledge, reported_on="2020-01-01")
    )
    api = api_for("member_a").post(api_url("workspace-progress-list", pledge.public_id), {
        "reported_on": "2020-01-01", "narrative": {"en": "Two cafés opened."}, "stage": "in_progress",
    })

    assert api.status_code == 400
    assert api.json() == {name: list(messages) for name, messages in web.context["form"].errors.items()}
