"""The figures behind the insights charts, for any catalog parameters (the same q and filters as the catalog page,
so a chart of "Africa, GCM objective 16" counts exactly the actions the catalog lists for them).

Counts by objective, area, goal, place, theme and period are bitmap intersections over the catalog's in-memory
facet index (search.facets): microseconds. Pledge figures (stages, people reached, money) follow the definitions
of figures/services.py, from the per-version pledge ledger (pledges.py). Each chart is cached under the catalog
version (a publish, a revision, a withdrawal or a published progress update moves it, so nothing stale is ever
served), the language and the parameters. Endorsements are not part of the catalog version: that chart is one
small query, never cached.

Read-only: no state changes here, hence `stats` rather than `services`.
"""
import bisect
import hashlib
from datetime import datetime
from datetime import timezone as dt_timezone
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy
from pyroaring import BitMap

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.core.translation import current_language
from localaction.declarations.models import Endorsement
from localaction.figures.services import NOT_REPORTED, STAGES, Figures, stage_label
from localaction.governments.models import Government
from localaction.search import catalog, facets, reporting
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, Region, Term, Vocabulary

from .charts import Bar, BarChart, Column, Label, LineChart, Series, Stack, StackedBarChart, format_number
from .pledges import ledger as pledge_ledger

CACHE_TIMEOUT = 60 * 60
# Bump when a chart's contents change shape, so that a deploy never reads entries an older release wrote.
CACHE_RELEASE = 1
# The catalog's parameters that choose actions (sort and page only order them).
FILTER_NAMES = tuple(name for name in ActionFilter.base_filters if name != "sort")
MONTHLY_UP_TO = 36  # months: longer spans are counted by year
THEMES_PER_PLACE = 3
PLACES_WITH_THEMES = 8


def catalog_params(params):
    """The parameters that choose actions, in a fixed order, without empty ones: a stable cache key and the query
    string of every link and download of the page."""
    clean = QueryDict(mutable=True)
    for name in FILTER_NAMES:
        value = (params.get(name) or "").strip()
        if value:
            clean[name] = value
    return clean


class Scope:
    """One set of catalog parameters and what the charts of it share, each read once and only when needed."""

    def __init__(self, params, state=None):
        self.params = catalog_params(params)
        self.query = self.params.urlencode()
        self.state = state or facets.read_state()
        self.language = current_language()

    def cache_key(self, name):
        digest = hashlib.sha1(self.query.encode(), usedforsecurity=False).hexdigest()[:20]
        return (f"localaction:insights:{CACHE_RELEASE}:{self.state.generation}:{self.state.version}:"
                f"{reporting.today()}:{self.language}:{name}:{digest}")

    @cached_property
    def index(self):
        return facets.current(self.state)

    @cached_property
    def result(self):
        """The positions of the matching public actions (the catalog's exact set)."""
        self.index  # noqa: B018  (brought up to date first, with the state this page read)
        return catalog.matching_positions(self.params)

    @cached_property
    def filterset(self):
        filterset = ActionFilter(self.params, queryset=Action.objects.published())
        filterset.form.is_valid()
        return filterset

    @cached_property
    def cleaned(self):
        return self.filterset.form.cleaned_data

    @cached_property
    def pledges(self):
        """The pledge ledger of this catalog version (insights/pledges.py)."""
        return pledge_ledger(self.index)

    @cached_property
    def figures(self):
        """figures.services.Figures of the matching pledges."""
        return self.pledges.figures(self.result)

    def count(self, facet, key, within=None):
        return (self.result if within is None else within).intersection_cardinality(self.index.bitmap(facet, key))

    @cached_property
    def _catalog_base(self):
        return reverse("actions:list")

    def catalog_url(self, **extra):
        """The catalog page of these parameters plus `extra` filters (built often: plain urlencode, no copies)."""
        pairs = [(name, value) for name, value in self.params.items() if name not in extra]
        pairs += [(name, str(value)) for name, value in extra.items()]
        return self._catalog_base + (f"?{urlencode(pairs)}" if pairs else "")


def label(translated):
    """A Label from a Translated: marked with its language when it is a fallback."""
    return Label(str(translated), translated.language if translated.is_fallback else "")


# ---------------------------------------------------------------------------------------------- by taxonomy

