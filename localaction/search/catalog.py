"""The public catalog of actions: one function, `run(params)`, takes the catalog's query parameters (q, the filters
of ActionFilter, sort, page), validates them with ActionFilter's form, and answers from the search index: the
page of actions in order, the number of results, highlighted snippets, and for every facet the count of each
value given the other active filters. `ranked(params)` gives every result in the same order, lazily, for the API
and exports that page through all of them.

Cost at 100,000 actions: one query for the catalog version; per query term one aggregated text-index query,
unless terms.py has it cached; bitmap intersections for filters and counts; two queries for the page's actions
and their objectives.
"""
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.core.translation import current_language
from localaction.progress import schedule

from . import facets as facet_index
from . import reporting, text
from .labels import facet_options
from .snippets import Highlighter
from .terms import TERMS, resolve_terms  # noqa: F401  (TERMS: the benchmark empties it)
from .terms import term_bitmap as _term_bitmap

# The facets shown with counts, in the order of the filter form ("term" filters but is not counted).
COUNTED_FACETS = [name for name in facet_index.FACET_NAMES if name != "term"]
OPTION_HTML = '<option value="%s"%s>%s (%d)</option>\n'
DEFAULT_SORT = {True: "relevance", False: "newest"}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    empty_label: str
    options: list
    selected: str = ""
    errors: list = field(default_factory=list)
    options_html: str = ""


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_query: str


def _without(params, name):
    """The query string of the same catalog state without one filter (and back to the first page)."""
    remaining = params.copy()
    for key in (name, "page"):
        remaining.pop(key, None)
    return remaining.urlencode()


@dataclass
class CatalogResult:
    """Everything the catalog page shows: `page` is a Django Page of actions (each with `.snippet` and
    `.title_html` when there is a text query)."""

    filter: ActionFilter
    query: text.Query
    page: object
    count: int
    facets: list
    sort: str
    sorts: list
    active: list
    errors: dict
    due_states: dict = field(default_factory=dict)


class Ranked:
    """The results in the requested order, sliced lazily: Django's Paginator takes `len()` and slices, and only
    the page's positions are ever turned into actions."""

    def __init__(self, index, result, sort, language, groups=None):
        self.index, self.result, self.sort, self.language, self.groups = index, result, sort, language, groups
        self.count = len(result)

    def __len__(self):
        return self.count

    def positions(self, start, stop):
        index = self.index
        if self.sort == "title":
            return index.by_title(self.result, start, stop, self.language)
        if self.sort in ("relevance", "government") and self.groups is not None:
            found, offset = [], 0
            for group in self.groups:
                size = len(group)
                if offset + size > start and size:
                    found += index.newest(group, max(0, start - offset), min(size, stop - offset))
                offset += size
                if offset >= stop:
                    break
            return found
        return index.newest(self.result, start, stop)

    def __getitem__(self, bounds):
        positions = self.positions(bounds.start or 0, bounds.stop)
        ids = [self.index.action_ids[position] for position in positions]
        # By primary key only: with the status in the WHERE clause, SQLite picks the status index and reads every
        # published row. The index holds public actions only; the status check below guards against a race.
        actions = {a.pk: a for a in Action.objects.select_related("government__country").filter(pk__in=ids).order_by()}
        # The cards show objective numbers only: one plain query instead of a prefetch of whole objectives.
        numbers = defaultdict(list)
        through = Action.gcm_objectives.through.objects.filter(action_id__in=ids).order_by("gcmobjective_id")
        for action_id, number in through.values_list("action_id", "gcmobjective_id"):
            numbers[action_id].append(number)
        page = [actions[pk] for pk in ids if pk in actions and actions[pk].is_published]
        for action in page:
            action.gcm_numbers = numbers[action.pk]
        return page


def _relevance_groups(index, result, terms):
    """Results grouped by score, best first: a term found in the title weighs more than in the body only (its
    weight is its rarity, idf); within a group the newest come first."""
    total = len(index.public) or 1
    groups = [(0.0, result)]
    weighted = []
    for term in terms:
        frequency = _term_bitmap(index, term).intersection_cardinality(index.public) or 1
        weighted.append((math.log(1 + total / frequency), term))
    for weight, term in sorted(weighted, key=lambda item: -item[0]):
        titles = _term_bitmap(index, term, titles_only=True)
        split = []
        for score, group in groups:
            in_title = group & titles
            if in_title:
                split.append((score + weight, in_title))
            rest = group - in_title
            if rest:
                split.append((score, rest))
        groups = split
    merged = {}
    for score, group in groups:
        key = round(score, 9)
        merged[key] = merged[key] | group if key in merged else group
    return [merged[score] for score in sorted(merged, reverse=True)]


def _government_groups(index, result):
    groups = []
    for _government, positions in index.government_groups():
        group = result & positions
        if group:
            groups.append(group)
    return groups


def _selected_keys(form):
    """The valid filter values as index keys: {facet: key}."""
    selected = {}
    for name in facet_index.FACET_NAMES:
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        field_ = form.fields[name]
        to_field = getattr(field_, "to_field_name", None)
        selected[name] = str(getattr(value, to_field) if to_field else value)
    return selected


