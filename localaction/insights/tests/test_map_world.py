"""The world map ({% world_map %} and map.world_map): a title per country, shading classes, links to the filtered
catalog and counts equal to the database's, for several filters."""
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.core import demo_data
from localaction.factories import ActionFactory, GovernmentFactory
from localaction.insights.map import breaks, world, world_map
from localaction.insights.projection import project
from localaction.insights.templatetags.insights_map import render_world_map

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
FILTERS = [
    "", "kind=pledge", "gcm=16", "region=002", "region=011", "country=KE", "kind=practice&gcm=16", "region=019&kind=pledge",
]


@pytest.fixture
def places():
    """Governments in five countries; Bamako has no coordinates, so it is counted but not drawn."""
    def government(name, slug, country, latitude=None, longitude=None):
        return GovernmentFactory(
            name=name, slug=slug, country_id=country,
            latitude=Decimal(latitude) if latitude else None, longitude=Decimal(longitude) if longitude else None,
        )

    return {
        "nairobi": government("Nairobi", "nairobi", "KE", "-1.28638", "36.81723"),
        "mombasa": government("Mombasa", "mombasa", "KE", "-4.04374", "39.66821"),
        "dakar": government("Dakar", "dakar", "SN", "14.69370", "-17.44406"),
        "lyon": government("Lyon", "lyon", "FR", "45.76404", "4.83566"),
        "bogota": government("Bogotá", "bogota", "CO", "4.71099", "-74.07209"),
        "mexico": government("Ciudad de México", "cdmx", "MX", "19.43261", "-99.13321"),
        "bamako": government("Bamako", "bamako", "ML"),
    }


@pytest.fixture
def actions(places):
    """Published actions: Mexico 10, Kenya 6 (Nairobi 4, Mombasa 2), Senegal 3, Colombia 2, France 1, Mali 1 —
    plus drafts, which no map may count."""
    plan = [
        ("mexico", 10, "pledge", [16]), ("nairobi", 4, "practice", [16, 2]), ("mombasa", 2, "pledge", [5]),
        ("dakar", 3, "pledge", [16]), ("bogota", 2, "practice", [1]), ("lyon", 1, "pledge", [16]),
        ("bamako", 1, "practice", [3]),
    ]
    for key, count, kind, objectives in plan:
        for _n in range(count):
            ActionFactory(published=True, government=places[key], kind=kind, gcm_objectives=objectives,
                          stage=Action.Stage.PLANNING if kind == "pledge" else "")
    ActionFactory(government=places["lyon"], kind="pledge")  # a draft
    ActionFactory(government=places["lyon"], status=Action.Status.SUBMITTED)


def svg_of(html):
    """The map's <svg> element, parsed."""
    start = html.index("<svg xmlns")
    return ET.fromstring(html[start:html.index("</svg>", start) + len("</svg>")])


def country_links(svg):
    """{country code: (shading class, title)} of the countries drawn as links."""
    links = {}
    for link in svg.iter(f"{SVG}a"):
        query = parse_qs(urlsplit(link.get("href")).query)
        if "country" in query and link.find(f"{SVG}path") is not None:
            links[query["country"][0]] = (link.get("class"), link.find(f"{SVG}title").text)
    return links


def test_every_country_shape_has_a_title(actions):
    svg = svg_of(render_world_map())

    shapes = [element for element in svg.iter(f"{SVG}path") if "sea" not in (element.get("class") or "")]
    assert len(shapes) == len(world()["countries"])
    for link in svg.iter(f"{SVG}a"):
        assert link[0].tag == f"{SVG}title" and link[0].text  # the link's accessible name
    parents = {child: parent for parent in svg.iter() for child in parent}
    for shape in shapes:
        holder = parents[shape] if parents[shape].tag == f"{SVG}a" else shape
        assert holder.find(f"{SVG}title").text, shape.get("d")[:20]


def test_the_svg_names_itself_and_the_countries_without_actions(actions):
    html = render_world_map()
    svg = svg_of(html)

    assert svg.get("role") == "group"
    assert svg.find(f"{SVG}title").text == "World map of published actions by country"
    assert svg.find(f"{SVG}desc").text.startswith("23 actions in 6 countries")
    titles = {title.text for title in svg.iter(f"{SVG}title")}
    assert "Chad: no action" in titles and "Kenya: 6 actions" in titles and "France: 1 action" in titles


