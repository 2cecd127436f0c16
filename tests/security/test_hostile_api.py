"""The hostile corpus through the workspace API's writes (with a token): each answer is JSON — 201/200 with the
value stored exactly as given, or 400 with messages — never a server error or HTML; what was stored shows
escaped on the workspace pages."""
import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.api.tests.write_helpers import api_for, api_url  # noqa: F401
from localaction.progress.tests.factories import published_pledge

from .corpus import LONE_SURROGATE_JSON, LONG, NUL, TEXT, URLS, as_json, problems

pytestmark = pytest.mark.django_db

PLEDGE = {"government": "government-a", "kind": "pledge", "stage": "planning", "original_language": "en"}
UPDATE = {"stage": "in_progress", "reported_on": "2025-06-30"}


def test_hostile_text_is_stored_as_given_and_shown_escaped(api_for, client_for):
    response = api_for("member_a").post(api_url("workspace-action-list"), {
        **PLEDGE, "title": TEXT[:200], "summary": TEXT})
    body = as_json(response)
    assert response.status_code == 201, body
    action = Action.objects.get(public_id=body["id"])
    assert action.title_en == TEXT[:200] and action.summary_en == TEXT

    assert as_json(api_for("member_a").get(api_url("workspace-action-detail", action.public_id)))["summary"]
    page = client_for("member_a").get(reverse("actions_workspace:detail", args=[action.public_id]))
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.content.decode()
    assert problems(page.content) == []


@pytest.mark.parametrize(("field", "value"), [("title", LONG), ("summary", LONG), ("title", NUL), ("summary", NUL)])
def test_very_long_or_nul_text_gets_a_400_with_a_message(api_for, field, value):
    response = api_for("member_a").post(api_url("workspace-action-list"), {**PLEDGE, "title": "Fine", field: value})
    body = as_json(response)
    if response.status_code == 201:  # a long summary may be allowed: then it is kept whole
        assert Action.objects.get(public_id=body["id"]).summary_en == value
    else:
        assert response.status_code == 400 and body, body
        assert not Action.objects.exists()


def test_a_lone_surrogate_in_json_gets_a_400(api_for):
    api = api_for("member_a")
    response = api.client.post(api_url("workspace-action-list"), LONE_SURROGATE_JSON.replace(
        '"title_en"', '"government": "government-a", "kind": "pledge", "stage": "planning", "title"'),
        content_type="application/json", headers=api._headers())
    assert response.status_code in (201, 400)
    as_json(response)
    if response.status_code == 201:
        # Stored, it must still be writable as UTF-8 wherever it goes.
        Action.objects.get(public_id=response.json()["id"]).title_en.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("url", URLS)
def test_a_progress_link_with_a_dangerous_scheme_is_refused(api_for, personas, url):
    pledge = published_pledge(personas.government_a, title_en="Language cafés")
    response = api_for("member_a").post(api_url("workspace-progress-list", pledge.public_id), {
        **UPDATE, "narrative": {"en": TEXT}, "links": [{"title": TEXT[:100], "url": url}]})
    body = as_json(response)
    assert response.status_code == 400, body
    assert "links" in str(body)


def test_hostile_progress_text_is_stored_and_shown_escaped(api_for, client_for, personas):
    pledge = published_pledge(personas.government_a, title_en="Language cafés")
    response = api_for("member_a").post(api_url("workspace-progress-list", pledge.public_id), {
        **UPDATE, "narrative": {"en": TEXT}, "links": [{"title": TEXT[:100], "url": "https://example.org/"}]})
    body = as_json(response)
    assert response.status_code == 201, body
    page = client_for("member_a").get(reverse("progress_workspace:list", args=[pledge.public_id]))
    assert page.status_code == 200 and problems(page.content) == []


@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_malformed_body_gets_json_not_html(api_for, method):
    api = api_for("member_a")
    url = api_url("workspace-action-list")
    response = getattr(api.client, method)(url, "<script>alert(1)</script>", content_type="application/json",
                                           headers=api._headers())
    assert response.status_code in (400, 405)
    as_json(response)
