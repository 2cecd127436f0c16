"""The insights page: every chart of the catalog's filters, readable without JavaScript, never stale."""
import gzip
import re

import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.insights import stats

from .chart_fixtures import fixed_catalog  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def page_of(client, query=""):
    response = client.get(reverse("insights:index") + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response, response.content.decode()


def summary(page, key):
    return re.search(rf'id="chart-{key}-summary" class="chart-summary">([^<]*)<', page).group(1)


def test_every_chart_has_a_heading_a_summary_an_image_a_table_and_a_download(client, fixed_catalog):
    _response, page = page_of(client)
    assert "<h1>Insights</h1>" in page
    for key in stats.PAGE_CHARTS:
        assert re.search(rf'<h2 id="chart-{key}-title">[^<]+</h2>', page), key
        assert summary(page, key), key
        assert re.search(rf'role="img" aria-labelledby="chart-{key}-title chart-{key}-summary"', page), key
        assert reverse("insights:chart_csv", args=[key]) in page, key
    assert page.count("<details") >= len(stats.PAGE_CHARTS)
    assert page.count("<table>") >= len(stats.PAGE_CHARTS) + 2  # and the two lists of gaps
    assert 'id="gaps-title"' in page


def test_it_works_without_javascript(client, fixed_catalog):
    _response, page = page_of(client)
    assert "<script" not in page
    assert '<form method="get" action="' + reverse("insights:index") + '"' in page


def test_the_filters_are_the_catalogs_with_their_counts(client, fixed_catalog):
    _response, page = page_of(client, "region=002")
    assert re.search(r'<select name="gcm" id="id_gcm">', page)
    assert re.search(r'<option value="002" selected>Africa \(\d+\)</option>', page)
    assert "Actions per sub-region of Africa" in page  # the place chart now shows Africa's sub-regions
    assert summary(page, "region").startswith("Eastern Africa has the most actions")


def test_charts_follow_the_filters_and_link_to_the_same_catalog_view(client, fixed_catalog):
    _response, everywhere = page_of(client)
    _response, africa = page_of(client, "region=002&kind=pledge")
    assert summary(everywhere, "gcm") != summary(africa, "gcm")
    assert reverse("actions:list") + "?kind=pledge&amp;region=002&amp;gcm=8" in africa
    assert reverse("insights:chart_csv", args=["gcm"]) + "?kind=pledge&amp;region=002" in africa


def test_a_publish_shows_at_once_although_charts_are_cached(client, fixed_catalog):
    _response, before = page_of(client)
    assert "every objective has at least one" not in summary(before, "gcm")
    gaps_before = before.count(reverse("taxonomy:gcm_objective", args=[7]))
    ActionFactory(published=True, gcm_objectives=[7], government=fixed_catalog["governments"]["FR"])
    _response, after = page_of(client)
    assert after.count(reverse("taxonomy:gcm_objective", args=[7])) < gaps_before  # no longer a gap
    assert "37 published actions match these filters." in after


def test_a_warm_page_needs_few_queries(client, fixed_catalog, django_assert_max_num_queries):
    page_of(client, "region=002")
    with django_assert_max_num_queries(12):
        page_of(client, "region=002")


def test_a_wrong_filter_value_is_shown_as_an_error_and_the_charts_ignore_it(client, fixed_catalog):
    _response, page = page_of(client, "gcm=99")
    assert 'aria-invalid="true"' in page
    assert "36 published actions match these filters." in page


def test_the_page_is_light(client, fixed_catalog):
    response, page = page_of(client)
    assert len(gzip.compress(response.content)) < 40_000


@pytest.mark.parametrize("language", ["fr", "es"])
def test_it_speaks_the_readers_language_and_marks_untranslated_names(client, fixed_catalog, language):
    response = client.get(f"/{language}/insights/")
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    # The IMRF 2026 campaign has no French or Spanish name: its English name is marked as English.
    assert '<tspan lang="en" class="chart-strong">IMRF 2026</tspan>' in page


def test_the_pledges_counted_are_those_of_the_figures_module(client, fixed_catalog):
    shown_as_practice = fixed_catalog["pledges"][-1]
    shown_as_practice.show_as_practice = True
    shown_as_practice.save()
    _response, page = page_of(client, "kind=practice")
    # The catalog lists it with practices; the figures still count it as a pledge.
    assert re.search(r"of 1 pledge is fulfilled|of 1 pledges are fulfilled", summary(page, "stages"))
    assert Action.objects.filter(kind=Action.Kind.PLEDGE, show_as_practice=True).count() == 1
