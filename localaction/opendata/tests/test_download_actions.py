"""Downloads of a catalog view: the same actions, in the same order, as the catalog page for the same parameters,
in CSV, XLSX and JSON; refused parameters get a 400; the licence is stated; the body is streamed."""
import gzip
from datetime import timedelta
from decimal import Decimal
from random import Random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory
from localaction.search import catalog
from localaction.taxonomy.models import Term

from .downloads import FORMATS, body, read_json, read_xlsx, rows

pytestmark = pytest.mark.django_db

WORDS = ["housing", "health", "refugees", "migrants", "schools", "jobs", "language", "shelter"]
QUERIES = [
    "", "q=housing", "q=refugees+jobs", "kind=pledge", "kind=practice&sort=title", "q=migrants&region=002",
    "gcm=16&q=health", "theme=health&target_group=refugees", "q=shel&language=fr", "reviewed=yes&sdg=4",
    "campaign=grf-2023&kind=practice", "country=SN&gcr_area=education", "stage=planning&q=refugees",
    "term=themes:health&principle=human_rights", "gcr=2&q=schools+housing", "sort=government", "q=housing&sort=relevance",
    "sort=title&q=refugees", "page=2&kind=pledge",
]


@pytest.fixture
def varied_catalog():
    """Thirty published actions with pseudo-random words, kinds, mappings, places and campaigns."""
    rng = Random(6)
    governments = [GovernmentFactory(country_id=code) for code in ("SN", "CO", "FR", "KE", "MX")]
    campaigns = [CampaignFactory(slug="grf-2023", forum=Campaign.Forum.GRF), CampaignFactory(slug="imrf-2022")]
    themes = list(Term.objects.filter(vocabulary_id="themes"))[:5]
    groups = list(Term.objects.filter(vocabulary_id="target_groups"))[:4]
    now = timezone.now()
    for n in range(30):
        kind = rng.choice(Action.Kind.values)
        action = ActionFactory(
            published=True, published_at=now - timedelta(days=30 - n), kind=kind,
            original_language=rng.choice(["en", "fr", "es"]), government=rng.choice(governments),
            campaign=rng.choice([None, *campaigns]), stage=rng.choice(Action.Stage.values) if kind == Action.Kind.PLEDGE else "",
            reviewed_at=now if rng.random() < 0.5 else None,
            title_en=" ".join(rng.sample(WORDS, 2)).capitalize() + f" {n}", title_fr=f"Titre {rng.choice(WORDS)} {n}",
            summary_en=" ".join(rng.sample(WORDS, 3)), gcm_objectives=rng.sample(range(1, 24), 2),
        )
        action.gcr_areas.set(rng.sample(["education", "jobs_and_livelihoods", "solutions"], 1))
        action.gcr_objectives.set(rng.sample([1, 2, 3, 4], 2))
        action.sdgs.set(rng.sample([4, 8, 10, 11], 2))
        action.guiding_principles.set(rng.sample(["human_rights", "people_centred", "child_sensitive"], 1))
        action.terms.set([rng.choice(themes), rng.choice(groups)])
    ActionFactory(title_en="A draft about housing and refugees")  # never in any download


def catalog_ids(query_string):
    """The public ids the catalog page lists for these parameters, every page, in its order."""
    params = QueryDict(query_string, mutable=True)
    params.pop("page", None)
    return [action.public_id for action in catalog.run(params, page_number=1, per_page=1000).page.object_list]


def download_url(extension, query_string="", language=None):
    url = reverse("opendata:actions_download", kwargs={"format": extension})
    return f"{url}?{query_string}" if query_string else url


@pytest.mark.parametrize("extension", FORMATS)
def test_each_format_holds_the_catalogs_actions_in_the_catalogs_order(client, varied_catalog, extension):
    checked = 0
    for query_string in QUERIES:
        expected = catalog_ids(query_string)
        downloaded = [row["id"] for row in rows(client.get(download_url(extension, query_string)), extension)]
        assert downloaded == expected, query_string
        checked += bool(expected)
    assert checked > len(QUERIES) // 2  # most queries find something: the comparison is not between empty lists


def test_titles_sort_in_the_readers_language_as_on_the_catalog_page(client, varied_catalog):
    from django.utils import translation

    with translation.override("fr"):
        expected = catalog_ids("sort=title")
        url = download_url("csv", "sort=title")
    assert url.startswith("/fr/")
    assert [row["id"] for row in rows(client.get(url), "csv")] == expected


def test_without_parameters_it_is_every_published_action_newest_first(client, varied_catalog):
    expected = list(Action.objects.published().order_by("-published_at", "-id").values_list("public_id", flat=True))
    assert [row["id"] for row in rows(client.get(download_url("csv")), "csv")] == expected
    assert len(expected) == 30


@pytest.mark.parametrize("query_string", ["kind=nonsense", "gcm=99", "country=ZZ", "sort=random", "campaign=nope"])
def test_invalid_parameters_get_a_400_with_the_reason(client, query_string):
    response = client.get(download_url("csv", query_string))
    assert response.status_code == 400
    name = query_string.split("=")[0]
    assert response.json()[name]  # the parameter and why, as the API says it


