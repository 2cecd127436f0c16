"""The same catalog parameters give the same actions everywhere: the catalog page, the API (every cursor page),
each download format and the Atom feed. Over many combinations of the text query, every facet and the sorts, on
demo-like data (three dozen actions in three languages, classified in many ways, published out of order).

The catalog page is the reference: its order is the one the API and the downloads promise; the feed promises the
set only (its order is by date of change), within its limit of entries.
"""
import re
from datetime import timedelta
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.http import QueryDict
from django.urls import resolve, reverse
from django.utils import timezone, translation

from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.opendata import feeds
from localaction.search import catalog
from localaction.search import facets as facet_index
from localaction.taxonomy.models import Country, GCRArea, GuidingPrinciple, Term

from .downloads import rows

pytestmark = pytest.mark.django_db

PLACES = [
    ("Lyon", "FR"), ("Berlin", "DE"), ("Dakar", "SN"), ("Nairobi", "KE"), ("Puebla", "MX"), ("Medellín", "CO"),
    ("Amman", "JO"),
]
TEXTS = {
    "en": [
        ("Housing first for refugees", "Homes before anything else, for refugees and asylum seekers."),
        ("Language cafés for newcomers", "Weekly conversation groups where migrants practise the language."),
        ("Integration courses", "Courses on local services, rights and integration for newcomers."),
        ("First aid, then housing", "Health care at arrival, then help to find housing."),
        ("Job fairs for migrants", "Employers meet migrant jobseekers; integrating skills into the local market."),
        ("Integration courses", "A second programme with the same name, in another city."),
    ],
    "fr": [
        ("Accueil des réfugiés", "Chaque réfugié trouve un logement et un accompagnement."),
        ("Cours d'intégration", "Des cours sur les services locaux pour les nouveaux arrivants."),
        ("Logement d'abord", "Un logement avant tout, pour les personnes réfugiées."),
        ("Cafés des langues", "Des groupes de conversation chaque semaine."),
        ("Santé pour tous", "Des centres de santé ouverts aux migrants sans papiers."),
        ("Écoles ouvertes", "Chaque enfant migrant a une place à l'école."),
    ],
    "es": [
        ("Escuelas abiertas", "Cada niño migrante tiene una plaza en la escuela."),
        ("Plan local de integración", "Servicios de integración para personas refugiadas."),
        ("Vivienda primero", "Vivienda para familias refugiadas y solicitantes de asilo."),
        ("Ferias de empleo", "Empleadores y personas migrantes se encuentran."),
        ("Salud sin fronteras", "Centros de salud para todos, con o sin papeles."),
        ("Cafés de idiomas", "Grupos de conversación para niños y familias."),
    ],
}
ATOM = "{http://www.w3.org/2005/Atom}"
STAGES = [Action.Stage.PLANNING, Action.Stage.IN_PROGRESS, Action.Stage.FULFILLED, Action.Stage.DISCONTINUED]


