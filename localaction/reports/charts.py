"""Charts for the PDFs, drawn by the insights pages' chart library (insights/charts.py and `{% chart %}`) from counts
the reports compute themselves (a period, a frozen snapshot) rather than from the live catalog."""
from django.utils.translation import gettext

from localaction.insights.charts import Bar, BarChart, Column, Label


def count_chart(key, title, rows, *, item_header, value_header=None, summary=""):
    """A bar chart of counts: `rows` is [(label, count)] in the order to draw (a label may carry `lang`). Rows
    with a count of zero stay in the table but get no bar, so gaps remain visible."""
    value_header = value_header or gettext("Number")
    bars = [Bar(value=count, label=Label(str(label), getattr(label, "lang", ""))) for label, count in rows]
    if not summary:
        top = max(rows, key=lambda row: row[1], default=None)
        summary = (
            gettext("%(label)s has the most: %(count)s.") % {"label": top[0], "count": top[1]}
            if top and top[1] else gettext("Nothing to count yet.")
        )
    return BarChart(
        key=key, title=title, summary=summary,
        columns=[Column("item", item_header), Column("count", value_header, "integer")],
        rows=[[str(label), count] for label, count in rows], bars=bars,
    )
