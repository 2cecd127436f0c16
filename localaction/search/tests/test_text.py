"""Folding, stemming and query parsing: what makes `integracion` find `integración` in every language."""
import pytest

from localaction.search import text


@pytest.mark.parametrize("typed, stored", [
    ("integracion", "Integración"),
    ("INTEGRATION", "intégration"),
    ("oeuvre", "Œuvre"),
    ("senegal", "Sénégal"),
    ("nino", "Niño"),
])
def test_folding_ignores_case_and_accents(typed, stored):
    assert text.words(typed) == text.words(stored)


@pytest.mark.parametrize("language, typed, stored", [
    ("en", "migrants", "migrant"),
    ("en", "integrating", "integration"),
    ("fr", "refugiés", "réfugié"),
    ("fr", "réfugiés", "Réfugié"),
    ("fr", "migrantes", "migrants"),
    ("es", "niños", "niño"),
    ("es", "integracion", "integración"),
    ("es", "migrantes", "migrante"),
])
def test_word_forms_share_a_stem_in_their_language(language, typed, stored):
    typed_stems = {text.stem(word, language) for word in text.words(typed)}
    assert text.stem(text.words(stored)[0], language) in typed_stems


def test_the_query_stems_a_word_in_every_language_because_its_language_is_unknown():
    assert text.all_stems("refugies") == sorted({"refugi", "refug"})


def test_a_query_has_phrases_prefixes_and_words():
    query = text.parse('"réfugiés logement" niños integ* Housing')
    assert [(term.words, term.prefix, term.maybe_prefix) for term in query.terms] == [
        (("refugies", "logement"), False, False),
        (("ninos",), False, False),
        (("integ",), True, False),
        (("housing",), False, True),  # the last word: a prefix if it matches no whole word (still being typed)
    ]


def test_short_last_words_are_not_prefixes_and_syntax_is_never_passed_through():
    assert [(t.words, t.prefix, t.maybe_prefix) for t in text.parse("de").terms] == [(("de",), False, False)]
    assert [t.words for t in text.parse('a OR b NEAR( "c" ) -d : e^').terms] == [
        ("a",), ("or",), ("b",), ("near",), ("c",), ("d",), ("e",)]
    assert not text.parse('  " * : ')


def test_the_indexed_text_keeps_each_language_in_order_then_the_whole_words():
    indexed = text.index_text({"en": "Housing refugees", "fr": "Logement des réfugiés"})
    assert indexed.split(f" {text.SEPARATOR} ") == ["hous refuge", "log de refug", "des housing logement refugees refugies"]
