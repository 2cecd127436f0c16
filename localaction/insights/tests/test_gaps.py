"""Coverage gaps: the GCM objectives and GCR areas with no or few actions among those of a place."""
import csv
import io

import pytest
from django.http import QueryDict
from django.urls import reverse

from localaction.actions.models import Action
from localaction.insights import stats
from localaction.insights.gaps import automatic_threshold, coverage_gaps
from localaction.taxonomy.models import GCMObjective, GCRArea

from .chart_fixtures import fixed_catalog  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def gaps_of(query, few=None):
    return coverage_gaps(stats.Scope(QueryDict(query)), few=few)


def counts(actions, relation, items):
    return {str(item.pk): actions.filter(**{relation: item}).count() for item in items}


@pytest.mark.parametrize("query, place", [("", "all regions"), ("region=002", "Africa"), ("country=KE", "Kenya")])
def test_the_gaps_are_the_items_with_fewer_actions_than_the_threshold_in_that_place(fixed_catalog, query, place):
    found = gaps_of(query)
    assert found.scope_name == place
    params = QueryDict(query)
    actions = Action.objects.published()
    if "region" in params:
        actions = actions.filter(government__country__region_id=params["region"])
    if "country" in params:
        actions = actions.filter(government__country_id=params["country"])
    expected = {
        "gcm": counts(actions, "gcm_objectives", GCMObjective.objects.all()),
        "gcr_area": counts(actions, "gcr_areas", GCRArea.objects.all()),
    }
    for coverage in found.frameworks:
        by_item = expected[coverage.key]
        assert coverage.threshold == automatic_threshold(list(by_item.values()))
        assert {gap.code: gap.count for gap in coverage.gaps} == {
            code: count for code, count in by_item.items() if count < coverage.threshold
        }
        for gap in coverage.gaps:
            assert gap.status == ("none" if gap.count == 0 else "few")


def test_objective_7_is_a_gap_everywhere_because_only_a_draft_has_it(fixed_catalog):
    for query in ("", "region=002", "region=150", "country=CO"):
        gcm = gaps_of(query).frameworks[0]
        assert "7" in {gap.code for gap in gcm.gaps}, query


def test_few_is_a_quarter_of_the_average_unless_the_reader_sets_it():
    assert automatic_threshold([40, 0, 0, 0]) == 3  # average 10
    assert automatic_threshold([0, 0]) == 1  # nothing is "few" then, only "none"
    assert automatic_threshold([]) == 1


def test_a_threshold_set_by_the_reader_applies_to_both_lists(fixed_catalog):
    found = gaps_of("", few=6)
    assert not found.frameworks[0].automatic
    for coverage in found.frameworks:
        assert coverage.threshold == 6
        assert all(gap.count < 6 for gap in coverage.gaps)
    few = [gap for gap in found.frameworks[0].gaps if gap.status == "few"]
    assert few, "with six, some objectives that have actions are few"


def test_the_gaps_page_lists_them_with_links_and_takes_a_threshold(client, fixed_catalog):
    response = client.get(reverse("insights:gaps"), {"region": "002", "few": "4"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Coverage gaps in Africa" in page
    assert reverse("taxonomy:gcm_objective", args=[7]) in page
    assert 'name="few"' in page and 'value="4"' in page
    assert "few: fewer than 4 actions" in page
    assert "few=4" in response.context["gaps_csv"]


def test_a_threshold_that_is_not_a_number_is_refused_and_the_relative_one_used(client, fixed_catalog):
    response = client.get(reverse("insights:gaps"), {"few": "lots"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in page and "Enter a whole number." in page
    assert response.context["gaps"].automatic


def test_the_gaps_csv_holds_the_same_rows_as_the_tables(client, fixed_catalog):
    found = gaps_of("region=002")
    response = client.get(reverse("insights:chart_csv", args=["gaps"]), {"region": "002"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["framework"], row["code"], int(row["actions"]), row["status"]) for row in rows] == [
        (coverage.key, gap.code, gap.count, gap.status) for coverage in found.frameworks for gap in coverage.gaps
    ]
