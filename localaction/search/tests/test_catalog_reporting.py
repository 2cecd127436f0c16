"""The catalog's "Reporting" facet (a pledge's due status today), pledges shown as practices, and the due badges
on the cards: the in-memory index and ActionFilter's SQL give the same actions, and each count is the number of
results that choosing the value gives."""
from datetime import datetime, time, timedelta

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory
from localaction.progress import services
from localaction.progress.schedule import add_months
from localaction.progress.tests.factories import ProgressUpdateFactory
from localaction.search import catalog, facets

pytestmark = pytest.mark.django_db

QUERIES = [
    "", "reporting=on_time", "reporting=due", "reporting=overdue", "reporting=inactive", "kind=practice",
    "kind=pledge", "kind=pledge&reporting=overdue", "kind=practice&stage=fulfilled", "stage=fulfilled",
    "campaign=yearly&reporting=on_time", "reporting=due&q=housing",
]


def days_ago(days):
    return timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=days), time(12)))


def pledge(title, **fields):
    fields.setdefault("stage", Action.Stage.IN_PROGRESS)
    return ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en=title, **fields)


@pytest.fixture
def pledges():
    """One published action per case: each status, a yearly campaign, practices, a pledge shown as a practice."""
    today = timezone.localdate()
    yearly = CampaignFactory(slug="yearly", reporting_interval_months=12)
    return {
        "on_time": pledge("Housing on time", published_at=days_ago(10)),
        "due": pledge("Housing due", published_at=days_ago(400), last_progress_on=add_months(today, -6) + timedelta(days=10)),
        "overdue": pledge("Jobs overdue", published_at=days_ago(214)),
        "inactive": pledge("Jobs inactive", published_at=days_ago(900), last_progress_on=add_months(today, -25)),
        "yearly": pledge("Yearly on time", published_at=days_ago(214), campaign=yearly),
        "yearly_overdue": pledge("Yearly overdue", published_at=days_ago(400), campaign=yearly),
        "practice": ActionFactory(published=True, title_en="A housing practice", published_at=days_ago(300)),
        "shown_as_practice": pledge(
            "Fulfilled and shown as a practice", published_at=days_ago(300), stage=Action.Stage.FULFILLED,
            show_as_practice=True,
        ),
        "fulfilled": pledge("Fulfilled pledge", published_at=days_ago(300), stage=Action.Stage.FULFILLED),
        "draft": ActionFactory(kind=Action.Kind.PLEDGE, title_en="Draft pledge"),
    }


def run(query_string, **kwargs):
    return catalog.run(QueryDict(query_string), **kwargs)


def found(query_string):
    return {action.title_en for action in run(query_string, per_page=100).page}


def facet(result, name):
    return {option.value: option.count for option in next(f for f in result.facets if f.name == name).options}


def test_the_reporting_facet_counts_each_status_of_running_pledges(pledges):
    assert facet(run(""), "reporting") == {"on_time": 2, "due": 1, "overdue": 2, "inactive": 1}
    assert found("reporting=on_time") == {"Housing on time", "Yearly on time"}
    assert found("reporting=due") == {"Housing due"}
    assert found("reporting=overdue") == {"Jobs overdue", "Yearly overdue"}
    assert found("reporting=inactive") == {"Jobs inactive"}


def test_each_count_is_the_number_of_results_when_that_value_is_chosen(pledges):
    for query_string in QUERIES:
        for counted in run(query_string).facets:
            for option in counted.options:
                chosen = QueryDict(query_string, mutable=True)
                chosen[counted.name] = option.value
                assert run(chosen.urlencode()).count == option.count, (query_string, counted.name, option.value)


def test_the_catalog_returns_what_the_filter_definition_returns(pledges):
    for query_string in QUERIES:
        in_sql = ActionFilter(QueryDict(query_string), queryset=Action.objects.published()).qs
        result = run(query_string, per_page=100)
        assert {action.pk for action in result.page} == set(in_sql.values_list("pk", flat=True)), query_string


def test_a_pledge_shown_as_a_practice_is_listed_with_the_practices_and_keeps_its_stage(pledges):
    assert "Fulfilled and shown as a practice" in found("kind=practice")
    assert "Fulfilled and shown as a practice" not in found("kind=pledge")
    assert "Fulfilled pledge" in found("kind=pledge")
    assert facet(run(""), "kind") == {"practice": 2, "pledge": 7}
    assert facet(run("kind=practice"), "stage") == {"fulfilled": 1}
    assert found("kind=practice&stage=fulfilled") == {"Fulfilled and shown as a practice"}


def test_a_published_progress_update_puts_an_overdue_pledge_on_time(pledges, personas):
    overdue = pledges["overdue"]
    update = ProgressUpdateFactory(action=overdue, submitted=True, reported_on=timezone.localdate())

    services.publish_update(update, personas.reviewer)

    assert "Jobs overdue" in found("reporting=on_time")
    assert "Jobs overdue" not in found("reporting=overdue")
    assert facet(run(""), "reporting") == {"on_time": 3, "due": 1, "overdue": 1, "inactive": 1}


def test_statuses_are_computed_again_when_the_day_changes(pledges):
    index = facets.current()
    # As if the bitmaps had been computed ten months ago, when every pledge but the inactive one was on time.
    long_ago = timezone.localdate() - timedelta(days=300)
    index._compute_reporting(long_ago)
    assert index.reporting_day == long_ago

    assert facet(run(""), "reporting") == {"on_time": 2, "due": 1, "overdue": 2, "inactive": 1}
    assert facets.current().reporting_day == timezone.localdate()


def test_cards_show_each_pledges_reporting_status(client, pledges):
    content = client.get(reverse("actions:list")).content.decode()

    for status in ("on-time", "due", "overdue", "inactive"):
        assert f'class="tag tag-{status}"' in content
    assert content.count("due-badge ") == 6  # the six running pledges; practices and fulfilled pledges have none


def test_the_badges_cost_at_most_one_query_whatever_the_page_size(client, django_assert_max_num_queries):
    campaigns = [CampaignFactory(slug=f"campaign-{n}", reporting_interval_months=3 + n) for n in range(3)]
    for n in range(5):
        pledge(f"Pledge {n}", published_at=days_ago(20 * n), campaign=campaigns[n % 3])
    client.get(reverse("actions:list") + "?warm-up")
    with django_assert_max_num_queries(10) as captured:
        client.get(reverse("actions:list"))
    baseline = len(captured)
    for n in range(15):
        pledge(f"More {n}", published_at=days_ago(n), campaign=campaigns[n % 3])
    client.get(reverse("actions:list") + "?warm-up")
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("actions:list"))
    assert response.content.decode().count("due-badge ") == 20
