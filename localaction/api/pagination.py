"""Cursor pagination of every API list: `{"next": url|null, "previous": url|null, "results": [...]}`.

A cursor names the place of the page's first or last item in the list's order (its sort key), never an offset:
items published while a client pages through a list do not shift the pages it has still to read.

- Lists of rows (governments, campaigns, taxonomies…) use DRF's CursorPagination on a unique, unchanging order.
- Actions follow the catalog's order exactly (search.catalog.ranked: newest first, or title, government,
  relevance), read from the in-memory search index; the cursor holds the boundary item's key in that order
  (publication time and action, title key, government, relevance group), and the page starts after it.
"""
import binascii
import json
import re
from base64 import urlsafe_b64decode, urlsafe_b64encode
from bisect import bisect_left, bisect_right

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination, CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from localaction.search.facets import LANGUAGES

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
CURSOR = "cursor"
PAGE_SIZE = "page_size"
INVALID_CURSOR = _("Invalid cursor: follow the next and previous links of an earlier answer.")


def page_size(request, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE):
    """?page_size= as an integer from 1 to `maximum`; anything else is a 400 (not silently the default)."""
    value = request.query_params.get(PAGE_SIZE)
    if value is None or value == "":
        return default
    if not re.fullmatch(r"[0-9]{1,6}", value) or not 1 <= int(value) <= maximum:
        raise ValidationError({PAGE_SIZE: [
            _("Enter a whole number from 1 to %(maximum)d.") % {"maximum": maximum}
        ]})
    return int(value)


def page_schema(results):
    """The OpenAPI schema of one page of a list."""
    link = {"type": "string", "format": "uri", "nullable": True}
    return {
        "type": "object",
        "required": ["next", "previous", "results"],
        "properties": {
            "next": {**link, "description": str(_("The next page, or null on the last page."))},
            "previous": {**link, "description": str(_("The previous page, or null on the first page."))},
            "results": results,
        },
    }


def cursor_parameters(description):
    return [
        {"name": CURSOR, "required": False, "in": "query", "description": str(description), "schema": {"type": "string"}},
        {
            "name": PAGE_SIZE, "required": False, "in": "query",
            "description": str(_("Number of results per page (default %(default)d, at most %(maximum)d).") % {
                "default": DEFAULT_PAGE_SIZE, "maximum": MAX_PAGE_SIZE}),
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        },
    ]