# The summary of a ranking chart: with items at zero (singular or plural by "zero"), and with none at zero.
RANKING_SUMMARIES = {
    "objectives": (
        ngettext_lazy(
            "“%(top)s” has the most actions (%(count)s); %(zero)s of the %(total)s objectives has none.",
            "“%(top)s” has the most actions (%(count)s); %(zero)s of the %(total)s objectives have none.", "zero",
        ),
        gettext_lazy("“%(top)s” has the most actions (%(count)s); every objective has at least one."),
    ),
    "areas": (
        ngettext_lazy(
            "“%(top)s” has the most actions (%(count)s); %(zero)s of the %(total)s areas has none.",
            "“%(top)s” has the most actions (%(count)s); %(zero)s of the %(total)s areas have none.", "zero",
        ),
        gettext_lazy("“%(top)s” has the most actions (%(count)s); every area has at least one."),
    ),
    "goals": (
        ngettext_lazy(
            "“%(top)s” has the most actions (%(count)s); %(zero)s of the %(total)s goals has none.",
            "“%(top)s” has the most actions (%(count)s); %(zero)s of the %(total)s goals have none.", "zero",
        ),
        gettext_lazy("“%(top)s” has the most actions (%(count)s); every goal has at least one."),
    ),
}


def _ranking_chart(scope, key, title, column_label, rows, sentences):
    """Bars of the actions per item of a list, every item shown (the zeros are the gaps); `key` is also the
    catalog's filter of the items. rows: [(code, Label)]; sentences: a RANKING_SUMMARIES entry."""
    bars, table, links = [], [], []
    for code, name in rows:
        value = scope.count(key, code)
        bars.append(Bar(value, name))
        table.append([str(name), str(code), value])
        links.append(scope.catalog_url(**{key: code}))
    if not len(scope.result):
        summary = _("No published action matches these filters.")
    else:
        top = max(bars, key=lambda bar: bar.value)
        zero = sum(1 for bar in bars if not bar.value)
        values = {"top": top.label, "count": format_number(top.value), "zero": zero, "total": len(bars)}
        summary = (sentences[0] if zero else sentences[1]) % values
    columns = [Column("name", column_label), Column("code", _("Code")), Column("actions", _("Actions"), "integer")]
    return BarChart(key=key, title=title, summary=str(summary), columns=columns, rows=table, links=links, bars=bars)


def gcm_chart(scope):
    rows = [(o.number, Label(f"{o.number}. {o.t.short_label}")) for o in GCMObjective.objects.all()]
    title = _("Actions per objective of the Global Compact for Migration")
    return _ranking_chart(scope, "gcm", title, _("GCM objective"), rows, RANKING_SUMMARIES["objectives"])


def gcr_chart(scope):
    rows = [(o.number, Label(f"{o.number}. {o.t.text}")) for o in GCRObjective.objects.all()]
    title = _("Actions per objective of the Global Compact on Refugees")
    return _ranking_chart(scope, "gcr", title, _("GCR objective"), rows, RANKING_SUMMARIES["objectives"])


def gcr_area_chart(scope):
    rows = [(area.key, label(area.t.name)) for area in GCRArea.objects.all()]
    title = _("Actions per area of focus of the Global Compact on Refugees")
    return _ranking_chart(scope, "gcr_area", title, _("GCR area"), rows, RANKING_SUMMARIES["areas"])


def sdg_chart(scope):
    rows = [(goal.number, Label(f"{goal.number}. {goal.t.short_title}")) for goal in SDG.objects.all()]
    title = _("Actions per Sustainable Development Goal")
    return _ranking_chart(scope, "sdg", title, _("SDG"), rows, RANKING_SUMMARIES["goals"])


# ---------------------------------------------------------------------------------------------- by place

def places(scope):
    """(title, column label, [(facet, code, Label)]): the regions; the sub-regions of a chosen region; the
    countries of a chosen sub-region; a chosen country."""
    country, region = scope.cleaned.get("country"), scope.cleaned.get("region")
    if country is not None:
        return _("Actions in the chosen country"), _("Country"), [("country", country.code, label(country.t.name))]
    if region is None:
        rows = Region.objects.filter(parent__isnull=True)
        return _("Actions per region"), _("Region"), [("region", r.code, label(r.t.name)) for r in _by_name(rows)]
    if region.parent_id is None:
        rows = Region.objects.filter(parent=region)
        title = _("Actions per sub-region of %(region)s") % {"region": region.t.name}
        return title, _("Sub-region"), [("region", r.code, label(r.t.name)) for r in _by_name(rows)]
    rows = Country.objects.filter(subregion=region, governments__isnull=False).distinct()
    title = _("Actions per country of %(region)s") % {"region": region.t.name}
    return title, _("Country"), [("country", c.code, label(c.t.name)) for c in _by_name(rows)]


