"""GET /api/v1/actions/: the catalog through the API — same parameters, same actions in the same order, invalid
values refused as the catalog's form reports them, cursor pages that hold still while actions are published,
and a fixed number of queries."""
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db

CARD_LINK = re.compile(r'<h3 class="card-title"><a href="/en/actions/([0-9a-z]{8})/')


def api_ids(client, params=None, page_size=100):
    """Every action id of the API's answer, following the next links."""
    ids, url, query = [], reverse("api:action-list"), {**(params or {}), "page_size": page_size}
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        ids += [action["id"] for action in response.json()["results"]]
        url, query = response.json()["next"], None
    return ids


def catalog_ids(client, params=None):
    """The action ids on the catalog page, in order (the test data fit on its first page)."""
    response = client.get(reverse("actions:list"), params or {})
    assert response.status_code == 200
    return CARD_LINK.findall(response.content.decode())


def test_it_lists_the_published_actions_only_newest_first(client, read_data):
    ids = api_ids(client)

    assert ids == [action.public_id for action in read_data.public]
    for hidden in (read_data.draft, read_data.submitted, read_data.withdrawn, read_data.unverified_draft,
                   read_data.working_copy):
        assert hidden.public_id not in ids


PARAMETERS = [
    {}, {"q": "cafés"}, {"q": "logement"}, {"q": "vivienda"}, {"q": "welcome", "sort": "relevance"}, {"q": "dakar"},
    {"kind": "pledge"}, {"kind": "practice"}, {"gcm": "16"}, {"gcm": "16", "kind": "practice"}, {"gcm": "2"},
    {"principle": "human_rights"}, {"gcr": "1"}, {"gcr_area": "jobs_and_livelihoods"}, {"sdg": "10"},
    {"region": "002"}, {"region": "150"}, {"region": "005"}, {"country": "FR"}, {"country": "SN"},
    {"theme": "housing"}, {"target_group": "migrants"}, {"term": "themes:education"}, {"term": "nothing:here"},
    {"stage": "planning"}, {"reporting": "on_time"}, {"reporting": "overdue"}, {"campaign": "imrf-2026"},
    {"language": "es"}, {"language": "fr"}, {"reviewed": "yes"}, {"reviewed": "no"}, {"sort": "title"},
    {"sort": "government"}, {"sort": "newest", "q": "cafés"}, {"q": "", "kind": "", "gcm": "", "sort": ""},
    {"kind": "pledge", "country": "SN", "gcm": "16", "campaign": "grf-2027"},
]


@pytest.mark.parametrize("params", PARAMETERS, ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()) or "all")
def test_the_same_parameters_give_the_same_actions_as_the_catalog_page(client, read_data, params):
    assert api_ids(client, params) == catalog_ids(client, params)


def test_the_list_matches_the_sql_filter_too(client, read_data):
    for params in PARAMETERS:
        expected = ActionFilter(params, queryset=Action.objects.published()).qs
        assert sorted(api_ids(client, params)) == sorted(expected.values_list("public_id", flat=True)), params


@pytest.mark.parametrize("params, field", [
    ({"gcm": "99"}, "gcm"), ({"kind": "recipe"}, "kind"), ({"country": "ZZ"}, "country"), ({"q": "x" * 201}, "q"),
    ({"sort": "random"}, "sort"), ({"campaign": "no-such-campaign"}, "campaign"), ({"region": "999"}, "region"),
    ({"theme": "cooking"}, "theme"), ({"reviewed": "maybe"}, "reviewed"), ({"language": "de"}, "language"),
])
def test_an_invalid_value_is_refused_with_the_catalog_forms_error(client, read_data, params, field):
    response = client.get(reverse("api:action-list"), params)

    assert response.status_code == 400
    expected = ActionFilter(params, queryset=Action.objects.published()).form.errors[field]
    assert response.json() == {field: list(expected)}


def test_several_invalid_values_are_all_reported(client, read_data):
    response = client.get(reverse("api:action-list"), {"gcm": "99", "kind": "recipe", "q": "housing"})

    assert response.status_code == 400
    assert set(response.json()) == {"gcm", "kind"}


def test_each_action_carries_its_public_identifiers_and_mapping(client, read_data):
    results = client.get(reverse("api:action-list"), {"q": "logement"}).json()["results"]

    assert len(results) == 1
    housing = results[0]
    assert housing["id"] == read_data.housing.public_id
    assert housing["url"] == f"http://testserver{reverse('api:action-detail', args=[read_data.housing.public_id])}"
    assert housing["web_url"] == f"http://testserver{read_data.housing.get_absolute_url()}"
    assert housing["government"]["id"] == "lyon"
    assert housing["campaign"] == "imrf-2026"
    assert housing["gcm_objectives"] == [15, 16]
    assert housing["guiding_principles"] == ["human_rights", "whole_of_society"]
    assert housing["gcr_areas"] == ["jobs_and_livelihoods"]
    assert housing["sdgs"] == [10, 11]
    assert housing["themes"] == ["housing"]
    assert housing["target_groups"] == ["refugees"]
    assert sorted(housing["terms"]) == ["target_groups:refugees", "themes:housing"]
    assert housing["kind"] == housing["listed_as"] == "practice"
    assert housing["stage"] is None


