"""Chart data equal direct database counts, on a fixed data set, for several filters (run on SQLite and on
PostgreSQL): the charts count from the in-memory facet index, these tests count with the ORM, by hand-written
conditions that do not go through the catalog's own filter code."""
from collections import Counter
from decimal import Decimal

import pytest
from django.db.models import Q
from django.http import QueryDict

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.declarations.models import Endorsement
from localaction.figures.services import pledge_figures, to_usd
from localaction.insights import stats
from localaction.progress.models import ProgressUpdate
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, Region

from .chart_fixtures import fixed_catalog  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def in_region(code):
    return Q(government__country__region_id=code) | Q(government__country__subregion_id=code)


# query string → conditions, each applied with its own .filter() (as many-to-many filters must be).
FILTERS = {
    "": [],
    "region=002": [in_region("002")],
    "region=011": [in_region("011")],
    "country=FR": [Q(government__country_id="FR")],
    "kind=pledge": [Q(kind=Action.Kind.PLEDGE, show_as_practice=False)],
    "gcm=8&region=150": [Q(gcm_objectives=8), in_region("150")],
    "campaign=grf-2023&sdg=10": [Q(campaign__slug="grf-2023"), Q(sdgs=10)],
    "theme=education&gcr_area=solutions": [
        Q(terms__vocabulary_id="themes", terms__key="education"), Q(gcr_areas="solutions"),
    ],
}


def database(query):
    actions = Action.objects.filter(status=Action.Status.PUBLISHED)
    for condition in FILTERS[query]:
        actions = actions.filter(condition)
    return actions.distinct()


def charts_of(query):
    return stats.charts(stats.Scope(QueryDict(query)))


def values(chart):
    """{code: count} from a ranking chart's table (name, code, actions)."""
    return {code: count for _name, code, count in chart.rows}


@pytest.fixture
def every_filter(fixed_catalog):
    return {query: charts_of(query) for query in FILTERS}


def test_actions_per_gcm_objective_are_the_database_counts_and_all_23_are_listed(every_filter):
    for query, found in every_filter.items():
        expected = {str(o.number): database(query).filter(gcm_objectives=o).count() for o in GCMObjective.objects.all()}
        assert len(found["gcm"].rows) == 23
        assert values(found["gcm"]) == expected, query


def test_actions_per_gcr_objective_area_and_sdg_are_the_database_counts(every_filter):
    for query, found in every_filter.items():
        actions = database(query)
        gcr = {str(o.number): actions.filter(gcr_objectives=o).count() for o in GCRObjective.objects.all()}
        assert values(found["gcr"]) == gcr, query
        areas = {a.key: actions.filter(gcr_areas=a).count() for a in GCRArea.objects.all()}
        assert values(found["gcr_area"]) == areas, query
        assert values(found["sdg"]) == {str(g.number): actions.filter(sdgs=g).count() for g in SDG.objects.all()}, query


def test_actions_per_place_go_from_regions_to_sub_regions_to_countries(every_filter):
    regions = values(every_filter[""]["region"])
    top_level = Region.objects.filter(parent=None)
    assert regions == {r.code: database("").filter(in_region(r.code)).count() for r in top_level}
    assert regions["002"] > 0 and regions["142"] == 0  # Africa has actions; Asia is a gap, shown at zero
    africa = values(every_filter["region=002"]["region"])
    sub_regions = Region.objects.filter(parent="002")
    assert africa == {r.code: database("region=002").filter(in_region(r.code)).count() for r in sub_regions}
    western_africa = values(every_filter["region=011"]["region"])
    assert western_africa == {"SN": database("").filter(government__country_id="SN").count()}
    assert values(every_filter["country=FR"]["region"]) == {"FR": database("country=FR").count()}


def test_top_themes_per_place_are_the_database_counts(every_filter):
    for query in ("", "region=002", "kind=pledge"):
        chart = every_filter[query]["themes"]
        assert chart.rows, query
        for place, place_code, _theme, theme_key, count in chart.rows:
            is_region = Region.objects.filter(code=place_code).exists()
            place_filter = in_region(place_code) if is_region else Q(government__country_id=place_code)
            in_place = database(query).filter(place_filter)
            expected = in_place.filter(terms__vocabulary_id="themes", terms__key=theme_key).count()
            assert count == expected, (query, place, theme_key)
        places = [row[0] for row in chart.rows]
        for place in set(places):  # at most three themes per place, the most frequent first
            counts = [row[4] for row in chart.rows if row[0] == place]
            assert len(counts) <= 3 and counts == sorted(counts, reverse=True)


def latest_reports(pledges):
    """Each pledge's latest published update, found in Python (the figures module does it in SQL)."""
    latest = {}
    for update in ProgressUpdate.objects.filter(action__in=pledges, status=ProgressUpdate.Status.PUBLISHED):
        key = (update.reported_on, update.published_at, update.pk)
        if update.action_id not in latest or key > latest[update.action_id][0]:
            latest[update.action_id] = (key, update)
    return {pk: update for pk, (_key, update) in latest.items()}


