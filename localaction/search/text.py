"""Text analysis shared by both search backends and the snippets: folding, tokens, per-language stems, and the
parsed form of a reader's query.

Folding is accent- and case-insensitive (`integracion` = `integración`); stems fold word forms per language
(`refugiés` → `refug` in French, `niños` → `nin` in Spanish, `migrants` → `migrant` in English). Documents and
queries go through the same functions, so whatever the stemmer does, both sides agree. The query language is
unknown, so a query word is stemmed in every language and matches any of its stems.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

# Snowball stemmers by our language codes (PostgreSQL's text search configurations have the same names).
STEMMER_NAMES = {"en": "english", "fr": "french", "es": "spanish"}
_STEMMERS = {code: Stemmer.Stemmer(name) for code, name in STEMMER_NAMES.items()}
# Letters that NFKD does not decompose; PostgreSQL's unaccent maps them the same way.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
_LIGATURE = re.compile("[%s]" % "".join(chr(code) for code in _LIGATURES))
# Combining marks (accents), removed after NFKD decomposition; all of them lie below U+20000.
def _ranges(codes):
    """'[a-z…]' of a set of code points, as ranges (a long list of single characters makes a slow pattern)."""
    codes, parts, start = sorted(codes), [], None
    for index, code in enumerate(codes):
        if start is None:
            start = code
        if index + 1 == len(codes) or codes[index + 1] != code + 1:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(code)) if code != start else ""))
            start = None
    return "[" + "".join(parts) + "]"


_MARKS = re.compile(_ranges(code for code in range(0x20000) if unicodedata.combining(chr(code))))
_WORD = re.compile(r"\w+")
# Query syntax: "a phrase", word*, plain words. Anything else separates words.
_QUERY_PART = re.compile(r'"([^"]*)"?|(\w+)(\*?)')
MAX_QUERY_TERMS = 8
# The last word of a query that matches no whole word is matched as a prefix (type-ahead), from this length on.
PREFIX_MIN_LENGTH = 3


def fold(text):
    """Lower case without accents: 'Intégration' → 'integration'."""
    text = text.casefold()
    if text.isascii():
        return text
    if _LIGATURE.search(text):
        text = text.translate(_LIGATURES)
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


class _FoldCache(dict):
    def __missing__(self, word):
        folded = self[word] = "".join(_WORD.findall(fold(word)))
        return folded


_FOLDED_WORDS = _FoldCache()


def words(text):
    """The folded words of a text, in order."""
    # Split first, then fold word by word through a cache: most words are ASCII, and the others repeat.
    return [word if word.isascii() else _FOLDED_WORDS[word] for word in _WORD.findall(text.casefold())]


class _StemCache(dict):
    """word → stem for one language; the vocabulary of the catalog is small, so stems are computed once."""

    def __init__(self, language):
        super().__init__()
        self.stemmer = _STEMMERS[language]

    def __missing__(self, word):
        stem = self[word] = self.stemmer.stemWord(word)
        return stem


_STEM_CACHES = {code: _StemCache(code) for code in _STEMMERS}


def stems(folded_words, language):
    """The stems of already folded words in one language."""
    cache = _STEM_CACHES[language]
    return [cache[word] for word in folded_words]


def stem(word, language):
    return _STEM_CACHES[language][word]


def all_stems(word):
    """The distinct stems of one folded word in every language (the query's language is unknown)."""
    return sorted({_STEM_CACHES[code][word] for code in _STEM_CACHES})


# Between the parts of an indexed text, so that a phrase cannot match across two of them. A private-use character:
# FTS5 reads it as a token, and no query can contain it (\w does not match it).
SEPARATOR = "\ue000"


def index_text(texts):
    """The indexed form of {language: text}: each language's stems in order (phrases match within a language),
    then the folded words that differ from their stem (so that prefixes of whole words match)."""
    parts, plain = [], set()
    for language, text in texts.items():
        if not text:
            continue
        folded = words(text)
        stemmed = stems(folded, language)
        parts.append(" ".join(stemmed))
        plain.update(word for word, s in zip(folded, stemmed) if word != s)
    if plain:
        parts.append(" ".join(sorted(plain)))
    return f" {SEPARATOR} ".join(parts)


@dataclass(frozen=True)
class Term:
    """One part of a query: a word (matched by its stems, and as a prefix when `prefix`) or a phrase. A word
    that is only `maybe_prefix` (the last word typed) is a prefix only if it matches no whole word."""

    words: tuple
    prefix: bool = False
    maybe_prefix: bool = False

    def exact(self):
        return Term(self.words)

    def as_prefix(self):
        return Term(self.words, prefix=True)

    @property
    def is_phrase(self):
        return len(self.words) > 1

    def phrases(self):
        """For a phrase: the distinct stem sequences, one per language."""
        return sorted({tuple(stem(word, language) for word in self.words) for language in _STEM_CACHES})

    def key(self):
        return ("phrase" if self.is_phrase else "prefix" if self.prefix else "word", self.words)


@dataclass
class Query:
    """A parsed query: every term must match (AND); an empty query matches everything."""

    text: str = ""
    terms: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.terms)

    def highlight_stems(self):
        """What snippets mark: ({language: stems, "plain": words}, prefixes)."""
        exact = {code: set() for code in (*_STEM_CACHES, "plain")}
        prefixes = set()
        for term in self.terms:
            for word in term.words:
                for code in _STEM_CACHES:
                    exact[code].add(stem(word, code))
                exact["plain"].add(word)
            if term.prefix:
                prefixes.add(term.words[0])
        return exact, prefixes


@lru_cache(maxsize=2048)
def _parse(text):
    terms = []
    parts = list(_QUERY_PART.finditer(text))
    for index, match in enumerate(parts):
        phrase, word, star = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            folded = tuple(words(phrase))
            if len(folded) == 1:
                terms.append(Term(folded))
            elif folded:
                terms.append(Term(folded))
            continue
        folded = tuple(words(word))
        if not folded:
            continue
        is_last = index == len(parts) - 1 and match.end() == len(text)
        prefix = bool(star) and len(folded[0]) >= 2
        maybe_prefix = not prefix and is_last and len(folded[0]) >= PREFIX_MIN_LENGTH
        terms.append(Term(folded[:1], prefix=prefix, maybe_prefix=maybe_prefix))
    unique = []
    for term in terms:
        if term not in unique:
            unique.append(term)
    return tuple(unique[:MAX_QUERY_TERMS])


def parse(text):
    """The Query of a reader's text: quoted phrases, `word*` prefixes, words; the last word is a prefix when it
    matches no whole word (the reader is still typing it)."""
    text = (text or "").strip()
    return Query(text=text, terms=list(_parse(text)))
