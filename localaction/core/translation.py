"""Content in three languages: each translatable field is stored as <name>_en, <name>_fr and <name>_es columns.

Readers get their own language when a translation exists, otherwise the record's original language, and the
template is told so it can label the text ("original language: Spanish"). Plain columns (rather than a
translation library) keep per-language search indexes and admin side-by-side editing simple.
"""
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def current_language():
    """The active interface language reduced to one of ours ("fr-ca" -> "fr")."""
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
        language = language or current_language()
        value = getattr(self, f"{field}_{language}", "")
        if value:
            return Translated(value, language, False)
        original = self.original_language or settings.LANGUAGE_CODE
        for candidate in (original, *LANGUAGE_CODES):
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