def test_pledges_by_stage_per_campaign_follow_the_latest_published_report(every_filter, fixed_catalog):
    for query in ("", "region=002", "campaign=grf-2023&sdg=10", "country=FR"):
        chart = every_filter[query]["stages"]
        keys = [column.key for column in chart.columns]
        table = {row[1] or None: dict(zip(keys, row)) for row in chart.rows}
        pledges = database(query).filter(kind=Action.Kind.PLEDGE)
        expected = {}
        reports = latest_reports(pledges)
        for pledge in pledges.select_related("campaign"):
            counts = expected.setdefault(pledge.campaign.slug if pledge.campaign else None, Counter())
            counts[reports[pledge.pk].stage if pledge.pk in reports else "not_reported"] += 1
            counts["pledges"] += 1
        assert set(table) == set(expected), query
        for campaign, counts in expected.items():
            for stage in ("planning", "in_progress", "fulfilled", "discontinued", "not_reported", "pledges"):
                assert table[campaign][stage] == counts[stage], (query, campaign, stage)
            rate = round(100 * counts["fulfilled"] / counts["pledges"], 1)
            assert table[campaign]["fulfilment_rate_percent"] == pytest.approx(rate, abs=0.05)
    # An anchor: ten reports cycle fulfilled, in progress, discontinued; the submitted one is not counted.
    totals = Counter()
    for row in every_filter[""]["stages"].rows:
        totals.update(dict(zip([c.key for c in every_filter[""]["stages"].columns][2:7], row[2:7])))
    assert (totals["fulfilled"], totals["in_progress"], totals["discontinued"], totals["not_reported"]) == (4, 3, 3, 14)


def test_people_reached_and_money_are_the_sums_of_the_latest_reports(every_filter):
    for query in ("", "region=002", "country=FR", "kind=pledge"):
        reports = latest_reports(database(query).filter(kind=Action.Kind.PLEDGE))
        people = Counter()
        committed = spent = Decimal("0")
        for update in reports.values():
            for row in update.people_reached.all():
                people[row.target_group.key] += row.count
            committed += to_usd(update.money_committed, update.currency, update.reported_on).usd
            spent += to_usd(update.money_spent, update.currency, update.reported_on).usd
        found = every_filter[query]
        assert {key: count for _name, key, count in found["people"].rows} == dict(people), query
        money = {key: amount for _name, key, amount in found["money"].rows}
        assert money == {"committed": committed, "spent": spent}, query
    assert sum(row[2] for row in every_filter[""]["people"].rows) == 550  # 10 + 20 + … + 100


@pytest.mark.parametrize("query", list(FILTERS))
def test_the_pledge_figures_are_those_of_the_figures_module_for_any_filters(fixed_catalog, query):
    expected = pledge_figures(ActionFilter(QueryDict(query), queryset=Action.objects.published()).qs).as_dict()
    assert stats.Scope(QueryDict(query)).figures.as_dict() == expected


def test_a_fulfilled_pledge_shown_as_a_practice_still_counts_as_a_pledge(fixed_catalog):
    fulfilled = fixed_catalog["pledges"][0]
    fulfilled.show_as_practice = True
    fulfilled.save()
    figures = stats.Scope(QueryDict("kind=practice")).figures
    assert (figures.count, figures.fulfilled) == (1, 1)
    shown = Action.objects.filter(kind=Action.Kind.PLEDGE, show_as_practice=True)
    assert figures.as_dict() == pledge_figures(shown).as_dict()


def test_growth_counts_actions_and_pledges_by_month_of_publication(every_filter):
    for query in ("", "region=002", "gcm=8&region=150", "kind=pledge"):
        chart = every_filter[query]["growth"]
        actions = database(query)
        by_month = Counter(a.published_at.strftime("%Y-%m") for a in actions)
        listed_as_pledges = actions.filter(kind=Action.Kind.PLEDGE, show_as_practice=False)
        pledges = Counter(a.published_at.strftime("%Y-%m") for a in listed_as_pledges)
        rows = {row[0]: row for row in chart.rows}
        assert {key: row[1] for key, row in rows.items() if row[1]} == dict(by_month), query
        assert {key: row[2] for key, row in rows.items() if row[2]} == dict(pledges), query
        assert chart.rows[-1][3] == actions.count() and chart.rows[-1][4] == sum(pledges.values())
        periods = [row[0] for row in chart.rows]
        assert periods == sorted(periods) and periods[0] == min(by_month) and periods[-1] == max(by_month)


def test_endorsements_follow_the_place_filters_and_count_verified_ones_only(every_filter):
    def total(chart):
        return chart.rows[-1][2] if chart.rows else 0

    for query in FILTERS:
        endorsements = Endorsement.objects.filter(status=Endorsement.Status.VERIFIED, government__verified=True)
        params = QueryDict(query)
        if "region" in params:
            endorsements = endorsements.filter(in_region(params["region"]))
        if "country" in params:
            endorsements = endorsements.filter(government__country_id=params["country"])
        assert total(every_filter[query]["endorsements"]) == endorsements.count(), query
    assert total(every_filter[""]["endorsements"]) == 3
    assert "Only the region and country filters apply" in every_filter["kind=pledge"]["endorsements"].note


def test_a_filter_nobody_matches_gives_empty_charts_with_a_sentence_that_says_so(fixed_catalog):
    found = charts_of("gcm=23")
    assert all(count == 0 for count in values(found["gcm"]).values())
    assert found["gcm"].summary == "No published action matches these filters."
    assert found["growth"].rows == [] and found["stages"].rows == []
    assert found["stages"].summary == "No published pledge matches these filters."


def test_countries_with_governments_only_are_listed_in_a_sub_region(every_filter):
    listed = set(values(every_filter["region=011"]["region"]))
    with_governments = Country.objects.filter(subregion="011", governments__isnull=False)
    assert listed == set(with_governments.values_list("code", flat=True))
