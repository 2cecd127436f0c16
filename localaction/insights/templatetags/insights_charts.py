"""`{% chart chart csv_url %}`: one chart of insights/charts.py as HTML — heading, summary, SVG, legend, data
table and CSV link — for the insights page, the home page and the reports' PDFs.

    {% load insights_charts %}
    {% chart charts.gcm csv_url=url heading="h3" id_prefix="home" %}

`csv_url` empty: no download link (a PDF). `heading`: h2 (default), h3 or h4, to fit the page's outline.
`open`: the data table shown unfolded (print).
"""
from django import template

register = template.Library()

HEADINGS = ("h2", "h3", "h4")


@register.inclusion_tag("insights/_chart.html")
def chart(chart, csv_url="", heading="h2", id_prefix="chart", open=False):
    return {
        "chart": chart,
        "layout": chart.layout(),
        "csv_url": csv_url,
        "heading": heading if heading in HEADINGS else "h2",
        "uid": f"{id_prefix}-{chart.key}",
        "open": open,
    }