def run(params, page_number=None, per_page=None, state=None):
    """Answer the catalog's query parameters (a QueryDict) from the search index (`state`: the catalog version
    when the caller has read it already)."""
    action_filter = ActionFilter(params, queryset=Action.objects.published())
    form = action_filter.form
    form.is_valid()
    language = current_language()
    index = facet_index.current(state)

    query = text.parse(form.cleaned_data.get("q", ""))
    resolved = resolve_terms(index, query)
    query = text.Query(text=query.text, terms=[term for term, _positions in resolved])
    base = index.public
    for _term, positions in resolved:
        base = base & positions
    selected = _selected_keys(form)
    filters = {name: index.bitmap(name, key) for name, key in selected.items()}
    result = base
    for bitmap in filters.values():
        result = result & bitmap

    sort = form.cleaned_data.get("sort") or DEFAULT_SORT[bool(query)]
    if sort == "relevance" and not query:
        sort = "newest"
    groups = None
    if sort == "relevance":
        groups = _relevance_groups(index, result, query.terms)
    elif sort == "government":
        groups = _government_groups(index, result)
    ranked = Ranked(index, result, sort, language, groups)
    paginator = Paginator(ranked, per_page or settings.LOCALACTION_PAGE_SIZE)
    page = paginator.get_page(page_number if page_number is not None else params.get("page"))
    if query:
        highlighter = Highlighter(query)
        for action in page.object_list:
            action.title_html = highlighter.mark(str(action.t.title), action.t.title.language)
            found = highlighter.snippet([action.t.summary, action.t.description, action.t.goals])
            action.snippet, action.snippet_source = found if found else (None, None)

    # The cards' reporting badges, for the whole page at once (one query for the campaigns' intervals at most).
    due_states = schedule.due_states(page.object_list, index.reporting_day)
    facets = _facets(index, form, base, filters, selected, language)
    active = [
        ActiveFilter(facet.label, next((o.label for o in facet.options if o.selected), facet.selected), _without(params, facet.name))
        for facet in facets if facet.selected
    ]
    if selected.get("term"):
        active.append(ActiveFilter(str(form.fields["term"].label), selected["term"], _without(params, "term")))
    sorts = [(value, label) for value, label in ActionFilter.SORTS if query or value != "relevance"]
    return CatalogResult(
        filter=action_filter, query=query, page=page, count=paginator.count, facets=facets, sort=sort, sorts=sorts,
        active=active, errors=dict(form.errors), due_states=due_states,
    )


def _facets(index, form, base, filters, selected, language):
    """Every counted facet with its values' counts, each given the text query and the *other* active filters."""
    facets = []
    for name in COUNTED_FACETS:
        scope = base
        for other, bitmap in filters.items():
            if other != name:
                scope = scope & bitmap
        options, html = [], []
        chosen = selected.get(name, "")
        values = index.values[name]
        for value, label, escaped_value, escaped_label in facet_options(form, name, language, index):
            bitmap = values.get(value)
            count = scope.intersection_cardinality(bitmap) if bitmap is not None else 0
            if count or value == chosen:
                is_chosen = value == chosen
                options.append(Option(value, label, count, is_chosen))
                # Built here rather than in a template loop: some hundred options per page, on every request.
                html.append(OPTION_HTML % (escaped_value, " selected" if is_chosen else "", escaped_label, count))
        field_ = form.fields[name]
        facets.append(Facet(
            name=name, label=str(field_.label), empty_label=str(getattr(field_, "empty_label", "") or _("All")),
            options=options, selected=chosen, errors=form.errors.get(name, []), options_html=mark_safe("".join(html)),
        ))
    return facets


def _matching(params, state=None):
    """(form, index, resolved query terms, result positions) of the parameters; invalid values are ignored."""
    action_filter = ActionFilter(params, queryset=Action.objects.published())
    form = action_filter.form
    form.is_valid()
    index = facet_index.current(state)
    resolved = resolve_terms(index, text.parse(form.cleaned_data.get("q", "")))
    result = index.public
    for _term, positions in resolved:
        result = result & positions
    for name, key in _selected_keys(form).items():
        result = result & index.bitmap(name, key)
    return form, index, [term for term, _positions in resolved], result


def matching_positions(params):
    """All result positions of the parameters (for tests and exports that want the catalog's exact set)."""
    _form, _index, _terms, result = _matching(params)
    return BitMap(result)


def ranked(params, state=None):
    """All results of the parameters in the catalog page's order (`sort`, by default relevance with a text query
    and newest first without), as a lazy `Ranked`: for the API and exports, which page through every result
    themselves. Invalid values are ignored as on the page; callers that refuse them validate ActionFilter first."""
    form, index, terms, result = _matching(params, state)
    sort = form.cleaned_data.get("sort") or DEFAULT_SORT[bool(terms)]
    if sort == "relevance" and not terms:
        sort = "newest"
    groups = None
    if sort == "relevance":
        groups = _relevance_groups(index, result, terms)
    elif sort == "government":
        groups = _government_groups(index, result)
    return Ranked(index, result, sort, current_language(), groups)