def _by_name(queryset):
    return sorted(queryset, key=lambda obj: str(obj.t.name).casefold())


def region_chart(scope):
    title, column_label, rows = places(scope)
    bars, table, links = [], [], []
    for facet, code, name in rows:
        value = scope.count(facet, code)
        bars.append(Bar(value, name))
        table.append([str(name), code, value])
        links.append(scope.catalog_url(**{facet: code}))
    if not len(scope.result):
        summary = _("No published action matches these filters.")
    else:
        top = max(bars, key=lambda bar: bar.value)
        zero = sum(1 for bar in bars if not bar.value)
        values = {"top": top.label, "count": format_number(top.value), "zero": zero, "total": len(bars)}
        if zero:
            summary = ngettext(
                "%(top)s has the most actions (%(count)s); %(zero)s of the %(total)s places shown has none.",
                "%(top)s has the most actions (%(count)s); %(zero)s of the %(total)s places shown have none.", zero,
            ) % values
        else:
            summary = _("%(top)s has the most actions (%(count)s).") % values
    columns = [Column("name", column_label), Column("code", _("Code")), Column("actions", _("Actions"), "integer")]
    return BarChart(
        key="region", title=str(title), summary=summary, columns=columns, rows=table, links=links, bars=bars,
    )


def themes_chart(scope):
    """The most frequent themes in each place of the region chart (the busiest places first)."""
    _title, column_label, rows = places(scope)
    themes = [(term.key, label(term.t.name)) for term in Term.objects.filter(vocabulary_id=Vocabulary.THEMES)]
    ranked = []
    for facet, code, name in rows:
        within = scope.result & scope.index.bitmap(facet, code)
        if within:
            ranked.append((len(within), facet, code, name, within))
    ranked.sort(key=lambda item: -item[0])
    bars, table, links, leaders = [], [], [], {}
    for _size, facet, code, name, within in ranked[:PLACES_WITH_THEMES]:
        counts = [(scope.count("theme", key, within), key, theme) for key, theme in themes]
        top = sorted((item for item in counts if item[0]), key=lambda item: -item[0])[:THEMES_PER_PLACE]
        for value, key, theme in top:
            bars.append(Bar(value, theme, group=str(name)))
            table.append([str(name), code, str(theme), key, value])
            links.append(scope.catalog_url(**{facet: code, "theme": key}))
        if top:
            leaders.setdefault(top[0][1], [top[0][2], 0])[1] += 1
    if not bars:
        summary = _("No matching action has a theme.")
    else:
        theme, count = max(leaders.values(), key=lambda item: item[1])
        summary = ngettext(
            "“%(theme)s” is the most frequent theme in %(count)s of the %(total)s places shown.",
            "“%(theme)s” is the most frequent theme in %(count)s of the %(total)s places shown.", count,
        ) % {"theme": theme, "count": count, "total": min(len(ranked), PLACES_WITH_THEMES)}
    columns = [
        Column("place", column_label), Column("place_code", _("Code")), Column("theme", _("Theme")),
        Column("theme_key", _("Theme key")), Column("actions", _("Actions"), "integer"),
    ]
    return BarChart(key="themes", title=_("Top themes per place"), summary=summary, columns=columns, rows=table,
                    links=links, bars=bars)


# ---------------------------------------------------------------------------------------------- pledges

def _percent(rate):
    return None if rate is None else float(rate * 100)