class ApiCursorPagination(CursorPagination):
    """DRF's cursor pagination with a strict page size and a 404 (never a 500) for any cursor it did not write.
    Views set `ordering` to a unique field that never changes (slug, number, key, id)."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    invalid_cursor_message = INVALID_CURSOR

    def get_page_size(self, request):
        return page_size(request)

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, OverflowError, DjangoValidationError) as error:
            # A hand-made cursor whose position does not fit the ordering field.
            raise NotFound(self.invalid_cursor_message) from error

    def get_paginated_response_schema(self, schema):
        return page_schema(schema)

    def get_schema_operation_parameters(self, view):
        return cursor_parameters(_("Where the page starts: the cursor of a next or previous link."))


class CatalogCursorPagination(BasePagination):
    """Pages of a `search.catalog.Ranked` (the catalog's results in its order), as lists of index positions."""

    def paginate_ranked(self, ranked, request):
        """The positions of the requested page, in order."""
        self.request, self.ranked = request, ranked
        self.base_url = request.build_absolute_uri()
        size = page_size(request)
        total = len(ranked)
        mode, key = self._decode(request, ranked)
        if mode is None:
            start, stop = 0, min(size, total)
        elif mode in ("after", "from"):
            start = self._count_before(key, inclusive=mode == "after")
            stop = min(start + size, total)
        else:
            stop = self._count_before(key, inclusive=mode == "until")
            start = max(0, stop - size)
        self.positions = ranked.positions(start, stop) if start < stop else []
        self.start, self.stop, self.total, self.key = start, stop, total, key
        return self.positions

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_next_link(self):
        if self.positions:
            return self._link("after", self.positions[-1]) if self.start + len(self.positions) < self.total else None
        if self.key is not None and self.stop < self.total:
            return self._link_to("from", self.key)
        return None

    def get_previous_link(self):
        if self.positions:
            return self._link("before", self.positions[0]) if self.start > 0 else None
        if self.key is not None and self.start > 0:
            return self._link_to("until", self.key)
        return None

    def get_paginated_response_schema(self, schema):
        return page_schema(schema)

    def get_schema_operation_parameters(self, view):
        return cursor_parameters(_("Where the page starts: the cursor of a next or previous link."))

    # ------------------------------------------------------------------ keys in the catalog's orders

    def _link(self, mode, position):
        return self._link_to(mode, self._key_of(position))

    def _link_to(self, mode, key):
        payload = {"m": mode, "s": self.ranked.sort, "l": self.ranked.language, "k": key}
        encoded = urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
        return replace_query_param(remove_query_param(self.base_url, CURSOR), CURSOR, encoded)

    def _key_of(self, position):
        """The key of one result in the current order (what a cursor stores)."""
        ranked, index = self.ranked, self.ranked.index
        newest = [index.published[position], index.action_ids[position]]
        if ranked.sort == "title":
            return [self._title_keys()[position], index.action_ids[position]]
        if ranked.sort == "government":
            for government_id, group in self._government_groups():
                if position in group:
                    return [index.government_names.get(government_id, ""), government_id, *newest]
        if ranked.sort == "relevance":
            for number, group in enumerate(ranked.groups):
                if position in group:
                    return [number, *newest]
        return newest

    def _count_before(self, key, inclusive):
        """How many results come before the item of `key` in the current order (and the item itself if
        `inclusive`), whether or not that item is still among the results."""
        ranked, index = self.ranked, self.ranked.index
        if ranked.sort == "title":
            keys = self._title_keys()
            title, action_id = key
            try:
                position = index.action_ids.index(action_id)
            except ValueError:
                position = 0  # no longer indexed: after every result with the same title key
            boundary = (title, -position)
            if inclusive:
                return sum(1 for p in ranked.result if (keys[p], -p) <= boundary)
            return sum(1 for p in ranked.result if (keys[p], -p) < boundary)
        if ranked.sort == "government":
            name, government_id, *newest = key
            count = 0
            for group_id, group in self._government_groups():
                group_key = (index.government_names.get(group_id, ""), group_id)
                if group_key < (name, government_id):
                    count += len(group)
                elif group_key == (name, government_id):
                    count += _newer(index, group, newest, inclusive)
            return count
        if ranked.sort == "relevance":
            number, *newest = key
            groups = ranked.groups
            count = sum(len(group) for group in groups[:number])
            if number < len(groups):
                count += _newer(index, groups[number], newest, inclusive)
            return count
        return _newer(index, ranked.result, key, inclusive)

    def _title_keys(self):
        return self.ranked.index.title_keys[LANGUAGES.index(self.ranked.language)]

    def _government_groups(self):
        """[(government id, its results)] in the catalog's government order (the groups of Ranked, with ids)."""
        if not hasattr(self, "_groups"):
            result = self.ranked.result
            self._groups = [
                (government_id, result & positions) for government_id, positions in self.ranked.index.government_groups()
                if positions.intersect(result)
            ]
        return self._groups

    def _decode(self, request, ranked):
        encoded = request.query_params.get(CURSOR)
        if encoded is None:
            return None, None
        try:
            payload = json.loads(urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
            mode, sort, language, key = payload["m"], payload["s"], payload["l"], payload["k"]
        except (ValueError, TypeError, KeyError, binascii.Error) as error:
            raise NotFound(INVALID_CURSOR) from error
        shapes = {
            "newest": (float, int), "title": (str, int), "government": (str, int, float, int),
            "relevance": (int, float, int),
        }
        valid = (
            mode in ("after", "before", "from", "until") and sort == ranked.sort and language == ranked.language
            and isinstance(key, list) and len(key) == len(shapes[sort])
            and all(_fits(value, kind) for value, kind in zip(key, shapes[sort]))
            and (sort != "relevance" or key[0] >= 0)
        )
        if not valid:
            raise NotFound(INVALID_CURSOR)
        return mode, key


def _fits(value, kind):
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e12
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63
    return isinstance(value, kind)


def _newer(index, positions, key, inclusive):
    """How many of `positions` are newer than the action of `key` ([publication time, action id]), or as new if
    `inclusive`: the catalog's "newest first" order is by publication time, then action id."""
    boundary = tuple(key)
    publication = index.publication_key
    if index.in_publication_order:
        # Positions grow with publication: a binary search over the sorted positions.
        seen = bisect_left(positions, boundary, key=publication) if inclusive else bisect_right(
            positions, boundary, key=publication)
        return len(positions) - seen
    if inclusive:
        return sum(1 for p in positions if publication(p) >= boundary)
    return sum(1 for p in positions if publication(p) > boundary)
