"""A small chart library of our own: horizontal bars, stacked bars and lines over time, drawn as SVG by Django
templates (templates/insights/_chart*.html) without JavaScript.

A chart is plain data — a title, a one-sentence summary, the data table (columns and rows, which are also the CSV
download) and what the drawing needs (bars, stacks or lines). `{% chart %}` (templatetags/insights_charts.py) turns
it into HTML: the heading, the summary, the SVG (role="img", named by the heading and the summary), a legend, the
table in a <details> and the CSV link. The reports put the same objects in PDFs.

Layout: the SVG is as wide as its container; horizontal positions are percentages and heights are pixels, so
the text keeps its size on a phone instead of shrinking with a scaled drawing. Colours meet WCAG 2.2 AA against
the page (and have dark-mode variants in css/charts.css); series also differ by pattern, dash or marker, and
values are written on the bars, so nothing depends on colour alone.
"""
import csv
import io
import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

from localaction.opendata.renderers import neutralise

# Fills for series 0…6 on a light page: each at least 4.5:1 against white (white text is readable on it, and a
# bar stands out 3:1 from the page and from its white-separated neighbours). css/charts.css has the dark set.
PALETTE = ("#0b5cab", "#a14d00", "#1d6b3a", "#6f3596", "#5c6670", "#b3261e", "#00696b")
# What tells series apart without colour: a hatch per series (the first one is plain), a dash and a marker.
PATTERNS = ("", "diagonal", "horizontal", "vertical", "back-diagonal", "dots", "cross")
DASHES = ("", "6 4", "2 3", "10 3 2 3")
MARKERS = ("circle", "square")

BAR_ROW = 40  # px: the label line above the bar, the bar, a gap
BAR_HEIGHT = 14
GROUP_ROW = 30
BAR_SPACE = 80.0  # % of the width the longest bar takes; the rest is for its value label
LABEL_CHARACTERS = 46  # a label longer than this goes on two lines (SVG text does not wrap by itself)
LABEL_LINE = 16
STACK_ROW = 46
STACK_HEIGHT = 20
SEGMENT_LABEL_MIN = 7.0  # % of the width below which a segment is too narrow to write its value in
LINE_HEIGHT = 230
LINE_TOP, LINE_BOTTOM = 18, 196  # px: the plot area
LINE_PAD = 3.0  # % of the width left and right of the first and last points
MAX_MARKERS = 40


@dataclass
class Column:
    """A column of the data table and of the CSV download: a stable English `key` (the CSV header), the
    translated `label` (the table header) and a type ("string", "integer" or "number")."""

    key: str
    label: str
    type: str = "string"

    @property
    def is_number(self):
        return self.type in ("integer", "number")


@dataclass
class Label:
    """Text that may be in another language than the page (a campaign name without translation): `lang` is set
    then, so that the reader's software pronounces it right."""

    text: str
    lang: str = ""

    def __str__(self):
        return self.text


@dataclass
class Bar:
    value: float
    label: Label
    text: str = ""  # the value as written next to the bar (formatted); the number when empty
    series: int = 0
    group: str = ""


@dataclass
class Stack:
    """One stacked bar: `values` in the order of the chart's series, and a note written after its label."""

    label: Label
    values: list
    note: str = ""


@dataclass
class Series:
    key: str
    label: str