def stages_chart(scope):
    """Pledges by stage of their latest published report, per campaign, with the fulfilment rate (the
    definitions of figures/services.py)."""
    ledger, result = scope.pledges, scope.result
    rows = []
    campaigned = BitMap()
    for campaign in Campaign.objects.order_by("forum_date", "slug"):
        positions = result & ledger.campaigns.get(campaign.slug, BitMap())
        campaigned |= positions
        rows.append((label(campaign.t.name), campaign.slug, positions))
    rows.append((Label(_("Without campaign")), "", result - campaigned))
    stacks, table, links = [], [], []
    total = Figures()
    for name, slug, positions in rows:
        figures = ledger.stage_counts(positions)
        if not figures.count:
            continue
        total.count += figures.count
        for stage in STAGES:
            total.by_stage[stage] += figures.by_stage[stage]
        rate = _percent(figures.fulfilment_rate)
        note = ngettext(
            "%(count)s pledge, %(rate)s%% fulfilled", "%(count)s pledges, %(rate)s%% fulfilled", figures.count,
        ) % {"count": format_number(figures.count), "rate": format_number(rate, 1)}
        stacks.append(Stack(name, [figures.by_stage[stage] for stage in STAGES], note))
        table.append([str(name), slug, *(figures.by_stage[stage] for stage in STAGES), figures.count, round(rate, 1)])
        links.append(scope.catalog_url(campaign=slug) if slug else "")
    if not total.count:
        summary = _("No published pledge matches these filters.")
    else:
        summary = ngettext(
            "%(fulfilled)s of %(count)s pledge is fulfilled (%(rate)s%%); %(silent)s have not reported yet.",
            "%(fulfilled)s of %(count)s pledges are fulfilled (%(rate)s%%); %(silent)s have not reported yet.",
            total.count,
        ) % {
            "fulfilled": format_number(total.fulfilled), "count": format_number(total.count),
            "rate": format_number(_percent(total.fulfilment_rate), 1),
            "silent": format_number(total.by_stage[NOT_REPORTED]),
        }
    columns = [
        Column("campaign", _("Campaign")), Column("campaign_slug", _("Code")),
        *(Column(stage, stage_label(stage), "integer") for stage in STAGES),
        Column("pledges", _("Pledges"), "integer"), Column("fulfilment_rate_percent", _("Fulfilled (%)"), "number"),
    ]
    return StackedBarChart(
        key="stages", title=_("Pledges by stage, per campaign"), summary=summary, columns=columns, rows=table,
        links=links, stacks=stacks, series=[_series(stage, stage_label(stage)) for stage in STAGES],
        note=_("A pledge's stage is that of its latest published progress update; pledges without one have not "
               "reported yet."),
    )


def _series(key, text):
    return Series(key, str(text))


def people_chart(scope):
    figures = scope.figures
    people = [
        (row["target_group"].key, label(row["target_group"].t.name), row["count"]) for row in figures.people_reached
    ]
    bars = [Bar(count, name) for _key, name, count in people]
    table = [[str(name), key, count] for key, name, count in people]
    if not bars:
        summary = _("No matching pledge has reported people reached yet.")
    else:
        _key, top, count = max(people, key=lambda row: row[2])
        summary = _(
            "The pledges' latest reports count %(total)s people reached, most of them among “%(group)s” (%(count)s)."
        ) % {
            "total": format_number(figures.people_reached_total), "group": top, "count": format_number(count),
        }
    columns = [
        Column("target_group", _("Target group")), Column("key", _("Code")),
        Column("people_reached", _("People reached"), "integer"),
    ]
    return BarChart(
        key="people", title=_("People reached, by target group"), summary=summary, columns=columns, rows=table,
        bars=bars, note=_("Each pledge counts once, with the figures of its latest published report."),
    )


def money_chart(scope):
    figures = scope.figures
    committed, spent = figures.money_committed_usd, figures.money_spent_usd
    bars = [Bar(float(committed), Label(_("Committed")), text=usd(committed)),
            Bar(float(spent), Label(_("Spent")), text=usd(spent), series=1)]
    if not figures.pledges_reporting_money:
        summary = _("No matching pledge has reported money yet.")
    else:
        share = None if not committed else float(spent / committed * 100)
        summary = ngettext(
            "%(count)s pledge reports %(committed)s committed and %(spent)s spent "
            "(%(share)s%% of the committed amount).",
            "%(count)s pledges report %(committed)s committed and %(spent)s spent "
            "(%(share)s%% of the committed amount).",
            figures.pledges_reporting_money,
        ) % {"count": format_number(figures.pledges_reporting_money), "committed": usd(committed), "spent": usd(spent),
             "share": "—" if share is None else format_number(share, 1)}
    notes = []
    if figures.unconverted:
        notes.append(_("Left out of the dollar totals, for want of an exchange rate: %(amounts)s.") % {
            "amounts": "; ".join(
                _("%(currency)s %(committed)s committed, %(spent)s spent") % {
                    "currency": code, "committed": format_number(amounts["committed"], 2),
                    "spent": format_number(amounts["spent"], 2)}
                for code, amounts in figures.unconverted_list
            )
        })
    if figures.uses_indicative_rates:
        notes.append(_("Some exchange rates used are indicative."))
    columns = [Column("measure", _("Money")), Column("key", _("Code")), Column("usd", _("US dollars"), "number")]
    rows = [[_("Committed"), "committed", committed], [_("Spent"), "spent", spent]]
    return BarChart(key="money", title=_("Money committed and spent (US dollars)"), summary=summary, columns=columns,
                    rows=rows, bars=bars, series=[Series("committed", _("Committed")), Series("spent", _("Spent"))],
                    note=" ".join(notes))