@pytest.fixture
def demo_catalog(settings):
    """36 published actions (and a few that are not public), built so that every facet has several values."""
    settings.LOCALACTION_PAGE_SIZE = 100  # the whole result on one catalog page
    now = timezone.now()
    governments = [
        GovernmentFactory(name=name, slug=f"city-{code.lower()}", country=Country.objects.get(code=code))
        for name, code in PLACES
    ]
    campaigns = [CampaignFactory(slug="imrf-2022"), CampaignFactory(slug="grf-2023"), None]
    principles = list(GuidingPrinciple.objects.order_by("key").values_list("pk", flat=True))
    areas = list(GCRArea.objects.order_by("key").values_list("pk", flat=True))
    themes = list(Term.objects.filter(vocabulary_id="themes").order_by("key"))
    groups = list(Term.objects.filter(vocabulary_id="target_groups").order_by("key"))
    for i in range(36):
        language = ("en", "fr", "es")[i % 3]
        title, summary = TEXTS[language][(i // 3) % 6]
        pledge = i % 2 == 1
        stage = STAGES[(i // 2) % 4] if pledge else ""
        fields = {f"title_{language}": title, f"summary_{language}": summary}
        if language != "en":
            fields.update(title_en="", summary_en="")
        if i % 5 == 0 and language != "en":
            fields.update(title_en=f"{title} (translated)", summary_en="A translation into English.")
        action = ActionFactory(
            government=governments[i % len(governments)], original_language=language,
            kind=Action.Kind.PLEDGE if pledge else Action.Kind.PRACTICE, stage=stage,
            show_as_practice=pledge and stage == Action.Stage.FULFILLED and i % 4 == 1,
            status=Action.Status.PUBLISHED,
            # Published out of creation order, so the index's positions are not in publication order.
            published_at=now - timedelta(hours=(i * 7) % 36 + 1),
            reviewed_at=now if i % 4 else None,
            # On time, due, overdue and inactive pledges (a six-month interval by default).
            last_progress_on=(now - timedelta(days=(40, 170, 400, 800)[(i // 8) % 4])).date() if pledge else None,
            campaign=campaigns[i % 3],
            gcm_objectives=sorted({i % 23 + 1, (i * 7) % 23 + 1}),
            **fields,
        )
        action.guiding_principles.set([principles[i % len(principles)]])
        if i % 3 == 0:
            action.gcr_objectives.set([i % 4 + 1])
            action.gcr_areas.set([areas[i % len(areas)]])
        action.sdgs.set({i % 17 + 1, 10})
        action.terms.set([themes[i % len(themes)], groups[i % len(groups)], themes[(i + 5) % len(themes)]])
    for status in (Action.Status.DRAFT, Action.Status.SUBMITTED, Action.Status.WITHDRAWN):
        ActionFactory(government=governments[0], status=status, title_en="Housing first, not public",
                      gcm_objectives=[1])
    return governments


def combinations():
    """(language, parameters) to compare; built from the data so every facet is tried with a value that matches."""
    principle = GuidingPrinciple.objects.order_by("key").first().key
    area = GCRArea.objects.order_by("key").first().key
    theme = Term.objects.filter(vocabulary_id="themes").order_by("key").first().key
    group = Term.objects.filter(vocabulary_id="target_groups").order_by("key")[1].key
    alone = [
        {}, {"kind": "practice"}, {"kind": "pledge"}, {"gcm": "8"}, {"gcm": "16"}, {"principle": principle},
        {"gcr": "1"}, {"gcr_area": area}, {"sdg": "10"}, {"sdg": "4"}, {"region": "150"}, {"region": "002"},
        {"region": "005"}, {"country": "SN"}, {"theme": theme}, {"target_group": group},
        {"term": f"themes:{theme}"}, {"stage": "in_progress"}, {"stage": "fulfilled"}, {"reporting": "on_time"},
        {"reporting": "due"}, {"reporting": "overdue"}, {"reporting": "inactive"}, {"campaign": "imrf-2022"},
        {"language": "fr"}, {"language": "es"}, {"reviewed": "yes"}, {"reviewed": "no"},
    ]
    text = [
        {"q": "housing"}, {"q": "réfugiés"}, {"q": "refugies"}, {"q": "integracion"}, {"q": '"housing first"'},
        {"q": "integ*"}, {"q": "integ"}, {"q": "Dakar"}, {"q": "housing refugees"}, {"q": "nothing-matches-this"},
    ]
    mixed = [
        {"q": "housing", "kind": "pledge"}, {"q": "integration", "region": "150"}, {"q": "cafés", "language": "es"},
        {"gcm": "16", "region": "002"}, {"region": "002", "kind": "practice"},
        {"theme": theme, "target_group": group, "reviewed": "yes"},
        {"kind": "pledge", "stage": "planning", "campaign": "grf-2023"}, {"sdg": "10", "country": "MX", "gcm": "9"},
    ]
    sorts = [
        {"sort": "newest"}, {"sort": "title"}, {"sort": "government"}, {"q": "housing", "sort": "relevance"},
        {"q": "housing", "sort": "title"}, {"q": "integration", "sort": "government"},
        {"kind": "pledge", "sort": "title"},
        {"q": "housing first"}, {"q": "integration courses"},
    ]
    found = [("en", params) for params in alone + text + mixed + sorts]
    for language in ("fr", "es"):
        found += [(language, params) for params in ({"sort": "title"}, {"q": "logement"}, {})]
    return found


def query_string(params):
    return urlencode(params)


def catalog_page_ids(client, language, params):
    """Public ids of the cards on the catalog page, in order (one page holds them all: see demo_catalog)."""
    with translation.override(language):
        url = reverse("actions:list")
    response = client.get(f"{url}?{query_string(params)}")
    assert response.status_code == 200
    html = response.content.decode()
    return [resolve(href).kwargs["public_id"] for href in re.findall(r'class="card-title"><a href="([^"]+)"', html)]


def positions_ids(language, params):
    """The catalog's exact set (search.catalog.matching_positions), as public ids."""
    query = QueryDict(query_string(params))
    with translation.override(language):
        index = facet_index.current()
        pks = [index.action_ids[position] for position in catalog.matching_positions(query)]
    return set(Action.objects.filter(pk__in=pks).values_list("public_id", flat=True))


def api_ids(client, language, params):
    """Every page of the API's list (small pages, so the cursors are followed), in order."""
    url = f"{reverse('api:action-list')}?{query_string({**params, 'page_size': 7})}"
    found = []
    while url:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, (url, response.content[:500])
        page = response.json()
        found += [item["id"] for item in page["results"]]
        url = page["next"]
    return found


def download_ids(client, language, params, extension):
    with translation.override(language):
        url = reverse("opendata:actions_download", kwargs={"format": extension})
    return [row["id"] for row in rows(client.get(f"{url}?{query_string(params)}"), extension)]


def feed_ids(client, language, params):
    with translation.override(language):
        url = reverse("opendata:actions_feed")
    response = client.get(f"{url}?{query_string(params)}")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    ids = [entry.findtext(f"{ATOM}id") for entry in root.iter(f"{ATOM}entry")]
    # Progress updates are entries too: only the actions' entries are compared.
    return [match.group(1) for match in (re.search(r":action/([^/]+)/", unique) for unique in ids) if match]


SURFACES = {
    "catalog-positions": lambda client, language, params: positions_ids(language, params),
    "api": api_ids,
    "csv": lambda client, language, params: download_ids(client, language, params, "csv"),
    "xlsx": lambda client, language, params: download_ids(client, language, params, "xlsx"),
    "json": lambda client, language, params: download_ids(client, language, params, "json"),
    "feed": feed_ids,
}
# Surfaces that promise the catalog page's order; the others promise the same set.
ORDERED = {"api", "csv", "xlsx", "json"}


def disagreement(surface, expected, got):
    """What differs between the catalog page's ids and a surface's, or None."""
    if surface == "feed" and len(expected) > feeds.LIMIT:
        extra = set(got) - set(expected)
        return f"feed entries outside the view {sorted(extra)}" if extra else None
    if set(got) != set(expected):
        return f"missing {sorted(set(expected) - set(got))}, extra {sorted(set(got) - set(expected))}"
    if surface in ORDERED and list(got) != expected:
        return f"same actions in another order\n  page: {expected}\n  {surface}: {list(got)}"
    return None


@pytest.mark.parametrize("surface", SURFACES)
def test_every_surface_lists_the_catalog_pages_actions(client, demo_catalog, surface):
    failures, compared = [], 0
    for language, params in combinations():
        expected = catalog_page_ids(client, language, params)
        problem = disagreement(surface, expected, SURFACES[surface](client, language, params))
        if problem:
            failures.append(f"{language} {params}: {problem}")
        compared += bool(expected)
    assert not failures, f"{surface} disagrees with the catalog page:\n" + "\n".join(failures)
    assert compared > 40  # the comparisons are not between empty lists


def test_the_combinations_cover_every_facet_and_sort(demo_catalog):
    used = {name for _language, params in combinations() for name in params}
    assert set(facet_index.FACET_NAMES) | {"q", "sort"} <= used
    values = {params.get("sort") for _language, params in combinations()}
    assert {"newest", "title", "government", "relevance"} <= values
