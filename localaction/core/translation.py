"""Content in three languages: each translatable field is stored as <name>_en, <name>_fr and <name>_es columns.

Readers get their own language when a translation exists, otherwise the record's original language, and the
template is told so it can label the text ("original language: Spanish"). Plain columns (rather than a
translation library) keep per-language search indexes and admin side-by-side editing simple.

Two lists, not one: the content languages (settings.CONTENT_LANGUAGES, fixed because each is a column) and the
interface languages (settings.LANGUAGES: the content languages plus any LOCALACTION_EXTRA_LANGUAGES, e.g. Arabic,
translated by the locale catalogs alone). On a page in an interface-only language all content is a fallback.
"""
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

# Fixed at start-up on purpose: the columns cannot change while the process runs.
LANGUAGE_CODES = tuple(code for code, _name in settings.CONTENT_LANGUAGES)


def interface_language_codes():
    """Codes of the interface languages, read at call time: tests and deployments may add to settings.LANGUAGES."""
    return tuple(code for code, _name in settings.LANGUAGES)


def interface_language_choices():
    """settings.LANGUAGES for model fields: a callable keeps the migration state the same whatever extra
    languages a deployment adds."""
    return settings.LANGUAGES


def page_language():
    """The language the page is written in, which may have no content column ("ar")."""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = interface_language_codes()
    if language in codes:
        return language
    return language[:2] if language[:2] in codes else settings.LANGUAGE_CODE


def current_language():
    """The content language to read columns in: the page language when it has columns ("fr-ca" -> "fr"), else
    the default language (content falls back there, and is marked as such; see TranslatableMixin.translated)."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def language_name(code):
    """The translated name of one of our languages, for labels."""
    from django.utils.translation import gettext

    return gettext(dict(settings.LANGUAGES).get(code, code))


@dataclass(frozen=True)
class Translated:
    """A piece of content text with the language it is actually in."""

    text: str
    language: str
    is_fallback: bool

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)

    @property
    def language_name(self):
        return language_name(self.language)


class _Accessor:
    """Lets templates write {{ action.t.title }} and {{ action.t.title.is_fallback }}."""

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, field):
        if field.startswith("_"):
            raise AttributeError(field)
        return self._obj.translated(field)


class TranslatableMixin:
    """Mixin for models with <field>_<lang> columns; `original_language` may be a field or a class default."""

    original_language = settings.LANGUAGE_CODE

    def translated(self, field, language=None):
        # Compared with the page language, not the column read: on an Arabic page English text is a fallback too.
        language = language or page_language()
        original = self.original_language or settings.LANGUAGE_CODE
        for candidate in (language, original, *LANGUAGE_CODES):
            if candidate not in LANGUAGE_CODES:
                continue
            value = getattr(self, f"{field}_{candidate}", "")
            if value:
                return Translated(value, candidate, candidate != language)
        return Translated("", language, False)

    @property
    def t(self):
        return _Accessor(self)


def translated_field_names(field):
    """['title_en', 'title_fr', 'title_es'] — for forms, admin fieldsets and exports."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]