def usd(amount):
    return _("US$%(amount)s") % {"amount": format_number(Decimal(amount).quantize(Decimal(1)))}


# ---------------------------------------------------------------------------------------------- over time

def periods(first, last):
    """Period starts (UTC datetimes) covering first…last, and whether they are months (else years)."""
    months = (last.year - first.year) * 12 + last.month - first.month
    monthly = months < MONTHLY_UP_TO
    starts = []
    year, month = first.year, first.month if monthly else 1
    while (year, month) <= (last.year, last.month if monthly else 1):
        starts.append(datetime(year, month, 1, tzinfo=dt_timezone.utc))
        if monthly:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            year += 1
    return starts, monthly


def _next_start(start, monthly):
    if not monthly:
        return start.replace(year=start.year + 1)
    return start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)


def period_key(start, monthly):
    return start.strftime("%Y-%m" if monthly else "%Y")


def period_label(start, monthly):
    return date_format(start, "M Y") if monthly else str(start.year)


def _cumulative_counts(index, bitmap, boundaries):
    """How many positions of `bitmap` were published before each boundary (seconds), in order."""
    if index.in_publication_order:
        # Positions follow publication: the first public position at or after a boundary splits every bitmap.
        public, published = index.public, index.published
        counts = []
        for boundary in boundaries:
            low, high = 0, len(public)
            while low < high:
                middle = (low + high) // 2
                if published[public[middle]] < boundary:
                    low = middle + 1
                else:
                    high = middle
            if low == len(public):
                counts.append(len(bitmap))
            else:
                position = public[low]
                counts.append(bitmap.rank(position) - (1 if position in bitmap else 0))
        return counts
    per_period = [0] * (len(boundaries) + 1)
    for position in bitmap:
        per_period[bisect.bisect_right(boundaries, index.published[position])] += 1
    counts, running = [], 0
    for n in range(len(boundaries)):
        running += per_period[n]
        counts.append(running)
    return counts


def growth_chart(scope):
    """Published actions over time (cumulative), all and pledges."""
    index, result = scope.index, scope.result
    pledges = result & index.bitmap("kind", Action.Kind.PLEDGE)
    columns = [
        Column("period", _("Period")), Column("new_actions", _("Actions published"), "integer"),
        Column("new_pledges", _("Pledges published"), "integer"),
        Column("total_actions", _("Total actions"), "integer"),
        Column("total_pledges", _("Total pledges"), "integer"),
    ]
    series = [Series("actions", _("All actions")), Series("pledges", _("Pledges"))]
    title = _("Growth of published actions")
    if not result:
        return LineChart(key="growth", title=title, summary=_("No published action matches these filters."),
                         columns=columns, rows=[], series=series)
    if index.in_publication_order:
        first, last = index.published[result.min()], index.published[result.max()]
    else:
        times = [index.published[position] for position in result]
        first, last = min(times), max(times)
    starts, monthly = periods(*(datetime.fromtimestamp(t, dt_timezone.utc) for t in (first, last)))
    boundaries = [_next_start(start, monthly).timestamp() for start in starts]
    all_counts = _cumulative_counts(index, result, boundaries)
    pledge_counts = _cumulative_counts(index, pledges, boundaries)
    rows, before = [], (0, 0)
    for start, total, total_pledges in zip(starts, all_counts, pledge_counts):
        rows.append([period_key(start, monthly), total - before[0], total_pledges - before[1], total, total_pledges])
        before = (total, total_pledges)
    busiest = max(rows, key=lambda row: row[1])
    summary = _("%(total)s actions published from %(first)s to %(last)s, the most in %(busiest)s (%(count)s).") % {
        "total": format_number(len(result)), "first": period_label(starts[0], monthly),
        "last": period_label(starts[-1], monthly), "busiest": period_label(_start_of(busiest[0], monthly), monthly),
        "count": format_number(busiest[1]),
    }
    return LineChart(
        key="growth", title=title, summary=summary, columns=columns, rows=rows, series=series,
        x_labels=[period_label(start, monthly) for start in starts], lines=[all_counts, pledge_counts],
        note=_("Counted by month of publication.") if monthly else _("Counted by year of publication."),
    )


def _start_of(key, monthly):
    year, _sep, month = key.partition("-")
    return datetime(int(year), int(month) if monthly else 1, 1, tzinfo=dt_timezone.utc)


