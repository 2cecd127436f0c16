"""The index follows every publish, approved revision, withdrawal, mapping fix and rename, in the same
transaction, and the catalog page (cached for anonymous readers) never shows a stale result."""
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from localaction.actions import services
from localaction.actions.models import Action
from localaction.actions.tests.factories_review import complete_action, proposed_change, submitted_action
from localaction.factories import ActionFactory
from localaction.search import facets, index
from localaction.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def page_titles(client, query):
    """Titles on the catalog page as an anonymous reader sees it (a cached page has no template context)."""
    content = client.get(reverse("actions:list"), {"q": query}).content.decode()
    return [re.sub("<[^>]+>", "", title) for title in re.findall(r'class="card-title"><a [^>]*>(.*?)</a>', content)]


def test_approving_a_submission_puts_it_in_the_catalog_at_once(client, personas):
    action = submitted_action(personas.government_a, title_en="Welcome centre")
    assert page_titles(client, "welcome") == []

    services.approve(action, personas.reviewer)

    assert page_titles(client, "welcome") == ["Welcome centre"]
    assert facets.current().bitmap("gcm", 16) == facets.current().public


def test_an_approved_revision_replaces_the_old_text_and_mapping(client, personas):
    action = complete_action(personas.government_a, title_en="Welcome centre", gcm_objectives=[16])
    services.submit(action, personas.member_a)
    public = services.approve(action, personas.reviewer)
    assert page_titles(client, "welcome centre") == ["Welcome centre"]

    copy = proposed_change(public, personas.member_a, title_en="Welcome hub")
    copy.gcm_objectives.set([5])
    assert page_titles(client, "welcome") == ["Welcome centre"]  # the proposal is not public yet

    services.approve(copy, personas.reviewer)

    assert page_titles(client, "welcome") == ["Welcome hub"]
    assert page_titles(client, "\"welcome centre\"") == []
    index_ = facets.current()
    assert len(index_.bitmap("gcm", 5)) == 1 and len(index_.bitmap("gcm", 16)) == 0
    assert SearchDocument.objects.filter(is_public=True).count() == 1


def test_withdrawing_removes_it_from_results_and_counts(client, personas):
    action = complete_action(personas.government_a, title_en="Welcome centre", kind=Action.Kind.PRACTICE)
    services.submit(action, personas.member_a)
    services.approve(action, personas.reviewer)
    assert page_titles(client, "welcome") == ["Welcome centre"]

    services.withdraw(action, personas.member_a)

    assert page_titles(client, "welcome") == []
    response = client.get(reverse("actions:list"))
    assert "0 actions found" in response.content.decode()
    assert len(facets.current().bitmap("kind", "practice")) == 0


def test_a_reviewer_fixing_the_mapping_moves_the_action_between_facet_values(personas):
    action = ActionFactory(published=True, gcm_objectives=[1])

    services.fix_mapping(action, personas.reviewer, gcm_objectives=[2, 3])

    index_ = facets.current()
    assert [len(index_.bitmap("gcm", n)) for n in (1, 2, 3)] == [0, 1, 1]


def test_renaming_a_government_reindexes_its_actions(client):
    action = ActionFactory(published=True, title_en="Night shelter")
    government = action.government
    government.name = "Villeneuve-sur-Lot"
    government.save()

    assert page_titles(client, "villeneuve") == ["Night shelter"]


def test_deleting_an_action_leaves_a_tombstone_and_the_catalog_forgets_it(client):
    action = ActionFactory(published=True, title_en="Night shelter")
    assert page_titles(client, "shelter") == ["Night shelter"]

    action.delete()

    assert page_titles(client, "shelter") == []
    assert SearchDocument.objects.get().is_public is False


def test_actions_written_in_bulk_are_indexed_when_a_process_loads_the_index(client):
    government = ActionFactory().government
    Action.objects.bulk_create([Action(government=government, title_en="Night shelter", slug="night-shelter",
                                       status=Action.Status.PUBLISHED)])  # bulk writes send no signals

    assert page_titles(client, "shelter") == ["Night shelter"]


def test_the_rebuild_command_reindexes_what_bulk_updates_changed(client):
    action = ActionFactory(published=True, title_en="Night shelter")
    Action.objects.filter(pk=action.pk).update(title_en="Day centre")
    assert page_titles(client, "shelter") == ["Day centre"]  # found by its old text: QuerySet.update sends no signal

    call_command("rebuild_search_index", verbosity=0)

    assert page_titles(client, "shelter") == []
    assert page_titles(client, "centre") == ["Day centre"]


def test_every_change_moves_the_catalog_version(personas):
    before = facets.read_state().version
    action = ActionFactory(published=True)
    after_publish = facets.read_state().version
    action.sdgs.add(4)
    after_mapping = facets.read_state().version
    ActionFactory(status="draft")  # a draft is not public: nothing to change

    assert before < after_publish < after_mapping == facets.read_state().version
    assert index.bump() == after_mapping + 1


def test_cached_words_follow_changes_without_a_stale_result(client, personas):
    kept = ActionFactory(published=True, title_en="Night shelter")
    revised = ActionFactory(published=True, title_en="Welcome centre", summary_en="Also a shelter.")
    withdrawn = complete_action(personas.government_a, title_en="Welcome hub", summary_en="A shelter too.")
    services.submit(withdrawn, personas.member_a)
    services.approve(withdrawn, personas.reviewer)
    assert sorted(page_titles(client, "shelter")) == ["Night shelter", "Welcome centre", "Welcome hub"]

    revised.summary_en = "Beds and meals."
    revised.save()
    services.withdraw(withdrawn, personas.member_a)
    ActionFactory(published=True, title_en="Winter shelter")

    assert sorted(page_titles(client, "shelter")) == ["Night shelter", "Winter shelter"]
    assert kept.pk in {action.pk for action in ActionFactory._meta.model.objects.published()}


def test_a_loading_index_looks_up_the_catalogs_most_frequent_words(monkeypatch):
    from localaction.search import terms

    monkeypatch.setattr(terms, "PREWARM_FROM", 1)
    for n in range(3):
        ActionFactory(published=True, title_en=f"Night shelter {n}")
    index.bump()  # any change is fine; a new generation is what makes a process load everything
    from localaction.search.models import SearchState

    SearchState.objects.update(generation="another")

    loaded = facets.current()

    assert "shelter" in loaded.prewarmed
    cached = {key[2] for key in terms.TERMS.entries if key[1] == "another"}
    assert ("word", ("shelter",)) in cached
