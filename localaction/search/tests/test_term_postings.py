"""Frequent terms' bitmaps are shared through the database (TermPostings): a process that never looked a word up
reads it from there, brought up to date with what was published or withdrawn since it was stored."""
import pytest
from pyroaring import BitMap

from localaction.actions import services
from localaction.actions.models import Action
from localaction.actions.tests.factories_review import complete_action
from localaction.factories import ActionFactory
from localaction.search import catalog, facets, terms, text
from localaction.search.models import TermPostings

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_from_one(monkeypatch):
    """Share every term, however rare (the real threshold is thousands of documents)."""
    monkeypatch.setattr(terms, "STORE_FROM", 1)


def titles_found(word):
    """The titles a fresh process finds for `word` (its own term cache empty, as after a restart)."""
    terms.TERMS.clear()
    index = facets.current()
    positions = terms.term_bitmap(index, text.Term((word,))) & index.public
    ids = [index.action_ids[position] for position in positions]
    return sorted(Action.objects.filter(pk__in=ids).values_list("title_en", flat=True))


def test_a_frequent_term_is_stored_once_looked_up(shared_from_one):
    ActionFactory(published=True, title_en="Night shelter")
    ActionFactory(published=True, title_en="Winter shelter")

    assert titles_found("shelter") == ["Night shelter", "Winter shelter"]

    stored = TermPostings.objects.get(key="a:word:shelter")
    assert stored.count == 2
    assert stored.generation == facets.current().generation
    assert len(BitMap.deserialize(bytes(stored.positions))) == 2


def test_a_rare_term_is_not_stored():
    ActionFactory(published=True, title_en="Night shelter")

    assert titles_found("shelter") == ["Night shelter"]
    assert not TermPostings.objects.exists()


def test_a_stored_term_follows_publications_and_withdrawals(shared_from_one, personas):
    ActionFactory(published=True, title_en="Night shelter")
    assert titles_found("shelter") == ["Night shelter"]
    stored_version = TermPostings.objects.get(key="a:word:shelter").version

    action = complete_action(personas.government_a, title_en="Family shelter", kind=Action.Kind.PRACTICE)
    services.submit(action, personas.member_a)
    services.approve(action, personas.reviewer)
    assert titles_found("shelter") == ["Family shelter", "Night shelter"]
    assert TermPostings.objects.get(key="a:word:shelter").version > stored_version

    services.withdraw(Action.objects.get(title_en="Family shelter", status=Action.Status.PUBLISHED), personas.member_a)
    assert titles_found("shelter") == ["Night shelter"]


def test_postings_stored_by_a_process_ahead_of_this_one_are_not_used(shared_from_one):
    ActionFactory(published=True, title_en="Night shelter")
    index = facets.current()
    TermPostings.objects.create(
        key="a:word:shelter", generation=index.generation, version=index.version + 5, count=1,
        positions=BitMap([999]).serialize(),
    )

    assert titles_found("shelter") == ["Night shelter"]


def test_the_catalog_gives_the_same_results_from_stored_postings(shared_from_one, client):
    for n in range(3):
        ActionFactory(published=True, title_en=f"Night shelter {n}")
    from django.http import QueryDict

    first = catalog.matching_positions(QueryDict("q=shelter"))
    terms.TERMS.clear()
    assert TermPostings.objects.filter(key="a:word:shelter").exists()
    assert catalog.matching_positions(QueryDict("q=shelter")) == first
