"""Similar actions on an action's page: shared mapping and text, stable order, published actions only."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from localaction.actions import similar
from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory
from localaction.taxonomy.models import Term, Vocabulary

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def titles(action):
    return [str(item.action.t.title) for item in similar.similar_actions(action)]


def make(title, gcm=(), summary="", **fields):
    return ActionFactory(published=True, title_en=title, summary_en=summary, gcm_objectives=list(gcm), **fields)


def test_it_ranks_shared_objectives_then_text():
    action = make("Language classes for newcomers", gcm=[7, 16], summary="Free language classes in the city library.")
    make("Language classes at the town hall", gcm=[7, 16], summary="Evening language classes for adults.")
    make("Housing support", gcm=[7, 16], summary="Rent guarantees for refugees.")
    make("Language courses online", gcm=[16], summary="Language classes online.")
    make("Unrelated", gcm=[1])
    assert titles(action) == ["Language classes at the town hall", "Housing support", "Language courses online"]


def test_it_says_what_the_actions_share():
    action = make("Welcome desk", gcm=[7, 16])
    make("Other desk", gcm=[16, 7, 2])
    [item] = similar.similar_actions(action)
    assert item.gcm == [7, 16]


def test_it_excludes_unpublished_withdrawn_and_itself():
    action = make("Welcome desk", gcm=[16])
    ActionFactory(title_en="Draft desk", gcm_objectives=[16])
    ActionFactory(title_en="Submitted desk", status=Action.Status.SUBMITTED, gcm_objectives=[16])
    withdrawn = make("Withdrawn desk", gcm=[16])
    withdrawn.status = Action.Status.WITHDRAWN
    withdrawn.save()
    make("Published desk", gcm=[16])
    assert titles(action) == ["Published desk"]


def test_a_withdrawal_after_caching_leaves_the_list():
    action = make("Welcome desk", gcm=[16])
    other = make("Published desk", gcm=[16])
    assert titles(action) == ["Published desk"]
    other.status = Action.Status.WITHDRAWN
    other.save()
    assert titles(action) == []


def test_the_order_is_stable_and_ties_go_by_public_id():
    action = make("Welcome desk", gcm=[16])
    twins = [make("Same", gcm=[16], summary="") for _ in range(7)]
    first = [item.action.public_id for item in similar.similar_actions(action)]
    cache.clear()
    second = [item.action.public_id for item in similar.similar_actions(action)]
    assert first == second == sorted(twin.public_id for twin in twins)[:5]


def test_themes_count_as_shared_features():
    theme = Term.objects.filter(vocabulary_id=Vocabulary.THEMES).first()
    action = make("Welcome desk")
    other = make("Other desk")
    action.terms.add(theme)
    other.terms.add(theme)
    [item] = similar.similar_actions(action)
    assert item.action == other and item.themes == [theme]


def test_candidates_are_capped_rarest_feature_first(monkeypatch):
    monkeypatch.setattr(similar, "CANDIDATE_CAP", 3)
    action = make("Welcome desk", gcm=[16, 2])
    rare = make("Rare peer", gcm=[2])
    for n in range(5):
        make(f"Common peer {n}", gcm=[16])
    candidates = similar._candidates(action, similar.own_features(action))
    assert len(candidates) == 3 and rare.pk in candidates


def test_the_action_page_lists_them_with_the_reason(client):
    action = make("Welcome desk", gcm=[7, 16], government=GovernmentFactory(name="Lyon"))
    make("Another welcome desk", gcm=[7, 16], government=GovernmentFactory(name="Turin"))
    make("Secret", gcm=[7, 16], status=Action.Status.DRAFT, published_at=None)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Similar actions" in page and "Another welcome desk" in page and "Turin" in page
    assert "GCM objectives 7, 16" in page
    assert "Secret" not in page


def test_a_cached_list_costs_two_queries():
    action = make("Welcome desk", gcm=[7, 16])
    make("Another welcome desk", gcm=[7, 16])
    # As on the action's page, whose view prefetches the mapping.
    action = Action.objects.prefetch_related("gcm_objectives", "gcr_objectives", "gcr_areas", "terms").get(pk=action.pk)
    similar.similar_actions(action)
    with CaptureQueriesContext(connection) as queries:
        assert len(similar.similar_actions(action)) == 1
    assert len(queries) <= 2  # the catalog version, then the actions shown


def test_a_new_action_appears_once_the_list_is_older_than_the_stale_window(monkeypatch):
    action = make("Welcome desk", gcm=[16])
    make("First peer", gcm=[16])
    assert titles(action) == ["First peer"]
    make("Second peer", gcm=[16])
    assert titles(action) == ["First peer"]  # within the window, the list computed a moment ago still serves
    monkeypatch.setattr(similar, "STALE_SECONDS", 0)
    assert sorted(titles(action)) == ["First peer", "Second peer"]


def test_a_change_of_the_action_s_own_mapping_is_seen_at_once():
    action = make("Welcome desk", gcm=[16])
    make("Peer on 16", gcm=[16])
    make("Peer on 2", gcm=[2])
    assert titles(action) == ["Peer on 16"]
    action.gcm_objectives.set([2])
    assert titles(Action.objects.get(pk=action.pk)) == ["Peer on 2"]
