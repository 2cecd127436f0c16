"""Coverage gaps: the GCM objectives and GCR areas of focus with no or few actions among those the filters choose
(typically a region or a country) — the question the UN Network asks before each review.

"Few" is relative by default: fewer than a quarter of the average number of actions per objective (per area) in
that scope, so that it means the same in a region with ten actions as in one with ten thousand. A reader can set
an absolute threshold instead (`?few=5`: fewer than five actions).
"""
import math
from dataclasses import dataclass, field

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .charts import Chart, Column, format_number
from .stats import charts

NONE, FEW = "none", "few"
RELATIVE_SHARE = 4  # few: fewer than the average divided by this


class GapsForm(forms.Form):
    """The optional absolute threshold of "few"."""

    few = forms.IntegerField(
        label=gettext_lazy("“Few” means fewer than"), min_value=1, max_value=1_000_000, required=False,
        help_text=gettext_lazy("A number of actions. Leave empty for a quarter of the average per objective."),
    )


@dataclass
class Gap:
    code: str
    name: object  # charts.Label
    count: int
    share: float  # % of the matching actions
    status: str
    catalog_url: str
    page_url: str

    @property
    def status_label(self):
        return _("None") if self.status == NONE else _("Few")


@dataclass
class Coverage:
    """One framework's items with no or few actions, and the threshold used."""

    key: str
    title: str
    item_count: int
    threshold: int
    automatic: bool
    gaps: list = field(default_factory=list)

    @property
    def description(self):
        """What "few" means here, for the table's caption."""
        if self.automatic and self.threshold <= 1:
            return _("none with few: the average is too low")
        values = {"count": format_number(self.threshold)}
        if self.automatic:
            return ngettext(
                "few: fewer than %(count)s action, a quarter of the average",
                "few: fewer than %(count)s actions, a quarter of the average", self.threshold,
            ) % values
        return ngettext(
            "few: fewer than %(count)s action", "few: fewer than %(count)s actions", self.threshold,
        ) % values


@dataclass
class Gaps:
    scope_name: str
    total: int
    automatic: bool
    frameworks: list

    def chart(self):
        """The gaps as a table (for the CSV download), in the chart library's shape."""
        columns = [
            Column("framework", _("Framework")), Column("code", _("Code")), Column("name", _("Name")),
            Column("actions", _("Actions"), "integer"),
            Column("share_percent", _("Share of the actions (%)"), "number"),
            Column("status", _("Coverage")), Column("threshold", _("Few means fewer than"), "integer"),
        ]
        rows = [
            [coverage.key, gap.code, str(gap.name), gap.count, gap.share, gap.status, coverage.threshold]
            for coverage in self.frameworks for gap in coverage.gaps
        ]
        return Chart(key="gaps", title=_("Coverage gaps"), summary=self.summary, columns=columns, rows=rows)

    @property
    def summary(self):
        parts = []
        for coverage in self.frameworks:
            none = sum(1 for gap in coverage.gaps if gap.status == NONE)
            few = len(coverage.gaps) - none
            parts.append(_("%(title)s: %(none)s with none, %(few)s with few") % {
                "title": coverage.title, "none": none, "few": few,
            })
        return _("Coverage gaps in %(scope)s — %(details)s.") % {"scope": self.scope_name, "details": "; ".join(parts)}


def scope_name(scope):
    """The place the filters choose, for headings: a country, a region, or everywhere."""
    country, region = scope.cleaned.get("country"), scope.cleaned.get("region")
    if country is not None:
        return str(country.t.name)
    if region is not None:
        return str(region.t.name)
    return _("all regions")


def automatic_threshold(counts):
    """Fewer than a quarter of the average per item (at least 1, so that "few" never includes zero by itself)."""
    if not counts:
        return 1
    return max(1, math.ceil(sum(counts) / len(counts) / RELATIVE_SHARE))


def coverage_gaps(scope, few=None, found=None):
    """The Gaps of a stats.Scope; `few`: an absolute threshold (else relative); `found`: charts already built."""
    found = found if found is not None else charts(scope, ["gcm", "gcr_area"])
    total = len(scope.result)
    frameworks = []
    pages = {"gcm": ("taxonomy:gcm_objective", int), "gcr_area": ("taxonomy:gcr_area", str)}
    titles = {"gcm": _("GCM objectives"), "gcr_area": _("GCR areas of focus")}
    for key in ("gcm", "gcr_area"):
        chart = found[key]
        counts = [bar.value for bar in chart.bars]
        threshold = few or automatic_threshold(counts)
        coverage = Coverage(key=key, title=titles[key], item_count=len(counts), threshold=threshold, automatic=not few)
        page_name, convert = pages[key]
        for bar, (_name, code, count), link in zip(chart.bars, chart.rows, chart.links):
            if count >= threshold:
                continue
            share = round(100 * count / total, 1) if total else 0.0
            coverage.gaps.append(Gap(
                code=code, name=bar.label, count=count,
                share=share, status=NONE if not count else FEW, catalog_url=link,
                page_url=reverse(page_name, args=[convert(code)]),
            ))
        frameworks.append(coverage)
    return Gaps(scope_name=scope_name(scope), total=total, automatic=few is None, frameworks=frameworks)

