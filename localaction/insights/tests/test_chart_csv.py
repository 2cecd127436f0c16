"""Each chart's CSV download: the same rows as the chart's table on the page, for the same filters."""
import csv
import io
import re
from html import unescape

import pytest
from django.urls import reverse

from localaction.insights import stats

from .chart_fixtures import fixed_catalog  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def table_of(page, key):
    """The rows of the chart's table on the page, as text without thousands separators."""
    section = re.search(rf'<section class="chart[^"]*" id="chart-{key}".*?</section>', page, re.S).group(0)
    body = re.search(r"<tbody>(.*?)</tbody>", section, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        texts = [unescape(re.sub(r"<[^>]+>", "", cell)) for cell in cells]
        rows.append([text.replace(",", "") if re.fullmatch(r"[\d,.]+", text) else text for text in texts])
    return rows


def csv_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("query", ["", "region=002", "kind=pledge&country=FR"])
def test_every_csv_matches_its_table_on_the_page(client, fixed_catalog, query):
    page = client.get(reverse("insights:index") + f"?{query}").content.decode()
    for key in stats.PAGE_CHARTS:
        response = client.get(reverse("insights:chart_csv", args=[key]) + f"?{query}")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="insights-{key}.csv"'
        header, *rows = csv_of(response)
        table = table_of(page, key)
        assert len(rows) == len(table), (key, query)
        for csv_row, table_row in zip(rows, table):
            for value, shown in zip(csv_row, table_row):
                if value and value.replace(".", "").isdigit() and "." in value:
                    assert float(value) == pytest.approx(float(shown), abs=0.01), (key, value, shown)
                else:
                    assert value == (shown if shown != "—" else ""), (key, value, shown)


def test_the_csv_header_is_made_of_stable_english_keys_in_every_language(client, fixed_catalog):
    for language in ("en", "fr", "es"):
        response = client.get(f"/{language}/insights/charts/stages.csv")
        assert csv_of(response)[0] == [
            "campaign", "campaign_slug", "planning", "in_progress", "fulfilled", "discontinued", "not_reported",
            "pledges", "fulfilment_rate_percent",
        ]


def test_the_csv_follows_the_filters(client, fixed_catalog):
    everywhere = {row[1]: row[2] for row in csv_of(client.get(reverse("insights:chart_csv", args=["gcm"])))[1:]}
    africa = client.get(reverse("insights:chart_csv", args=["gcm"]), {"region": "002"})
    in_africa = {row[1]: row[2] for row in csv_of(africa)[1:]}
    assert all(int(in_africa[code]) <= int(everywhere[code]) for code in everywhere)
    assert in_africa != everywhere


def test_text_a_spreadsheet_would_run_is_neutralised(client, fixed_catalog):
    campaign = fixed_catalog["campaigns"][0]
    campaign.name_en = "=HYPERLINK(\"http://evil.example\")"
    campaign.save()
    rows = csv_of(client.get(reverse("insights:chart_csv", args=["stages"])))
    assert ["'=HYPERLINK(\"http://evil.example\")", "grf-2023"] in [row[:2] for row in rows]


def test_an_unknown_chart_is_a_404(client, db):
    assert client.get(reverse("insights:chart_csv", args=["nothing"])).status_code == 404