def endorsements_chart(scope):
    """Verified endorsements of the Marrakech Mayors Declaration over time, by date of signature; only the region
    and country filters apply (an endorsement has no objective or theme)."""
    endorsements = Endorsement.objects.verified()
    country, region = scope.cleaned.get("country"), scope.cleaned.get("region")
    if country is not None:
        endorsements = endorsements.filter(government__country=country)
    if region is not None:
        endorsements = endorsements.filter(
            Q(government__country__region=region) | Q(government__country__subregion=region)
        )
    dates = sorted(endorsements.order_by().values_list("signed_on", flat=True))
    columns = [
        Column("period", _("Period")), Column("new_endorsements", _("Endorsements signed"), "integer"),
        Column("total_endorsements", _("Total endorsements"), "integer"),
    ]
    series = [Series("endorsements", _("Endorsements"))]
    title = _("Endorsements of the Marrakech Mayors Declaration")
    other_filters = set(scope.params) - {"region", "country"}
    note = _("Only the region and country filters apply to endorsements.") if other_filters else ""
    if not dates:
        return LineChart(key="endorsements", title=title, summary=_("No verified endorsement matches these filters."),
                         columns=columns, rows=[], series=series, note=note)
    starts, monthly = periods(dates[0], dates[-1])
    keys = [period_key(start, monthly) for start in starts]
    per_period = dict.fromkeys(keys, 0)
    for day in dates:
        per_period[f"{day.year}-{day.month:02d}" if monthly else str(day.year)] += 1
    rows, running = [], 0
    for key in keys:
        running += per_period[key]
        rows.append([key, per_period[key], running])
    summary = ngettext(
        "%(count)s government has endorsed the Declaration since %(first)s.",
        "%(count)s governments have endorsed the Declaration since %(first)s.", len(dates),
    ) % {"count": format_number(len(dates)), "first": period_label(starts[0], monthly)}
    return LineChart(
        key="endorsements", title=title, summary=summary, columns=columns, rows=rows, series=series, note=note,
        x_labels=[period_label(start, monthly) for start in starts], lines=[[row[2] for row in rows]],
    )


# ---------------------------------------------------------------------------------------------- all charts

BUILDERS = {
    "gcm": gcm_chart, "gcr": gcr_chart, "gcr_area": gcr_area_chart, "sdg": sdg_chart, "region": region_chart,
    "themes": themes_chart, "stages": stages_chart, "people": people_chart, "money": money_chart,
    "growth": growth_chart, "endorsements": endorsements_chart,
}
# The insights page's order: the Compacts first, then places, pledges, time.
PAGE_CHARTS = (
    "gcm", "gcr", "gcr_area", "sdg", "region", "themes", "stages", "people", "money", "growth", "endorsements",
)
HOME_CHARTS = ("gcm", "stages", "growth")
UNCACHED = {"endorsements"}  # not covered by the catalog version, and one small query


def charts(scope, keys=PAGE_CHARTS):
    """{key: chart} of the scope, from the cache when the catalog has not changed since."""
    wanted = [key for key in keys if key not in UNCACHED]
    cache_keys = {key: scope.cache_key(f"chart-{key}") for key in wanted}
    found = cache.get_many(list(cache_keys.values()))
    result, missing = {}, {}
    for key in keys:
        if key in UNCACHED:
            result[key] = BUILDERS[key](scope)
        elif cache_keys[key] in found:
            result[key] = found[cache_keys[key]]
        else:
            result[key] = missing[cache_keys[key]] = BUILDERS[key](scope)
    if missing:
        cache.set_many(missing, CACHE_TIMEOUT)
    return result


def chart(scope, key):
    """One chart (KeyError for an unknown key)."""
    if key not in BUILDERS:
        raise KeyError(key)
    return charts(scope, [key])[key]



# ---------------------------------------------------------------------------------------------- home page

def home_counts(scope):
    """The home page's counters, from the facet index and the pledge ledger of the catalog version (no scan of
    the actions), plus governments and endorsements (which a publish does not version): two small counts."""
    index, ledger = scope.index, scope.pledges
    counts = {
        "actions": len(index.public),
        "pledges": len(ledger.pledges),
        "countries": sum(1 for bitmap in index.values["country"].values() if bitmap),
        "governments": Government.objects.public().count(),
    }
    figures = ledger.figures(index.public)
    more = {
        "endorsements": Endorsement.objects.verified().count(),
        "people_reached": figures.people_reached_total,
        "fulfilled": figures.fulfilled,
    }
    return counts, more