def test_a_fulfilled_pledge_shown_as_a_practice_is_listed_as_one(client, read_data):
    read_data.pledge.show_as_practice = True
    read_data.pledge.stage = Action.Stage.FULFILLED
    read_data.pledge.save()

    results = client.get(reverse("api:action-list"), {"kind": "practice"}).json()["results"]

    pledge = next(action for action in results if action["id"] == read_data.pledge.public_id)
    assert (pledge["kind"], pledge["listed_as"], pledge["stage"]) == ("pledge", "practice", "fulfilled")


def test_cursor_pages_neither_skip_nor_repeat_when_actions_are_published_meanwhile(client, read_data):
    first = client.get(reverse("api:action-list"), {"page_size": 2}).json()
    ActionFactory(published=True, title_en="Published while reading", government=read_data.lyon)
    ActionFactory(published=True, title_en="Back-dated import", government=read_data.lyon,
                  published_at=timezone.now() - timedelta(days=365))
    second = client.get(first["next"]).json()

    seen = [action["id"] for action in first["results"] + second["results"]]
    assert seen == [action.public_id for action in read_data.public]
    assert second["next"] is not None  # the back-dated action comes after the old ones
    previous = client.get(second["previous"]).json()
    assert [action["id"] for action in previous["results"]] == [action["id"] for action in first["results"]]


def test_cursor_pages_hold_still_when_an_action_is_withdrawn_meanwhile(client, read_data):
    first = client.get(reverse("api:action-list"), {"page_size": 2}).json()
    read_data.reviewed.status = Action.Status.WITHDRAWN
    read_data.reviewed.save()

    second = client.get(first["next"]).json()

    assert [action["id"] for action in second["results"]] == [read_data.pledge.public_id, read_data.housing.public_id]


@pytest.mark.parametrize("sort", ["title", "government", "relevance"])
def test_every_order_pages_forwards_and_backwards_with_cursors(client, read_data, sort):
    params = {"sort": sort, "q": "a*"} if sort == "relevance" else {"sort": sort}
    expected = catalog_ids(client, params)
    pages, url, query = [], reverse("api:action-list"), {**params, "page_size": 1}
    while url:
        answer = client.get(url, query).json()
        pages.append(answer)
        url, query = answer["next"], None
    assert [page["results"][0]["id"] for page in pages] == expected
    backwards = []
    url = pages[-1]["previous"]
    while url:
        answer = client.get(url).json()
        backwards.insert(0, answer["results"][0]["id"])
        url = answer["previous"]
    assert backwards == expected[:-1]


@pytest.mark.parametrize("size", ["0", "101", "ten", "1.5", "-3", "٣"])
def test_a_page_size_out_of_range_is_refused(client, read_data, size):
    response = client.get(reverse("api:action-list"), {"page_size": size})

    assert response.status_code == 400
    assert "page_size" in response.json()


@pytest.mark.parametrize("cursor", ["nonsense", "eyJtIjoiYWZ0ZXIifQ", "e30", "W10"])
def test_a_cursor_the_api_did_not_write_is_a_json_404(client, read_data, cursor):
    response = client.get(reverse("api:action-list"), {"cursor": cursor})

    assert response.status_code == 404
    assert "detail" in response.json()


def test_a_cursor_of_another_order_is_refused(client, read_data):
    next_link = client.get(reverse("api:action-list"), {"page_size": 1, "sort": "title"}).json()["next"]

    assert client.get(next_link.replace("sort=title", "sort=newest")).status_code == 404


def count_queries(client, params):
    # The first request after a change brings this process's search index and its cache of query terms up to
    # date: not counted.
    client.get(reverse("api:action-list"), {**params, "page_size": 1})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("api:action-list"), {**params, "page_size": 100})
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("params", [{}, {"gcm": "16", "kind": "pledge"}, {"q": "cafés", "sort": "title"}])
def test_the_number_of_queries_does_not_grow_with_the_page(client, read_data, params):
    few = count_queries(client, params)
    for n in range(12):
        action = ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=GovernmentFactory(),
                               title_en=f"Cafés number {n}", gcm_objectives=[16, 2])
        action.guiding_principles.set(["human_rights"])
        action.terms.set(read_data.pledge.terms.all())
    many = count_queries(client, params)

    assert many[1] > few[1]
    assert many[0] == few[0]
    assert many[0] <= 12
