"""Facet counts and the one filter definition: every count is the number of results that choosing the value
gives, and the catalog returns exactly what ActionFilter's queryset returns for the same parameters."""
from datetime import timedelta
from random import Random

import pytest
from django.http import QueryDict
from django.utils import timezone

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.search import catalog
from localaction.taxonomy.models import Term

pytestmark = pytest.mark.django_db

WORDS = ["housing", "health", "refugees", "migrants", "schools", "jobs", "language", "shelter"]
QUERIES = [
    "", "q=housing", "q=refugees+jobs", "kind=pledge", "q=migrants&region=002", "gcm=16&q=health",
    "theme=health&target_group=refugees", "q=%22language+cafes%22", "q=shel&language=fr", "reviewed=yes&sdg=4",
    "campaign=grf-2023&kind=practice", "country=SN&gcr_area=education", "stage=planning&q=refugees",
    "term=themes:health&principle=human_rights", "gcr=2&q=schools+housing",
]


@pytest.fixture
def varied_catalog():
    """Thirty published actions with pseudo-random words, kinds, mappings, places and campaigns."""
    rng = Random(4)
    governments = [GovernmentFactory(country_id=code) for code in ("SN", "CO", "FR", "KE", "MX")]
    campaigns = [CampaignFactory(slug="grf-2023", forum=Campaign.Forum.GRF), CampaignFactory(slug="imrf-2022")]
    themes = list(Term.objects.filter(vocabulary_id="themes"))[:5]
    groups = list(Term.objects.filter(vocabulary_id="target_groups"))[:4]
    now = timezone.now()
    for n in range(30):
        kind = rng.choice(Action.Kind.values)
        language = rng.choice(["en", "fr", "es"])
        action = ActionFactory(
            published=True, published_at=now - timedelta(days=30 - n), kind=kind, original_language=language,
            government=rng.choice(governments), campaign=rng.choice([None, *campaigns]),
            stage=rng.choice(Action.Stage.values) if kind == Action.Kind.PLEDGE else "",
            reviewed_at=now if rng.random() < 0.5 else None,
            title_en=" ".join(rng.sample(WORDS, 2)).capitalize() + f" {n}",
            summary_en=" ".join(rng.sample(WORDS, 3)) + (" language cafes" if n % 7 == 0 else ""),
            gcm_objectives=rng.sample(range(1, 24), 2),
        )
        action.gcr_areas.set(rng.sample(["education", "jobs_and_livelihoods", "solutions"], 1))
        action.gcr_objectives.set(rng.sample([1, 2, 3, 4], 2))
        action.sdgs.set(rng.sample([4, 8, 10, 11], 2))
        action.guiding_principles.set(rng.sample(["human_rights", "people_centred", "child_sensitive"], 1))
        action.terms.set([rng.choice(themes), rng.choice(groups)])


def run(query_string, **kwargs):
    return catalog.run(QueryDict(query_string), **kwargs)


# One catalog for all the queries below (its set-up is the slow part); each assertion names its query.


def test_each_count_is_the_number_of_results_when_that_value_is_chosen(varied_catalog):
    for query_string in QUERIES:
        result = run(query_string)
        checked = 0
        for facet in result.facets:
            for option in facet.options:
                chosen = QueryDict(query_string, mutable=True)
                chosen[facet.name] = option.value
                assert run(chosen.urlencode()).count == option.count, (query_string, facet.name, option.value)
                checked += 1
        assert checked, query_string


def test_the_catalog_returns_what_the_filter_definition_returns(varied_catalog):
    for query_string in QUERIES:
        params = QueryDict(query_string)
        in_sql = ActionFilter(params, queryset=Action.objects.published()).qs
        result = run(query_string, per_page=100)

        assert result.count == in_sql.count(), query_string
        assert {action.pk for action in result.page} == set(in_sql.values_list("pk", flat=True)), query_string
        if "q=" not in query_string:  # without text the default order is the newest first, in SQL too
            assert [action.pk for action in result.page] == list(in_sql.values_list("pk", flat=True)), query_string


@pytest.mark.parametrize("sort", ["newest", "title", "government"])
def test_sorting_orders_every_page_and_pages_do_not_overlap(varied_catalog, sort):
    everything = [a.pk for a in run(f"sort={sort}", per_page=100).page]
    paged = [a.pk for page in (1, 2, 3, 4) for a in run(f"sort={sort}&page={page}", per_page=8).page]

    assert paged == everything and len(everything) == 30
    in_sql = ActionFilter(QueryDict(f"sort={sort}"), queryset=Action.objects.published()).qs
    if sort != "title":  # titles are compared folded in the index, as stored in SQL
        assert everything == list(in_sql.values_list("pk", flat=True))
    else:
        titles = [str(a.t.title).lower() for a in run("sort=title", per_page=100).page]
        assert titles == sorted(titles)


def test_relevance_pages_follow_each_other(varied_catalog):
    everything = [a.pk for a in run("q=housing", per_page=100).page]
    pages = range(1, (len(everything) + 3) // 4 + 1)
    paged = [a.pk for page in pages for a in run(f"q=housing&page={page}", per_page=4).page]
    assert paged == everything and len(everything) > 8


def test_a_facet_lists_only_values_with_results_and_the_chosen_one(varied_catalog):
    result = run("country=SN&q=zzzz")
    country = next(facet for facet in result.facets if facet.name == "country")

    assert [(o.value, o.count, o.selected) for o in country.options] == [("SN", 0, True)]
    assert result.count == 0


def test_an_unknown_value_gives_no_results_and_a_message(varied_catalog):
    result = run("gcm=99&sort=loudest")

    assert set(result.errors) == {"gcm", "sort"}
    assert result.count == 30  # invalid values are ignored, like ActionFilter.qs does


def test_newest_first_holds_when_actions_arrive_out_of_publication_order():
    now = timezone.now()
    for days in (1, 5, 3, 9, 2):  # an import or an admin edit can publish with an older date than the last one
        ActionFactory(published=True, published_at=now - timedelta(days=days), title_en=f"{days} days ago")

    titles = [str(a.t.title) for a in run("", per_page=10).page]
    assert titles == ["1 days ago", "2 days ago", "3 days ago", "5 days ago", "9 days ago"]
    assert titles == [a.title_en for a in ActionFilter(QueryDict(""), queryset=Action.objects.published()).qs]


def test_the_title_order_follows_a_changed_title():
    for title in ("Bravo", "Delta", "Alpha"):
        ActionFactory(published=True, title_en=title)
    assert [str(a.t.title) for a in run("sort=title").page] == ["Alpha", "Bravo", "Delta"]

    alpha = Action.objects.get(title_en="Alpha")
    alpha.title_en = "Echo"
    alpha.save()

    assert [str(a.t.title) for a in run("sort=title").page] == ["Bravo", "Delta", "Echo"]
