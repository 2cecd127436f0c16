"""The chart library (insights/charts.py) and its tag: plain data in, accessible SVG and tables out."""
import csv
import io
import re

from django.template import Context, Template
from django.utils import translation

from localaction.insights.charts import (
    BAR_SPACE, PALETTE, PATTERNS, Bar, BarChart, Column, Label, LineChart, Series, Stack, StackedBarChart, nice_ticks,
)

COLUMNS = [Column("name", "Name"), Column("actions", "Actions", "integer")]


def bars(*values, **kwargs):
    return BarChart(
        key="demo", title="Actions per thing", summary="Thing B has the most.", columns=COLUMNS,
        rows=[[f"Thing {n}", value] for n, value in enumerate(values)],
        bars=[Bar(value, Label(f"Thing {n}")) for n, value in enumerate(values)], **kwargs,
    )


def render(chart, **options):
    template = Template("{% load insights_charts %}{% chart chart csv_url=csv_url heading=heading %}")
    return template.render(Context({"chart": chart, "csv_url": options.get("csv_url", "/data.csv"),
                                    "heading": options.get("heading", "h2")}))


def test_the_longest_bar_takes_the_bar_space_and_the_others_are_proportional():
    items = bars(10, 5, 0).layout()["items"]
    assert [item["width"] for item in items] == [BAR_SPACE, BAR_SPACE / 2, 0]


def test_a_zero_is_still_drawn_and_written_so_gaps_are_visible():
    html = render(bars(4, 0))
    assert html.count('class="chart-zero"') == 1
    assert re.search(r'class="chart-value">0</text>', html)


def test_every_chart_is_an_image_named_by_its_visible_title_and_summary():
    html = render(bars(3, 1))
    svg = re.search(r'<svg class="chart-svg"[^>]*>', html).group(0)
    assert 'role="img"' in svg
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    for element_id in labelled_by:
        assert f'id="{element_id}"' in html
    assert '<h2 id="chart-demo-title">Actions per thing</h2>' in html
    assert '<p id="chart-demo-summary" class="chart-summary">Thing B has the most.</p>' in html


def test_the_data_table_is_in_a_details_element_with_row_headers_and_the_csv_link_follows():
    html = render(bars(3, 1), csv_url="/en/insights/charts/demo.csv?region=002")
    assert "<details" in html and "<table>" in html
    assert '<th scope="row">Thing 0</th>' in html
    assert '<td class="num">3</td>' in html
    assert 'href="/en/insights/charts/demo.csv?region=002" download' in html


def test_without_a_csv_address_there_is_no_download_link_for_pdfs():
    assert "download" not in render(bars(1), csv_url="")


def test_the_heading_level_fits_the_page_and_nothing_else_is_accepted():
    assert '<h3 id="chart-demo-title">' in render(bars(1), heading="h3")
    assert '<h2 id="chart-demo-title">' in render(bars(1), heading="script")


def test_svg_coordinates_stay_in_plain_numbers_in_every_language():
    with translation.override("fr"):
        html = render(bars(3, 1, 7))
    assert re.search(r'width="\d+(\.\d+)?%"', html)
    assert not re.search(r'(width|x|y)="\d+,\d+', html)


def test_no_javascript_is_needed():
    assert "<script" not in render(bars(1, 2))


def test_series_differ_by_pattern_and_legend_not_by_colour_alone():
    chart = StackedBarChart(
        key="stages", title="Stages", summary="…", columns=COLUMNS, rows=[],
        stacks=[Stack(Label("Campaign A"), [3, 2, 1]), Stack(Label("Campaign B"), [0, 4, 0])],
        series=[Series("a", "First"), Series("b", "Second"), Series("c", "Third")],
    )
    layout = chart.layout()
    assert [entry["pattern"] for entry in layout["legend"]] == list(PATTERNS[:3])
    assert len({entry["fill"] for entry in layout["legend"]}) == 3
    html = render(chart)
    assert html.count("<pattern ") == 2  # the first series is plain, the others hatched
    assert 'fill="url(#chart-stages-p1)"' in html and 'fill="url(#chart-stages-p2)"' in html
    assert "First</li>" in html and "Third</li>" in html


def test_stacked_segments_share_one_scale_and_write_their_values():
    chart = StackedBarChart(
        key="s", title="t", summary="s", columns=COLUMNS, rows=[],
        stacks=[Stack(Label("A"), [30, 10]), Stack(Label("B"), [20, 0])],
        series=[Series("x", "X"), Series("y", "Y")],
    )
    rows = chart.layout()["rows"]
    assert [segment["width"] for segment in rows[0]["segments"]] == [75.0, 25.0]
    assert [segment["width"] for segment in rows[1]["segments"]] == [50.0]  # zero segments are not drawn
    assert all(segment["labelled"] for segment in rows[0]["segments"])


def test_lines_differ_by_dash_and_marker_and_the_axis_is_rounded():
    chart = LineChart(
        key="growth", title="Growth", summary="…", columns=COLUMNS, rows=[],
        x_labels=["2023", "2024", "2025"], lines=[[1, 5, 9], [0, 2, 3]],
        series=[Series("all", "All"), Series("pledges", "Pledges")],
    )
    layout = chart.layout()
    first, second = layout["lines"]
    assert first["dash"] == "" and second["dash"] and first["marker"] != second["marker"]
    assert [tick["text"] for tick in layout["y_ticks"]] == ["0", "2.5", "5", "7.5", "10"]
    assert first["area"] and not second["area"]
    assert [tick["text"] for tick in layout["x_ticks"]] == ["2023", "2024", "2025"]


def test_nice_ticks_cover_the_largest_value_with_round_steps():
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(9) == [0, 2.5, 5, 7.5, 10]
    assert nice_ticks(1234) == [0, 500, 1000, 1500]
    assert nice_ticks(100000) == [0, 25000, 50000, 75000, 100000]


def test_the_palette_meets_the_contrast_of_graphics_and_white_text():
    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in PALETTE:
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_the_csv_has_stable_keys_numbers_as_numbers_and_no_formula():
    chart = BarChart(
        key="x", title="t", summary="s", columns=[Column("name", "Nom"), Column("actions", "Actions", "integer")],
        rows=[["=HYPERLINK(\"http://evil\")", 3], ["-2 people", 0]], bars=[],
    )
    rows = list(csv.reader(io.StringIO(chart.csv())))
    assert rows == [["name", "actions"], ["'=HYPERLINK(\"http://evil\")", "3"], ["'-2 people", "0"]]


def test_labels_in_another_language_are_marked_for_screen_readers():
    chart = BarChart(key="c", title="t", summary="s", columns=COLUMNS, rows=[["Campaña", 1]],
                     bars=[Bar(1, Label("Campaña", "es"))])
    assert '<text x="0" y="20" class="chart-label" lang="es">Campaña</text>' in render(chart)