@dataclass
class Chart:
    """What every chart has. `rows` hold raw values (numbers as numbers) in the order of `columns`; `links` holds,
    per row, an optional address for the row's first cell (the filtered catalog)."""

    key: str
    title: str
    summary: str
    columns: list
    rows: list
    links: list = field(default_factory=list)
    note: str = ""
    kind: str = ""

    @property
    def table(self):
        """[(cells, link)] with each cell as (value, column) for the template."""
        links = self.links or [""] * len(self.rows)
        return [
            ([(value, column) for value, column in zip(row, self.columns)], link) for row, link in zip(self.rows, links)
        ]

    def csv(self):
        """The table as CSV text: the columns' stable keys as header, numbers as numbers, text neutralised against
        spreadsheet formulas (the open-data downloads' rule)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column.key for column in self.columns])
        for row in self.rows:
            writer.writerow([_csv_cell(value, column) for value, column in zip(row, self.columns)])
        return buffer.getvalue()


def _csv_cell(value, column):
    if value is None:
        return ""
    if column.is_number:
        return str(value)
    return neutralise(str(value))


@dataclass
class BarChart(Chart):
    """Horizontal bars, one per item, optionally under group headings (top themes per region) and in several
    series (money committed and spent)."""

    bars: list = field(default_factory=list)
    series: list = field(default_factory=list)  # [Series]; empty: one series, no legend
    kind: str = "bars"

    def layout(self):
        """Positions for the template: [{"kind": "group"|"bar", y…, width (%), …}], the height, the legend."""
        top = max((bar.value for bar in self.bars), default=0) or 1
        items, y, group = [], 6, None
        for bar in self.bars:
            if bar.group != group and bar.group:
                items.append({"kind": "group", "y": y + 18, "text": bar.group})
                y += GROUP_ROW
            group = bar.group
            width = round(BAR_SPACE * bar.value / top, 2) if bar.value > 0 else 0
            lines = wrap(str(bar.label))
            extra = LABEL_LINE * (len(lines) - 1)
            items.append({
                "kind": "bar", "label": bar.label, "lines": lines, "label_y": y + 14, "bar_y": y + 19 + extra,
                "width": width, "empty": not bar.value, "value_x": width, "value_y": y + 19 + extra + BAR_HEIGHT - 2,
                "text": bar.text or format_number(bar.value), **style(bar.series),
            })
            y += BAR_ROW + extra
        return {"items": items, "height": y + 4, "bar_height": BAR_HEIGHT, "legend": legend(self.series)}


@dataclass
class StackedBarChart(Chart):
    """Horizontal bars cut into segments, one per series (pledges by stage, per campaign), on a common scale."""

    stacks: list = field(default_factory=list)
    series: list = field(default_factory=list)
    kind: str = "stacked"

    def layout(self):
        top = max((sum(stack.values) for stack in self.stacks), default=0) or 1
        rows, y = [], 6
        for stack in self.stacks:
            segments, x = [], 0.0
            for n, value in enumerate(stack.values):
                if value <= 0:
                    continue
                width = 100.0 * value / top
                segments.append({
                    "x": round(x, 3), "width": round(width, 3), **style(n),
                    "center": round(x + width / 2, 3), "text": format_number(value),
                    "labelled": width >= SEGMENT_LABEL_MIN,
                })
                x += width
            rows.append({
                "label": stack.label, "note": stack.note, "total": format_number(sum(stack.values)),
                "label_y": y + 14, "bar_y": y + 20, "text_y": y + 20 + STACK_HEIGHT - 6, "segments": segments,
            })
            y += STACK_ROW
        return {"rows": rows, "height": y + 4, "bar_height": STACK_HEIGHT, "legend": legend(self.series)}


@dataclass
class LineChart(Chart):
    """Values over time: one line per series over the same periods (`x_labels`), the first series shaded."""

    x_labels: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # [[value per period]] in the order of `series`
    series: list = field(default_factory=list)
    kind: str = "line"

    def layout(self):
        count = len(self.x_labels)
        top = max((value for line in self.lines for value in line), default=0)
        ticks = nice_ticks(top)
        scale_top = ticks[-1] or 1
        plot = LINE_BOTTOM - LINE_TOP

        def x_of(n):
            if count == 1:
                return 50.0
            return LINE_PAD + (100 - 2 * LINE_PAD) * n / (count - 1)

        def y_of(value):
            return round(plot - plot * value / scale_top, 2)

        lines = []
        for n, values in enumerate(self.lines):
            points = [(round(x_of(i) * 10, 2), y_of(value)) for i, value in enumerate(values)]
            markers = [
                {"x": round(x_of(i), 3), "y": round(LINE_TOP + y_of(value), 2)} for i, value in enumerate(values)
            ] if count <= MAX_MARKERS else []
            lines.append({
                "points": " ".join(f"{x},{y}" for x, y in points), **style(n), "markers": markers,
                "area": _area(points, plot) if n == 0 and points else "",
            })
        step = max(1, math.ceil(count / 8))  # at most about eight period labels under the axis
        x_ticks = []
        for n, label in enumerate(self.x_labels):
            if n % step == 0 or n == count - 1:
                if n == count - 1 and x_ticks and n - x_ticks[-1]["n"] < step:
                    x_ticks.pop()  # the last period's label wins over one too close to it
                anchor = "middle"
                if count > 1 and n == 0:
                    anchor = "start"
                elif count > 1 and n == count - 1:
                    anchor = "end"
                x_ticks.append({"n": n, "x": round(x_of(n), 3), "text": label, "anchor": anchor})
        y_ticks = [
            {"y": round(LINE_TOP + y_of(value), 2), "label_y": round(LINE_TOP + y_of(value) - 4, 2),
             "text": format_number(value)}
            for value in ticks
        ]
        return {
            "height": LINE_HEIGHT, "plot_top": LINE_TOP, "plot_height": plot, "axis_y": LINE_BOTTOM,
            "label_y": LINE_HEIGHT - 10, "lines": lines, "x_ticks": x_ticks, "y_ticks": y_ticks,
            "legend": legend(self.series, lines=True),
        }


def _area(points, bottom):
    """The polygon under a line, down to the axis."""
    inner = " ".join(f"{x},{y}" for x, y in points)
    return f"{points[0][0]},{bottom} {inner} {points[-1][0]},{bottom}"


def wrap(text, width=LABEL_CHARACTERS):
    """A label on one line, or two when long (cut at a space; an ellipsis if it is longer still), so that it fits
    a phone's width."""
    if len(text) <= width:
        return [text]
    cut = text.rfind(" ", 0, width + 1)
    if cut <= 0:
        cut = width
    first, rest = text[:cut], text[cut:].strip()
    if len(rest) > width:
        rest = rest[:width - 1].rstrip() + "…"
    return [first, rest]


def legend(series, lines=False):
    """The legend's entries: label, colour class, pattern (bars) or dash and marker (lines)."""
    if len(series) < 2:
        return []
    return [{"label": entry.label, "line": lines, **style(n)} for n, entry in enumerate(series)]


def style(series):
    """How series number `series` is drawn: colour class and fill, hatch pattern, dash and marker."""
    n = series % len(PALETTE)
    return {
        "series": n, "fill": PALETTE[n], "pattern": PATTERNS[n % len(PATTERNS)], "dash": DASHES[n % len(DASHES)],
        "marker": MARKERS[n % len(MARKERS)],
    }


def nice_ticks(top, intervals=4):
    """Round gridline values from 0 to at least `top` (0, 250, 500, 750, 1,000)."""
    if top <= 0:
        return [0, 1]
    rough = top / intervals
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    if step < 1:
        step = 1
    count = math.ceil(top / step)
    return [_round(step * n) for n in range(count + 1)]


def _round(value):
    return int(value) if float(value).is_integer() else value


def format_number(value, decimals=0):
    """A number as the reader's language writes it (1,234 or 1 234), with thousands separators."""
    if isinstance(value, float) and not decimals and not value.is_integer():
        decimals = 1
    if decimals:
        value = round(value, decimals)  # number_format cuts the decimals off rather than rounding
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
