"""The world map of published actions: for any catalog parameters, the number of matching actions per country
(shaded in five classes) and per government (points), each linking to the catalog or the government's page.

Counting reads the catalog's facet index (one bitmap intersection per country and per government), so the map
of "pledges on GCM objective 16 in Africa" costs about as much as the map of everything. The boundaries come
from data/world.json, projected once by data/build_world.py; government points are projected here with the same
parameters (projection.py). The rendered map is cached per catalog version (templatetags/insights_map.py).
"""
import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from localaction.core.translation import current_language
from localaction.governments.models import Government
from localaction.search import catalog
from localaction.search import facets as facet_index
from localaction.taxonomy.models import Country

from .projection import project

WORLD_FILE = Path(__file__).resolve().parent / "data" / "world.json"
SHADES = 5
# The catalog's own parameters: anything else in a query string (a tracking tag, "page") stays off the links.
CATALOG_PARAMETERS = ("q", *facet_index.FACET_NAMES, "sort")
POINT_RADIUS = (1.6, 6.0)  # drawing units (the map is 1,000 wide): the fewest and the most actions
# Sequential blues to navy, each class darker than the last by a contrast ratio of 1.4 or more (none to 5:
# about 9:1); the counts are also in each country's title, the legend and the table, so no one needs the colour.
COLOURS = {0: "#eceef0", 1: "#b5dd9e", 2: "#6cc3b0", 3: "#2b94b6", 4: "#24589e", 5: "#1a236b"}
SEA, BORDER, POINT = "#ffffff", "#4b5563", "#d9480f"


@cache
def world():
    """The boundaries and the projection's parameters (read once per process)."""
    return json.loads(WORLD_FILE.read_text(encoding="utf-8"))


@dataclass
class MapCountry:
    """A country of the map; `shade` is 0 without actions, else 1 (fewest) to 5 (most)."""

    code: str
    name: str
    count: int
    shade: int
    title: str
    url: str = ""
    d: str = ""


@dataclass
class MapPoint:
    """A government with matching actions, placed at its coordinates."""

    slug: str
    name: str
    country: str
    count: int
    x: float
    y: float
    r: float
    title: str
    url: str


@dataclass
class LegendEntry:
    shade: int
    label: str

    @property
    def colour(self):
        return COLOURS[self.shade]


@dataclass
class WorldMap:
    """Everything the map template draws, plus the data table: `listed` are the countries with actions."""

    width: int
    height: int
    outline: str
    drawn: list
    listed: list
    points: list
    legend: list
    total: int
    countries_with_actions: int
    catalog_url: str
    query: str
    markers: set = field(default_factory=set)


def as_query(params):
    """The catalog parameters of `params` (a QueryDict, a dict or a query string) as a QueryDict."""
    if params is None:
        params = ""
    if isinstance(params, str):
        params = QueryDict(params)
    elif not isinstance(params, QueryDict):
        query = QueryDict(mutable=True)
        for key, value in params.items():
            if isinstance(value, (list, tuple)):
                query.setlist(key, [str(v) for v in value])
            elif value not in (None, ""):
                query[key] = str(value)
        params = query
    kept = QueryDict(mutable=True)
    for key in CATALOG_PARAMETERS:
        values = [value for value in params.getlist(key) if value != ""]
        if values:
            kept.setlist(key, values)
    return kept


def breaks(counts):
    """Upper bounds of the shading classes: quintiles of the countries' counts, merged when equal (few
    countries, or many with the same count, give fewer classes). Each class's shade is spread over 1–5 so that
    two classes are the lightest and the darkest, not two neighbouring blues."""
    values = sorted(count for count in counts if count > 0)
    uppers = []
    for k in range(1, SHADES + 1):
        value = values[math.ceil(k * len(values) / SHADES) - 1] if values else 0
        if value and (not uppers or value > uppers[-1]):
            uppers.append(value)
    if len(uppers) == 1:
        return [(uppers[0], 1)]
    return [(upper, 1 + round(i * (SHADES - 1) / (len(uppers) - 1))) for i, upper in enumerate(uppers)]


def shade_of(count, classes):
    if count <= 0:
        return 0
    for upper, shade in classes:
        if count <= upper:
            return shade
    return classes[-1][1]


def _legend(classes):
    entries = [LegendEntry(0, gettext("No action"))]
    lower = 1
    for upper, shade in classes:
        if lower == upper:
            number = number_format(upper, force_grouping=True)
            label = ngettext("%(count)s action", "%(count)s actions", upper) % {"count": number}
        else:
            label = ngettext("%(low)s to %(high)s action", "%(low)s to %(high)s actions", upper) % {
                "low": number_format(lower, force_grouping=True), "high": number_format(upper, force_grouping=True),
            }
        entries.append(LegendEntry(shade, label))
        lower = upper + 1
    return entries


