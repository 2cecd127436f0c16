"""Full-text search in the catalog, on whichever database the suite runs on (SQLite by default, PostgreSQL with
DATABASE_URL): folding and stemming in each language, phrases, prefixes, relevance, the government's name."""
from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from localaction.factories import ActionFactory, GovernmentFactory
from localaction.search import catalog

pytestmark = pytest.mark.django_db


def found(query, **params):
    """Titles of the results of `query`, in order (English interface)."""
    params = QueryDict(mutable=True, query_string="")
    params["q"] = query
    result = catalog.run(params, per_page=50)
    return [str(action.t.title) for action in result.page]


@pytest.mark.parametrize("language, stored, typed", [
    ("en", {"title": "Job fairs", "summary": "Fairs where a migrant meets employers."}, "migrants"),
    ("en", {"title": "Integration of newcomers", "summary": "Local services."}, "INTEGRATION"),
    ("fr", {"title": "Accueil", "summary": "Chaque réfugié trouve un logement."}, "refugiés"),
    ("fr", {"title": "Accueil", "summary": "Les réfugiés trouvent un logement."}, "réfugié"),
    ("es", {"title": "Escuelas", "summary": "Cada niño tiene una plaza."}, "niños"),
    ("es", {"title": "Plan local de integración", "summary": "Servicios."}, "integracion"),
])
def test_accents_case_and_word_forms_are_folded_in_each_language(language, stored, typed):
    fields = {"title_en": "", **{f"{field}_{language}": value for field, value in stored.items()}}
    ActionFactory(published=True, original_language=language, **fields)
    ActionFactory(published=True, title_en="Unrelated", summary_en="Bus tickets for students.")

    assert found(typed) == [stored["title"]]


def test_a_translation_is_searched_too():
    ActionFactory(published=True, title_en="Language cafés", summary_en="Weekly conversation groups.",
                  title_es="Cafés de idiomas", summary_es="Grupos de conversación para niños y familias.")
    assert found("niño") == ["Language cafés"]


def test_quotes_search_for_a_phrase():
    ActionFactory(published=True, title_en="Housing first for refugees")
    ActionFactory(published=True, title_en="First aid, then housing")

    assert found('"housing first"') == ["Housing first for refugees"]
    assert sorted(found("housing first")) == ["First aid, then housing", "Housing first for refugees"]


def test_prefixes_find_whole_words_for_type_ahead():
    ActionFactory(published=True, title_en="Integration courses")
    ActionFactory(published=True, title_en="Housing", summary_en="Homes for integrating families.")
    ActionFactory(published=True, title_en="Health")

    assert sorted(found("integ")) == ["Housing", "Integration courses"]
    assert sorted(found("integ* health")) == []
    assert found("heal") == ["Health"]


def test_a_complete_last_word_is_not_also_a_prefix():
    ActionFactory(published=True, title_en="Migrant workers")
    ActionFactory(published=True, title_en="Migration data")

    assert found("migrant") == ["Migrant workers"]
    assert sorted(found("migra")) == ["Migrant workers", "Migration data"]
    assert found("migra*") == found("migra")


def test_every_word_must_match():
    ActionFactory(published=True, title_en="Housing for refugees")
    ActionFactory(published=True, title_en="Housing for students")

    assert found("refugees housing") == ["Housing for refugees"]


def test_matches_in_the_title_come_before_matches_in_the_text_only():
    now = timezone.now()
    ActionFactory(published=True, published_at=now - timedelta(days=30), title_en="Older: a shelter network",
                  summary_en="Beds for the night.")
    ActionFactory(published=True, published_at=now - timedelta(days=20), title_en="Old: language courses",
                  summary_en="Courses near every shelter in town.")
    ActionFactory(published=True, published_at=now - timedelta(days=10), title_en="Newest: job fairs",
                  summary_en="Employers meet people living in a shelter.")

    assert found("shelter") == ["Older: a shelter network", "Newest: job fairs", "Old: language courses"]


def test_rarer_words_in_the_title_weigh_more():
    for n in range(6):
        ActionFactory(published=True, title_en=f"Housing for students {n}")
    ActionFactory(published=True, title_en="Refugee desk", summary_en="Advice on housing.")
    ActionFactory(published=True, title_en="Housing project", summary_en="Homes for refugees.")

    assert found("housing refugee") == ["Refugee desk", "Housing project"]


def test_the_government_name_is_searchable():
    ActionFactory(published=True, title_en="Welcome desk", government=GovernmentFactory(name="Ciudad de México"))
    ActionFactory(published=True, title_en="Other desk")

    assert found("mexico") == ["Welcome desk"]


def test_results_carry_highlighted_snippets_of_the_readers_text():
    ActionFactory(published=True, title_en="Job fairs for migrants",
                  summary_en="Employers meet migrants & refugees <every> month.")

    result = catalog.run(QueryDict("q=migrant"))
    action = result.page.object_list[0]
    assert str(action.title_html) == "Job fairs for <mark>migrants</mark>"
    assert str(action.snippet) == "Employers meet <mark>migrants</mark> &amp; refugees &lt;every&gt; month."


def test_drafts_and_withdrawn_actions_are_never_found():
    ActionFactory(published=True, title_en="Public shelter")
    for status in ("draft", "submitted", "rejected", "withdrawn"):
        ActionFactory(status=status, title_en=f"Hidden shelter {status}")

    assert found("shelter") == ["Public shelter"]
