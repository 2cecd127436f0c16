"""What the annual "Report on Local Action for Migrants and Refugees" (templates/reports/pdf/annual_report.html)
shows for an edition and a language, and its build.

What the figures count (so every edition reads the same way):
- **The period's actions**: actions published (first publication) between the edition's first and last day,
  inclusive, in UTC. They are what the region, objective and area tables, the pledge figures and the annex count.
- **Pledge figures** (stages, fulfilment rate, people reached, money) are figures.services.pledge_figures over the
  period's pledges, each with its latest published report, whenever that report was made.
- **Signatories**: verified endorsements of the Marrakech Mayors Declaration signed on or before the period's
  last day (government, country and date only: the person who signed is not printed); "new" ones were signed
  during the period.
- **The map** and the **growth charts** (published actions and endorsements over time) are the insights pages'
  (`{% world_map %}`, insights.stats): the whole platform to date, not only the period.
- **The annex** lists the period's actions, up to ANNEX_LIMIT of them; beyond that it points to the open data.
"""
from datetime import datetime, time, timedelta
from datetime import timezone as dt_timezone

from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.declarations.models import Endorsement
from localaction.figures.services import pledge_figures
from localaction.insights import stats
from localaction.insights.templatetags.insights_map import render_world_map
from localaction.taxonomy.models import Term, Vocabulary

from . import pdf
from .charts import count_chart
from .entries import Labels, action_entry, folded, pick_text, prepare

ANNEX_LIMIT = 3000
TO_DATE_CHARTS = ("growth", "endorsements")


def period_bounds(edition):
    """[start, end) datetimes in UTC of the edition's period (its last day included)."""
    start = datetime.combine(edition.period_start, time(0, 0), tzinfo=dt_timezone.utc)
    end = datetime.combine(edition.period_end + timedelta(days=1), time(0, 0), tzinfo=dt_timezone.utc)
    return start, end


def period_actions(edition):
    """The published actions first published during the edition's period."""
    start, end = period_bounds(edition)
    return Action.objects.published().filter(published_at__gte=start, published_at__lt=end)


def highlighted_actions(edition):
    """The edition's highlighted actions that are still published, oldest publication first, with what their
    entries print. An edition not saved yet (a preview) has none."""
    if edition.pk is None:
        return Action.objects.none()
    return (
        edition.highlighted_actions.published()
        .select_related("government__country", "campaign")
        .prefetch_related("gcm_objectives", "gcr_objectives", "gcr_areas", "sdgs")
        .order_by("published_at", "pk")
    )


def _counts(queryset, key):
    return dict(queryset.order_by().values_list(key).annotate(n=Count("pk")).values_list(key, "n"))


def _m2m_counts(actions, name, **through_filters):
    """{target pk: number of `actions`} over the many-to-many `name`, counted in its link table."""
    relation = getattr(Action, name)
    through = relation.through
    target = relation.field.m2m_reverse_field_name()
    links = through.objects.filter(action__in=actions.order_by().values("pk"), **through_filters)
    return dict(links.values_list(f"{target}_id").annotate(n=Count("action_id")).values_list(f"{target}_id", "n"))


def region_rows(actions, labels):
    """[(region name, practices, pledges, total)] by region name; actions of countries without a region last."""
    counts = {}
    rows = actions.order_by().values_list("government__country__region_id", "kind").annotate(n=Count("pk"))
    for region, kind, n in rows:
        counts.setdefault(region or "", {}).setdefault(kind, 0)
        counts[region or ""][kind] += n
    rows = []
    for code in sorted((code for code in counts if code), key=lambda code: folded(labels.region(code))):
        rows.append((labels.region(code), counts[code]))
    if "" in counts:
        rows.append((gettext("No region"), counts[""]))
    return [
        (name, by_kind.get(Action.Kind.PRACTICE, 0), by_kind.get(Action.Kind.PLEDGE, 0), sum(by_kind.values()))
        for name, by_kind in rows
    ]


def numbered(names, labelled):
    """[(number, "number. name")] of a numbered list of the reference data (GCM objectives, SDGs), in order."""
    numbers = sorted(names)
    return list(zip(numbers, labelled(numbers)))


def charts(actions, labels, figures, regions):
    """The report's charts, drawn with the insights pages' chart library."""
    gcm = _m2m_counts(actions, "gcm_objectives")
    areas = _m2m_counts(actions, "gcr_areas")
    sdgs = _m2m_counts(actions, "sdgs")
    themes = _m2m_counts(actions, "terms", term__vocabulary_id=Vocabulary.THEMES)
    drawn = [
        count_chart("regions", gettext("Actions by region"), [(name, total) for name, _p, _q, total in regions],
                    item_header=gettext("Region"), value_header=gettext("Actions")),
        count_chart("gcm", gettext("Actions by objective of the Global Compact for Migration"),
                    [(label, gcm.get(number, 0)) for number, label in numbered(labels.gcm, labels.gcm_list)],
                    item_header=gettext("GCM objective"), value_header=gettext("Actions")),
        count_chart("gcr_areas", gettext("Actions by area of focus of the Global Compact on Refugees"),
                    [(name, areas.get(key, 0)) for key, name in labels.gcr_areas.items()],
                    item_header=gettext("GCR area of focus"), value_header=gettext("Actions")),
        count_chart("sdgs", gettext("Actions by Sustainable Development Goal"),
                    [(label, sdgs[n]) for n, label in numbered(labels.sdgs, labels.sdg_list) if sdgs.get(n)],
                    item_header=gettext("Goal"), value_header=gettext("Actions")),
    ]
    if themes:
        terms = Term.objects.filter(pk__in=list(themes)).order_by("position", "key")
        drawn.append(count_chart(
            "themes", gettext("Actions by theme"), [(str(term.t.name), themes[term.pk]) for term in terms],
            item_header=gettext("Theme"), value_header=gettext("Actions"),
        ))
    if figures.count:
        drawn.append(count_chart(
            "stages", gettext("Pledges by current stage"), [(label, n) for _stage, label, n in figures.stages],
            item_header=gettext("Stage"), value_header=gettext("Pledges"),
        ))
    return drawn


