"""The two text indexes behind one interface: write a document's text, remove it, and give the positions of the
documents that match one query term (all fields, or titles only) as a bitmap.

- SQLite (the embedded default): an FTS5 table whose rowid is the document's position. Text is folded and
  stemmed in Python (text.py) before FTS5's unicode61 tokenizer sees it, because SQLite has no stemmer for
  French or Spanish.
- PostgreSQL: two tsvector columns on the document row (titles; everything), each with a GIN index, built with
  the english/french/spanish configurations over unaccent(), plus the 'simple' configuration so that prefixes of
  whole words, stop words and names match too.

Both return every matching position in one round trip, aggregated into one string by the database (returning
tens of thousands of rows one by one costs more than the search itself).
"""
import json

from django.db import connection
from pyroaring import BitMap

from . import text

LANGUAGES = tuple(text.STEMMER_NAMES)


def _bitmap(aggregated):
    return BitMap(json.loads("[" + aggregated + "]")) if aggregated else BitMap()


class SQLiteBackend:
    """FTS5 over pre-stemmed text; `title`, `body` and `place` (the government's name) columns."""

    def write(self, cursor, documents):
        """documents: [(position, {lang: title}, {lang: body}, government name)]"""
        positions = [(doc[0],) for doc in documents]
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", positions)
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body, place) VALUES (%s, %s, %s, %s)",
            [(position, text.index_text(titles), text.index_text(bodies), " ".join(text.words(place)))
             for position, titles, bodies, place in documents],
        )

    def remove(self, cursor, positions):
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(p,) for p in positions])

    def clear(self, cursor):
        cursor.execute("DELETE FROM search_fts")

    def expression(self, term):
        """The FTS5 query of one term (every token quoted, so no reader's text is read as FTS5 syntax)."""
        if term.is_phrase:
            options = ['"%s"' % " ".join(stems) for stems in term.phrases()]
        else:
            word = term.words[0]
            options = ['"%s"' % stem for stem in text.all_stems(word)]
            if term.prefix:
                options.append('"%s" *' % word)
        return "(" + " OR ".join(options) + ")"

    def match(self, term, titles_only=False, within=None):
        """Positions matching `term` (a word, prefix or phrase), among `within` positions if given."""
        query = self.expression(term)
        if titles_only:
            query = "title : " + query
        sql, params = "SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH %s", [query]
        if within is not None:
            sql += " AND rowid IN (SELECT value FROM json_each(%s))"
            params.append(json.dumps(list(within)))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return _bitmap(cursor.fetchone()[0])

    def positions_sql(self, terms):
        """SQL (and parameters) selecting the positions that match every term: for querysets (API, exports)."""
        parts, params = [], []
        for term in terms:
            select = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
            if term.maybe_prefix:
                exact, prefix = self.expression(term.exact()), self.expression(term.as_prefix())
                parts.append(f"SELECT * FROM ({select} UNION ALL {select} AND NOT EXISTS ({select}))")
                params += [exact, prefix, exact]
            else:
                parts.append(f"SELECT * FROM ({select})")
                params.append(self.expression(term))
        return " INTERSECT ".join(parts), params


def _vector(config, placeholder):
    return f"to_tsvector('{config}', unaccent({placeholder}))"


# Between the vectors of two parts of a text, so that a phrase cannot match across them: `||` places the second
# part right after the first. No query can contain this lexeme (query words are letters and digits).
GAP = "'§:1'::tsvector"


class PostgreSQLBackend:
    """tsvector columns `title_vector` and `vector` on search_searchdocument, GIN-indexed."""

    CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}

    def _vectors_sql(self):
        title_parts = [_vector(self.CONFIGS[lang], f"%(title_{lang})s") for lang in LANGUAGES]
        title_parts.append(_vector("simple", "%(title_all)s"))
        body_parts = [_vector(self.CONFIGS[lang], f"%(body_{lang})s") for lang in LANGUAGES]
        body_parts.append(_vector("simple", "%(body_all)s"))
        title = f" || {GAP} || ".join(title_parts)
        return (
            "UPDATE search_searchdocument SET title_vector = {title}, vector = {title} || {gap} || {body} "
            "WHERE position = %(position)s"
        ).format(gap=GAP, title=title, body=f" || {GAP} || ".join(body_parts))

    def write(self, cursor, documents):
        rows = []
        for position, titles, bodies, place in documents:
            row = {"position": position}
            for lang in LANGUAGES:
                row[f"title_{lang}"] = titles.get(lang, "")
                row[f"body_{lang}"] = bodies.get(lang, "")
            row["title_all"] = " ".join(titles.values())
            row["body_all"] = " ".join([*bodies.values(), place])
            rows.append(row)
        cursor.executemany(self._vectors_sql(), rows)

    def remove(self, cursor, positions):
        cursor.execute(
            "UPDATE search_searchdocument SET title_vector = NULL, vector = NULL WHERE position = ANY(%s)",
            [list(positions)],
        )

    def clear(self, cursor):
        pass  # the vectors live on the document rows

    def expression(self, term):
        """(SQL, params) of the tsquery of one term: its stems in every language, or its phrase in every
        language; with the 'simple' configuration for names, stop words and prefixes."""
        configs = [*self.CONFIGS.values(), "simple"]
        if term.is_phrase:
            phrase = " ".join(term.words)
            return " || ".join(f"phraseto_tsquery('{config}', %s)" for config in configs), [phrase] * len(configs)
        word = term.words[0]
        parts = [f"plainto_tsquery('{config}', %s)" for config in configs]
        params = [word] * len(configs)
        if term.prefix:
            # The word comes from text.words(): letters, digits and underscores only, so it is safe to quote.
            parts.append("to_tsquery('simple', %s)")
            params.append(f"'{word}':*")
        return " || ".join(parts), params

    def match(self, term, titles_only=False, within=None):
        sql, params = self.expression(term)
        with connection.cursor() as cursor:
            if within is not None:
                # A few changed documents: the planner reads them by position and checks their vectors.
                column = "title_vector" if titles_only else "vector"
                cursor.execute(
                    f"SELECT string_agg(position::text, ',') FROM search_searchdocument "
                    f"WHERE position = ANY(%s) AND {column} @@ ({sql})", [list(within), *params],
                )
            else:
                # search_positions() (migration 0001) reads the GIN index even for words most actions have: the
                # planner would rather scan the table, not knowing that this reads every vector out of TOAST.
                cursor.execute(f"SELECT search_positions(({sql}), %s, NULL)", [*params, titles_only])
            return _bitmap(cursor.fetchone()[0])

    def positions_sql(self, terms):
        parts, params = [], []
        for term in terms:
            if term.maybe_prefix:
                exact, exact_params = self.expression(term.exact())
                prefix, prefix_params = self.expression(term.as_prefix())
                parts.append(f"position = ANY(string_to_array(COALESCE(NULLIF(search_positions(({exact}), false, NULL), ''), "
                             f"search_positions(({prefix}), false, NULL)), ',')::int[])")
                params += [*exact_params, *prefix_params]
            else:
                sql, term_params = self.expression(term)
                parts.append(f"position = ANY(string_to_array(search_positions(({sql}), false, NULL), ',')::int[])")
                params += term_params
        return "SELECT position FROM search_searchdocument WHERE " + " AND ".join(parts), params


def backend():
    """The text index of the default database."""
    return PostgreSQLBackend() if connection.vendor == "postgresql" else SQLiteBackend()