class Titles:
    """"Kenya: 12 actions" for each name and count; the translated pattern and the formatted number are looked
    up once per distinct count (a map has a few hundred titles but only tens of distinct counts)."""

    def __init__(self):
        self.none = gettext("%(name)s: no action")
        self.patterns = {}

    def __call__(self, name, count):
        if not count:
            return self.none % {"name": name}
        if count not in self.patterns:
            self.patterns[count] = (
                ngettext("%(name)s: %(count)s action", "%(name)s: %(count)s actions", count),
                number_format(count, force_grouping=True),
            )
        pattern, number = self.patterns[count]
        return pattern % {"name": name, "count": number}


def _radius(count, most):
    low, high = POINT_RADIUS
    # By area: a government with four times the actions gets a circle four times as large.
    return round(low + (high - low) * math.sqrt((count - 1) / max(most - 1, 1)), 1)


def world_map(params=None, language=None, positions=None, state=None):
    """The map's data for catalog `params` (QueryDict, dict or query string) in `language` (default: the active
    one). `positions` (a bitmap of index positions) replaces the catalog's result set when a caller has its own;
    the links still carry `params`."""
    language = language or current_language()
    query = as_query(params)
    with translation.override(language):
        index = facet_index.current(state)
        result = catalog.matching_positions(query) if positions is None else positions
        return _build(index, result, query, language)


def _build(index, result, query, language):
    data = world()
    names = _country_names(language)
    names.update({code: name for code, name in data["names"].items() if code not in names})
    titles = Titles()
    per_country = {}
    for code, bitmap in index.values["country"].items():
        count = result.intersection_cardinality(bitmap)
        if count:
            per_country[code] = count
    classes = breaks(per_country.values())
    catalog_url = reverse("actions:list")
    base_query = query.copy()
    base_query.pop("page", None)
    without_country = base_query.copy()
    without_country.pop("country", None)
    # Each country's link: the same filters, that country (built once, not a QueryDict per country).
    prefix = f"{catalog_url}?{without_country.urlencode()}&country=" if without_country else f"{catalog_url}?country="
    countries = {}
    for code in set(data["countries"]) | set(per_country):
        count = per_country.get(code, 0)
        name = names.get(code, code)
        countries[code] = MapCountry(
            code=code, name=name, count=count, shade=shade_of(count, classes), title=titles(name, count),
            url=prefix + code if count else "", d=data["countries"].get(code, ""),
        )
    # Drawing order: the small countries' squares last, above their neighbours; otherwise countries without
    # actions first, then those with actions by name, so the keyboard meets the links alphabetically.
    markers = set(data["markers"])
    drawn = sorted(
        (country for country in countries.values() if country.d),
        key=lambda c: (c.code in markers, c.count > 0, c.name.casefold()),
    )
    listed = sorted((c for c in countries.values() if c.count), key=lambda c: (-c.count, c.name.casefold()))
    return WorldMap(
        width=data["width"], height=data["height"], outline=data["outline"], drawn=drawn, listed=listed,
        points=_points(index, result, names, data["projection"], titles), legend=_legend(classes), total=len(result),
        countries_with_actions=len(per_country), catalog_url=catalog_url, query=base_query.urlencode(), markers=markers,
    )


def _country_names(language):
    """{code: name in `language`}, with the same fallback as TranslatableMixin (names are never empty in the
    reference data, but a country added in the admin might lack one)."""
    names = {}
    for code, *translations in Country.objects.order_by().values_list("code", "name_en", "name_fr", "name_es"):
        by_language = dict(zip(("en", "fr", "es"), translations))
        names[code] = by_language.get(language) or by_language["en"] or next((t for t in translations if t), code)
    return names


def _points(index, result, names, projection, titles):
    """Governments with matching actions and coordinates, biggest first so small circles stay on top."""
    counts = {}
    for government_id, bitmap in index.governments.items():
        count = result.intersection_cardinality(bitmap)
        if count:
            counts[government_id] = count
    if not counts:
        return []
    # All public governments with coordinates in one query (no IN list of thousands of ids).
    rows = Government.objects.public().filter(latitude__isnull=False, longitude__isnull=False).values_list(
        "id", "slug", "name", "country_id", "latitude", "longitude"
    )
    most = max(counts.values())
    # One reverse() for all: slugs are URL-safe by definition (SlugField).
    government_url = reverse("governments:detail", args=["-slug-"]).replace("-slug-", "{}")
    label_pattern = gettext("%(government)s (%(country)s)")
    points = []
    for government_id, slug, name, country, latitude, longitude in rows:
        count = counts.get(government_id)
        if not count:
            continue
        x, y = project(float(longitude), float(latitude), projection["scale"], projection["translate"])
        label = label_pattern % {"government": name, "country": names.get(country, country)}
        points.append(MapPoint(
            slug=slug, name=name, country=names.get(country, country), count=count, x=round(x, 1), y=round(y, 1),
            r=_radius(count, most), title=titles(label, count), url=government_url.format(slug),
        ))
    points.sort(key=lambda p: (-p.count, p.name.casefold()))
    return points