def test_the_columns_keep_the_catalog_codes_and_one_column_per_language(client):
    campaign = CampaignFactory(slug="imrf-2026")
    action = ActionFactory(
        published=True, kind=Action.Kind.PLEDGE, stage=Action.Stage.IN_PROGRESS, campaign=campaign,
        government=GovernmentFactory(slug="dakar", name="Dakar", country_id="SN"), gcm_objectives=[16, 3],
        title_en="Language cafés", title_fr="Cafés des langues", title_es="Cafés de idiomas",
        summary_fr="Des cafés pour apprendre.", budget=Decimal("1500.50"), currency="EUR",
    )
    action.sdgs.set([10, 4])
    action.gcr_areas.set(["education"])
    action.terms.set(Term.objects.filter(vocabulary_id="themes", key="education") | Term.objects.filter(
        vocabulary_id="target_groups", key="refugees"))
    action.indicators.create(name="People taking part", unit="people", baseline=10, target=500)
    action.partners.create(name="Red Cross", kind="civil_society")

    [row] = rows(client.get(download_url("csv")), "csv")
    assert (row["title_en"], row["title_fr"], row["title_es"]) == ("Language cafés", "Cafés des langues", "Cafés de idiomas")
    assert (row["summary_en"], row["summary_fr"]) == (action.summary_en, "Des cafés pour apprendre.")
    assert (row["kind"], row["stage"], row["campaign"]) == ("pledge", "in_progress", "imrf-2026")
    assert (row["government"], row["government_name"], row["country"], row["region"]) == ("dakar", "Dakar", "SN", "002")
    assert (row["gcm_objectives"], row["sdgs"], row["gcr_areas"]) == ("3;16", "4;10", "education")
    assert (row["themes"], row["target_groups"]) == ("education", "refugees")
    assert (row["budget"], row["currency"]) == ("1500.50", "EUR")
    assert row["url"].endswith(action.get_absolute_url())
    assert '"People taking part"' in row["indicators"] and '"Red Cross"' in row["partners"]

    [item] = read_json(body(client.get(download_url("json"))))
    assert item["gcm_objectives"] == [3, 16] and item["budget"] == 1500.5
    assert item["indicators"] == [{"name": "People taking part", "unit": "people", "baseline": 10, "target": 500,
                                   "target_date": None}]
    [cells] = read_xlsx(body(client.get(download_url("xlsx"))), "actions")
    assert cells["title_es"] == "Cafés de idiomas" and cells["budget"] == 1500.5 and cells["gcm_objectives"] == "3;16"


def test_formula_cells_are_neutralised_in_csv_and_xlsx_but_numbers_stay_numbers(client):
    ActionFactory(
        published=True, title_en='=HYPERLINK("http://evil.example","Click")', summary_en="+1+2", goals_en="@SUM(A1)",
        funding_sources="-2+3", partnership_sought="\tTabbed", description_en="Plain text - with a dash",
        budget=Decimal("-250.00"), unmet_funding_need=Decimal("-1"),
    )
    [row] = rows(client.get(download_url("csv")), "csv")
    assert row["title_en"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert (row["summary_en"], row["goals_en"], row["funding_sources"]) == ("'+1+2", "'@SUM(A1)", "'-2+3")
    assert row["partnership_sought"] == "'\tTabbed"
    assert row["description_en"] == "Plain text - with a dash"
    assert (row["budget"], row["unmet_funding_need"]) == ("-250.00", "-1.00")

    [cells] = read_xlsx(body(client.get(download_url("xlsx"))), "actions")
    assert cells["title_en"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert (cells["summary_en"], cells["goals_en"], cells["funding_sources"]) == ("'+1+2", "'@SUM(A1)", "'-2+3")
    assert cells["budget"] == -250 and isinstance(cells["budget"], (int, float))

    [item] = read_json(body(client.get(download_url("json"))))
    assert item["title_en"] == '=HYPERLINK("http://evil.example","Click")'  # JSON is data, not a spreadsheet
    assert item["budget"] == -250


def test_the_licence_is_stated_in_every_format(client):
    ActionFactory(published=True)
    licence = "https://creativecommons.org/licenses/by/4.0/"
    csv_response = client.get(download_url("csv"))
    assert f'<{licence}>; rel="license"' in csv_response["Link"]
    assert reverse("opendata:datapackage") in csv_response["Link"]

    document = read_json_document(client.get(download_url("json", "kind=practice")))
    assert document["licenses"][0]["name"] == "CC-BY-4.0" and document["licenses"][0]["path"] == licence
    assert document["parameters"] == {"kind": "practice"} and document["count"] == 1

    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(body(client.get(download_url("xlsx")))))
    assert workbook.sheetnames == ["actions", "About"]
    about = "\n".join(str(cell) for row in workbook["About"].values for cell in row if cell is not None)
    assert "CC-BY-4.0" in about and licence in about
    assert licence in workbook.properties.description


def read_json_document(response):
    import json

    return json.loads(body(response))


@pytest.mark.parametrize("extension", FORMATS)
def test_the_file_is_an_attachment_named_after_the_data_and_the_day(client, extension):
    response = client.get(download_url(extension))
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="localaction-actions-{today}.{extension}"'
    assert "no-cache" in response["Cache-Control"]
    body(response)


def test_gzip_keeps_the_download_streamed(client):
    ActionFactory(published=True, title_en="Compressed on the way")
    response = client.get(download_url("csv"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.streaming and response["Content-Encoding"] == "gzip"
    assert b"Compressed on the way" in gzip.decompress(b"".join(response.streaming_content))


def test_the_number_of_queries_does_not_grow_with_the_actions(client):
    def queries_for(count):
        for _n in range(count):
            ActionFactory(published=True, gcm_objectives=[1, 2]).partners.create(name="Partner")
        client.get(download_url("csv"))  # the facet index catches up with the new actions first
        with CaptureQueriesContext(connection) as queries:
            assert len(rows(client.get(download_url("csv")), "csv")) == Action.objects.published().count()
        return len(queries)

    assert queries_for(2) == queries_for(12)
