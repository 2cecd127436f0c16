"""The catalog page: search box, facets with counts, active filters, sorting, the partial for JavaScript, and
HTTP caching for anonymous readers (ETag, Last-Modified, 304, no stale page after a publish)."""
import gzip
import re

import pytest
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action
from localaction.actions.tests.factories_review import submitted_action
from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db


def options(content, name):
    """{value: text} of the options of one facet's select."""
    select = re.search(rf'<select name="{name}" id="id_{name}"[^>]*>(.*?)</select>', content, re.S).group(1)
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select))


def test_facets_show_the_count_of_each_value_given_the_search_and_the_other_filters(client):
    senegal = GovernmentFactory(country_id="SN")
    ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=senegal, title_en="Housing pledge")
    ActionFactory(published=True, kind=Action.Kind.PRACTICE, government=senegal, title_en="Housing practice")
    ActionFactory(published=True, kind=Action.Kind.PRACTICE, title_en="Health practice")

    content = client.get(reverse("actions:list"), {"q": "housing", "kind": "practice"}).content.decode()

    assert "1 action found" in content
    # Kind counts ignore the chosen kind (so the other kind can be picked), but follow the search.
    assert options(content, "kind") == {"": "All kinds", "practice": "Practice (1)", "pledge": "Pledge (1)"}
    assert options(content, "country")["SN"].endswith("(1)")
    assert "FR" not in options(content, "country")  # the French practice does not match "housing"


def test_active_filters_are_listed_with_a_link_that_removes_each(client):
    ActionFactory(published=True, kind=Action.Kind.PLEDGE, gcm_objectives=[16])

    content = client.get(reverse("actions:list"), {"kind": "pledge", "gcm": "16", "page": "1"}).content.decode()

    section = re.search(r'<div class="active-filters">(.*?)</div>', content, re.S).group(1)
    links = re.findall(r'<a href="\?([^"]*)">', section)
    assert links == ["gcm=16", "kind=pledge"]
    assert "Pledge" in section and "16." in section


def test_the_search_text_and_sort_are_kept_in_the_form(client):
    ActionFactory(published=True, title_en="Housing first")

    content = client.get(reverse("actions:list"), {"q": '"housing first"', "sort": "title"}).content.decode()

    assert 'value="&quot;housing first&quot;"' in content
    assert '<option value="title" selected>' in content
    assert "<mark>Housing</mark> <mark>first</mark>" in content


@pytest.mark.parametrize("query, field", [
    ({"q": "x" * 201}, "q"), ({"gcm": "99"}, "gcm"), ({"sort": "loudest"}, "sort"), ({"reviewed": "maybe"}, "reviewed"),
])
def test_invalid_parameters_get_a_message_next_to_the_field_and_the_page_still_works(client, query, field):
    ActionFactory(published=True)

    response = client.get(reverse("actions:list"), query)

    assert response.status_code == 200
    assert field in response.context["catalog"].errors
    content = response.content.decode()
    assert 'class="error"' in content
    assert "1 action found" in content


@pytest.mark.parametrize("query", [{"page": "-1"}, {"page": "9" * 30}, {"term": "::"}, {"q": '"""***'}, {"q": "\x00"}])
def test_odd_input_never_breaks_the_page(client, query):
    ActionFactory(published=True)
    assert client.get(reverse("actions:list"), query).status_code == 200


def test_javascript_asks_for_the_results_region_only(client):
    ActionFactory(published=True, title_en="Housing first")

    content = client.get(reverse("actions:list"), {"q": "housing"}, headers={"X-Catalog-Partial": "1"}).content.decode()

    assert "<html" not in content and 'id="results-title"' in content and "<mark>Housing</mark>" in content


def test_a_page_of_twenty_results_stays_small(client):
    ActionFactory.create_batch(25, published=True, summary_en="A one-stop centre. " * 20)
    content = client.get(reverse("actions:list")).content
    assert len(gzip.compress(content)) < 60 * 1024


def test_a_repeated_request_gets_304_until_something_is_published(client, personas):
    ActionFactory(published=True, title_en="Night shelter")
    url = reverse("actions:list") + "?q=shelter"
    first = client.get(url)
    assert first.status_code == 200 and first.has_header("Last-Modified")
    assert "max-age=0" in first["Cache-Control"] and "public" in first["Cache-Control"]

    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""

    action = submitted_action(personas.government_a, title_en="Welcome shelter")
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304  # a submission is not public
    services.approve(action, personas.reviewer)

    fresh = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert fresh.status_code == 200 and fresh["ETag"] != first["ETag"]
    assert "Welcome <mark>shelter</mark>" in fresh.content.decode()


def test_the_cached_page_is_the_same_page(client):
    ActionFactory(published=True, title_en="Night shelter")
    url = reverse("actions:list") + "?q=night"
    first = client.get(url)
    second = client.get(url)

    assert second.context is None  # served from the cache: nothing was rendered
    assert second.content == first.content


def test_signed_in_readers_are_never_served_a_shared_page(client, personas):
    ActionFactory(published=True)
    client.force_login(personas.member_a)

    response = client.get(reverse("actions:list"))

    assert not response.has_header("ETag")
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert response.context is not None