def test_countries_are_shaded_by_quintiles_of_their_counts(actions):
    links = country_links(svg_of(render_world_map()))

    # Counts 1, 1, 2, 3, 6, 10 over six countries: quintile bounds 1, 2, 3, 6, 10.
    assert {code: shade for code, (shade, _title) in links.items()} == {
        "FR": "q1", "ML": "q1", "CO": "q2", "SN": "q3", "KE": "q4", "MX": "q5",
    }
    assert links["MX"][1] == "Mexico: 10 actions"


def test_the_legend_says_what_each_shade_means(actions):
    html = render_world_map()

    legend = html[html.index('class="map-legend"'):html.index("</ul>", html.index('class="map-legend"'))]
    labels = re.findall(r"</svg> ([^<]+?)</li>", legend)
    assert labels == [
        "No action", "1 action", "2 actions", "3 actions", "4 to 6 actions", "7 to 10 actions",
        "A government: the larger the circle, the more actions",
    ]


def test_shading_classes_follow_the_filters(actions):
    links = country_links(svg_of(render_world_map("kind=pledge")))

    # Pledges: Mexico 10, Senegal 3, Kenya 2, France 1 — four classes spread over the five shades.
    assert {code: shade for code, (shade, _title) in links.items()} == {"FR": "q1", "KE": "q2", "SN": "q4", "MX": "q5"}


@pytest.mark.parametrize("counts, expected", [
    ([], []),
    ([4, 4, 4], [(4, 1)]),
    ([1, 9], [(1, 1), (9, 5)]),
    ([1, 2, 3], [(1, 1), (2, 3), (3, 5)]),
    ([1, 1, 1, 1, 1, 1, 1, 1, 1, 50], [(1, 1), (50, 5)]),
    ([5, 1, 3, 2, 8, 13, 21, 34, 55, 89], [(2, 1), (5, 2), (13, 3), (34, 4), (89, 5)]),
])
def test_class_bounds_are_quintiles_merged_when_equal(counts, expected):
    assert breaks(counts) == expected


def test_each_country_links_to_the_catalog_with_the_same_filters(actions):
    svg = svg_of(render_world_map("gcm=16&kind=pledge&page=3"))

    hrefs = {link.get("href") for link in svg.iter(f"{SVG}a")}
    for code in ("MX", "SN", "FR"):
        expected = QueryDict(mutable=True)
        expected.update({"kind": "pledge", "gcm": "16", "country": code})
        assert f"{reverse('actions:list')}?{expected.urlencode()}" in hrefs
    assert not any("page=" in href for href in hrefs)


def test_a_country_link_gives_the_catalog_the_same_number_of_actions(client, actions):
    data = world_map("gcm=16")
    kenya = next(country for country in data.listed if country.code == "KE")

    response = client.get(kenya.url)
    assert response.context["catalog"].count == kenya.count == 4


@pytest.mark.parametrize("query_string", FILTERS)
def test_country_counts_equal_database_counts(actions, query_string):
    data = world_map(query_string)
    in_sql = ActionFilter(QueryDict(query_string), queryset=Action.objects.published()).qs

    listed = {country.code: country.count for country in data.listed}
    expected = {}
    for code in ("MX", "KE", "SN", "CO", "FR", "ML", "US"):
        count = in_sql.filter(government__country=code).count()
        if count:
            expected[code] = count
    assert listed == expected
    assert data.total == in_sql.count()


def test_counts_equal_plain_database_counts_without_the_filter_class(actions):
    data = world_map("kind=pledge&gcm=16")
    listed = {country.code: country.count for country in data.listed}

    for code in ("MX", "SN", "FR", "KE"):
        direct = Action.objects.published().filter(government__country=code, kind="pledge", gcm_objectives=16).count()
        assert listed.get(code, 0) == direct
    assert listed == {"MX": 10, "SN": 3, "FR": 1}


@pytest.mark.parametrize("query_string", FILTERS)
def test_government_points_count_their_matching_actions(actions, query_string):
    data = world_map(query_string)
    in_sql = ActionFilter(QueryDict(query_string), queryset=Action.objects.published()).qs

    points = {point.slug: point.count for point in data.points}
    expected = {}
    for slug in ("nairobi", "mombasa", "dakar", "lyon", "bogota", "cdmx"):
        count = in_sql.filter(government__slug=slug).count()
        if count:
            expected[slug] = count
    assert points == expected