def signatories(edition, labels):
    """[{"name", "rows"}] by region: verified endorsements signed by the period's end (no personal data)."""
    endorsements = (
        Endorsement.objects.verified().filter(signed_on__lte=edition.period_end)
        .select_related("government__country").order_by()
    )
    groups = {}
    for endorsement in endorsements:
        government = endorsement.government
        groups.setdefault(government.country.region_id or "", []).append({
            "government": government.name, "country": labels.country(government.country_id),
            "signed_on": endorsement.signed_on, "new": endorsement.signed_on >= edition.period_start,
        })
    named = sorted((code for code in groups if code), key=lambda code: folded(labels.region(code)))
    sections = [{"name": labels.region(code), "rows": groups[code]} for code in named]
    if "" in groups:
        sections.append({"name": gettext("No region"), "rows": groups[""]})
    for section in sections:
        section["rows"].sort(key=lambda row: (folded(row["government"]), row["country"]))
    return sections


def annex(actions, labels, language, total):
    """The period's actions as short rows (title, government, country, kind), by region, country and government;
    None when there are more than ANNEX_LIMIT."""
    if total > ANNEX_LIMIT:
        return None
    rows = []
    fields = ("public_id", "slug", "kind", "original_language", "title_en", "title_fr", "title_es",
              "government__name", "government__country_id", "government__country__region_id")
    for values in actions.order_by().values(*fields).iterator(chunk_size=2000):
        region = labels.region(values["government__country__region_id"])
        rows.append({
            "id": values["public_id"],
            "url": reverse("actions:detail", args=[values["public_id"], values["slug"]]),
            "title": pick_text(values, "title", language),
            "kind": values["kind"],
            "government": values["government__name"],
            "country": labels.country(values["government__country_id"]),
            "sort": (region == "", folded(region), folded(labels.country(values["government__country_id"])),
                     folded(values["government__name"]), folded(pick_text(values, "title", language))),
        })
    rows.sort(key=lambda row: row["sort"])
    return rows


def world_map_html(language):
    """The insights pages' world map (every published action to date), without its tables."""
    return render_world_map(None, language, table=False, uid="report-map")


def to_date_charts():
    """The insights pages' charts of the platform over time, to date: published actions and endorsements."""
    found = stats.charts(stats.Scope({}), TO_DATE_CHARTS)
    return [found[key] for key in TO_DATE_CHARTS]


def report_title():
    """The report's name, in the active language."""
    return gettext("Report on Local Action for Migrants and Refugees")


def annual_report_context(edition, language, progress=None):
    """Everything the template needs, computed in the active language (pdf.render_pdf renders it)."""
    def step(percent, message):
        if progress:
            progress(percent, message)

    labels = Labels()
    actions = period_actions(edition)
    step(10, gettext("Counting the period's actions"))
    total = actions.count()
    kinds = _counts(actions, "kind")
    figures = pledge_figures(actions)
    regions = region_rows(actions, labels)
    step(25, gettext("Drawing the charts and the map"))
    drawn = charts(actions, labels, figures, regions)
    world_map = world_map_html(language)
    history = to_date_charts()
    step(40, gettext("Collecting the highlighted actions and the signatories"))
    highlights = [prepare(action_entry(action), language, labels) for action in highlighted_actions(edition)]
    signed = signatories(edition, labels)
    step(50, gettext("Listing the period's actions"))
    listed = annex(actions, labels, language, total)
    return {
        "edition": edition,
        "title": report_title(),
        "period": edition.period_label,
        "intro": edition.translated("intro", language),
        "total": total,
        "practices": kinds.get(Action.Kind.PRACTICE, 0),
        "pledges": kinds.get(Action.Kind.PLEDGE, 0),
        "governments": actions.order_by().values("government").distinct().count(),
        "countries": actions.order_by().values("government__country").distinct().count(),
        "signatories_total": sum(len(section["rows"]) for section in signed),
        "signatories_new": sum(1 for section in signed for row in section["rows"] if row["new"]),
        "signatory_sections": signed,
        "figures": figures,
        "regions": regions,
        "charts": drawn,
        "world_map": world_map,
        "history": history,
        "highlights": highlights,
        "annex": listed,
        "annex_limit": ANNEX_LIMIT,
        "open_data_url": pdf.site_url().rstrip("/") + reverse("opendata:index"),
    }


def render_annual_report(edition, language, path, progress=None):
    """Write the edition's PDF in `language` to `path`; returns pdf.Rendered. Dated by the edition's last change,
    so the same data gives the same file."""
    with translation.override(language):
        context = annual_report_context(edition, language, progress)
        title = f"{context['title']} {context['period']}"
    if progress:
        with translation.override(language):
            progress(60, gettext("Laying out the pages"))
    return pdf.render_pdf(
        "reports/pdf/annual_report.html", context, path, language=language, title=title,
        created=edition.created_at, modified=edition.updated_at, subject=title,
    )
