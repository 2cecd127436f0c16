"""Highlighted snippets, made in Python for the actions of the current page only (twenty at most), from the text
the reader actually sees: the same folding and stemming as the index decide which words match, so snippets look
the same on SQLite and PostgreSQL."""
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import text

_TOKEN = re.compile(r"(\w+)")
SNIPPET_WORDS = 36


class Highlighter:
    """Marks the words of a text that the query matches (by stem in the text's language, or by prefix)."""

    def __init__(self, query):
        stems, self.prefixes = query.highlight_stems()
        # The index matches a word's stem in any language (the query's language is unknown): so do snippets.
        self.forms = set().union(*stems.values())
        self.known = {}

    def matches(self, word, language):
        key = (word, language)
        found = self.known.get(key)
        if found is None:
            folded = "".join(text.words(word))
            found = self.known[key] = bool(folded) and (
                folded in self.forms or text.stem(folded, language) in self.forms
                or any(folded.startswith(prefix) for prefix in self.prefixes)
            )
        return found

    def mark(self, value, language):
        """The whole text, escaped, with matching words in <mark>."""
        parts = _TOKEN.split(value)
        return mark_safe("".join(
            f"<mark>{escape(part)}</mark>" if index % 2 and self.matches(part, language) else escape(part)
            for index, part in enumerate(parts)
        ))

    def snippet(self, texts):
        """A window of about SNIPPET_WORDS words around the first match in the first text that has one (texts:
        Translated values), marked; None when no text matches."""
        for translated in texts:
            value = str(translated or "")
            parts = _TOKEN.split(value)
            words = [index for index in range(1, len(parts), 2)]
            hits = [n for n, index in enumerate(words) if self.matches(parts[index], translated.language)]
            if not hits:
                continue
            first_word = max(0, hits[0] - SNIPPET_WORDS // 3)
            last_word = min(len(words), first_word + SNIPPET_WORDS)
            start = words[first_word] if first_word else 0
            stop = words[last_word - 1] + 1 if last_word < len(words) else len(parts)
            html = "".join(
                f"<mark>{escape(parts[i])}</mark>" if i % 2 and self.matches(parts[i], translated.language)
                else escape(parts[i])
                for i in range(start, stop)
            ).strip()
            prefix = "… " if first_word else ""
            suffix = " …" if last_word < len(words) else ""
            return mark_safe(prefix + html + suffix), translated
        return None