def test_a_government_without_coordinates_is_counted_but_not_drawn(actions):
    data = world_map()

    assert "bamako" not in {point.slug for point in data.points}
    assert next(country.count for country in data.listed if country.code == "ML") == 1


def test_points_link_to_the_government_page_and_sit_inside_their_country(actions, places):
    svg = svg_of(render_world_map())
    points = {link.get("href"): link for link in svg.iter(f"{SVG}a") if link.find(f"{SVG}circle") is not None}
    shapes = world()["countries"]
    projection = world()["projection"]

    for key, code in (("nairobi", "KE"), ("dakar", "SN"), ("bogota", "CO"), ("mexico", "MX"), ("lyon", "FR")):
        government = places[key]
        link = points[reverse("governments:detail", args=[government.slug])]
        circle = link.find(f"{SVG}circle")
        x, y = float(circle.get("cx")), float(circle.get("cy"))
        expected = project(float(government.longitude), float(government.latitude), projection["scale"],
                           projection["translate"])
        assert (x, y) == (round(expected[0], 1), round(expected[1], 1))
        left, top, right, bottom = bounding_box(shapes[code])
        assert left <= x <= right and top <= y <= bottom, key
    nairobi = points[reverse("governments:detail", args=["nairobi"])]
    assert nairobi.find(f"{SVG}title").text == "Nairobi (Kenya): 4 actions"


def bounding_box(d):
    """The bounding box of a path written as build_world.py writes them (M, l, h, v, z)."""
    xs, ys = [], []
    for command, numbers in re.findall(r"([MlhvzH])([^MlhvzH]*)", d):
        values = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        if command == "M":
            x, y = values[:2]
            xs.append(x), ys.append(y)
            values = values[2:]
            command = "l"
        if command == "l":
            for dx, dy in zip(values[::2], values[1::2]):
                x, y = x + dx, y + dy
                xs.append(x), ys.append(y)
        elif command == "h":
            for dx in values:
                x += dx
                xs.append(x), ys.append(y)
        elif command == "v":
            for dy in values:
                y += dy
                xs.append(x), ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_the_map_speaks_the_requested_language(actions):
    html = render_world_map("kind=pledge", language="fr")
    svg = svg_of(html)

    titles = {title.text for title in svg.iter(f"{SVG}title")}
    assert any(title.startswith("Sénégal") and "3" in title for title in titles)
    with translation.override("fr"):
        catalog = reverse("actions:list")
    assert catalog.startswith("/fr/")
    assert any(link.get("href").startswith(catalog + "?") for link in svg.iter(f"{SVG}a"))
    circles = list(svg.iter(f"{SVG}circle"))
    assert circles and all(float(c.get("cx")) and float(c.get("r")) for c in circles)  # "12.5", never "12,5"


def test_the_data_tables_list_countries_and_governments_with_their_counts(actions):
    html = render_world_map("gcm=16")

    table = html[html.index("<details"):]
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>(\d+)</td></tr>', table)
    assert [(name, count) for _href, name, count in rows] == [
        ("Mexico", "10"), ("Kenya", "4"), ("Senegal", "3"), ("France", "1"),
    ]
    assert "Nairobi" in table and "<summary>" in table


def test_the_table_can_be_left_out(actions):
    template = Template("{% load insights_map %}{% world_map params table=False %}")
    html = template.render(Context({"params": QueryDict("gcm=16")}))

    assert "<svg" in html and "<details" not in html
    assert "Kenya: 4 actions" in html


def test_a_publish_changes_the_cached_map(actions, places):
    assert "Colombia: 2 actions" in render_world_map()

    ActionFactory(published=True, government=places["bogota"])

    assert "Colombia: 3 actions" in render_world_map()


def test_without_actions_the_map_has_no_links_and_no_shade(db):
    svg = svg_of(render_world_map())

    assert not list(svg.iter(f"{SVG}a"))
    assert svg.find(f"{SVG}desc").text.startswith("0 actions in 0 countries")


def test_the_boundaries_cover_the_countries_of_the_demo_governments():
    codes = {government[1] for government in demo_data.GOVERNMENTS}

    assert codes <= set(world()["countries"])


def test_the_drawing_is_light():
    # Boundaries of the whole world in under 30 KB: the map stays a small part of a page.
    assert sum(len(d) for d in world()["countries"].values()) < 30_000
