"""The public list: search, each filter and combinations, facet counts, pagination, and the CSV download that
answers the same parameters with the same resources."""
import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from .factories import ResourceFactory

pytestmark = pytest.mark.django_db


def titles_on_page(client, in_language="en", **params):
    with translation.override(in_language):
        url = reverse("resources:list")
    response = client.get(url, params)
    assert response.status_code == 200
    return set(re.findall(r'class="card-title"><a href="[^"]+"(?: lang="\w+")?>([^<]+)</a>', response.content.decode()))


def titles_in_csv(client, **params):
    response = client.get(reverse("resources:csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    return {row["title_en"] or row["title_fr"] or row["title_es"] for row in rows}


@pytest.fixture
def library(db):
    return {
        "guide": ResourceFactory(
            title_en="City guide", type="guide", language="en", year=2024, gcm_objectives=[16], sdgs=[10]
        ),
        "rapport": ResourceFactory(title_en="", title_fr="Rapport sur l’intégration", type="report", language="fr",
                                   year=2023, gcm_objectives=[15, 16], gcr_objectives=[2]),
        "informe": ResourceFactory(title_en="", title_es="Informe sobre niñas refugiadas", type="report", language="es",
                                   year=2024, gcr_objectives=[2], sdgs=[4]),
        "course": ResourceFactory(title_en="Arabic course", summary_en="Classes for NEWCOMERS", type="course",
                                  language="ar", year=2022, gcm_objectives=[15]),
        "hidden": ResourceFactory(title_en="Unpublished guide", type="guide", is_published=False, gcm_objectives=[16]),
    }


ALL = {"City guide", "Rapport sur l’intégration", "Informe sobre niñas refugiadas", "Arabic course"}

CASES = [
    ({}, ALL),
    ({"type": "report"}, {"Rapport sur l’intégration", "Informe sobre niñas refugiadas"}),
    ({"type": "guide"}, {"City guide"}),
    ({"language": "ar"}, {"Arabic course"}),
    ({"year": "2024"}, {"City guide", "Informe sobre niñas refugiadas"}),
    ({"gcm": "16"}, {"City guide", "Rapport sur l’intégration"}),
    ({"gcr": "2"}, {"Rapport sur l’intégration", "Informe sobre niñas refugiadas"}),
    ({"sdg": "4"}, {"Informe sobre niñas refugiadas"}),
    ({"type": "report", "year": "2024"}, {"Informe sobre niñas refugiadas"}),
    ({"gcm": "15", "gcr": "2", "language": "fr"}, {"Rapport sur l’intégration"}),
    ({"gcm": "16", "sdg": "4"}, set()),
    ({"q": "integration"}, {"Rapport sur l’intégration"}),
    ({"q": "INTÉGRATION"}, {"Rapport sur l’intégration"}),
    ({"q": "ninas"}, {"Informe sobre niñas refugiadas"}),
    ({"q": "newcomers class"}, {"Arabic course"}),
    ({"q": "refug", "type": "report"}, {"Informe sobre niñas refugiadas"}),
    ({"q": "guide"}, {"City guide"}),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_each_filter_and_combination_gives_the_same_resources_on_the_page_and_in_the_csv(
    client, library, params, expected
):
    assert titles_on_page(client, **params) == expected
    assert titles_in_csv(client, **params) == expected


@pytest.mark.parametrize(("language", "query", "expected"), [
    ("fr", "integration", "Rapport sur l’intégration"),
    ("fr", "Intégration", "Rapport sur l’intégration"),
    ("es", "NIÑAS", "Informe sobre niñas refugiadas"),
    ("es", "ninas", "Informe sobre niñas refugiadas"),
])
def test_search_ignores_accents_and_case_in_french_and_spanish(client, library, language, query, expected):
    assert titles_on_page(client, in_language=language, q=query) == {expected}


def test_unpublished_resources_are_nowhere_in_the_list_or_the_csv(client, library):
    assert "Unpublished guide" not in titles_on_page(client, q="guide")
    assert "Unpublished guide" not in titles_in_csv(client)
    assert "Unpublished guide" not in client.get(reverse("resources:list")).content.decode()


def test_facets_count_what_each_value_would_give_with_the_other_filters(client, library):
    page = client.get(reverse("resources:list"), {"type": "report"}).content.decode()
    # Years, given type=report: 2024 (informe) and 2023 (rapport); the unpublished guide counts nowhere.
    assert re.search(r'<option value="2024">2024 \(1\)</option>', page)
    assert re.search(r'<option value="2023">2023 \(1\)</option>', page)
    # The type facet ignores its own filter: every type keeps its count, the chosen one selected.
    assert re.search(r'<option value="guide">Guide \(1\)</option>', page)
    assert re.search(r'<option value="report" selected>Report \(2\)</option>', page)


def test_a_value_that_does_not_exist_is_reported_next_to_its_filter(client, library):
    response = client.get(reverse("resources:list"), {"type": "poem"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_type_error"' in page
    assert titles_on_page(client, type="poem") == titles_in_csv(client, type="poem")


def test_the_list_is_paginated_and_the_csv_holds_every_match(client, db, settings):
    settings.LOCALACTION_PAGE_SIZE = 2
    for number in range(5):
        ResourceFactory(title_en=f"Paged {number}", year=2000 + number)
    first = titles_on_page(client)
    third = titles_on_page(client, page="3")
    assert first == {"Paged 4", "Paged 3"}
    assert third == {"Paged 0"}
    assert len(titles_in_csv(client)) == 5


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, db):
    ResourceFactory(title_en="=HYPERLINK(\"https://evil.example\")", publisher="@SUM(1)")
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("resources:csv")).content.decode())))
    assert rows[0]["title_en"].startswith("'=")
    assert rows[0]["publisher"] == "'@SUM(1)"


def test_the_list_page_reads_a_fixed_number_of_queries(client, library, django_assert_max_num_queries):
    for number in range(10):
        ResourceFactory(gcm_objectives=[1, 2])
    with django_assert_max_num_queries(16):
        client.get(reverse("resources:list"))
