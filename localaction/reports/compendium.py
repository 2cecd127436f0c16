"""What the handover compendium (templates/reports/pdf/compendium.html) shows, from a snapshot's plain-dict
entries: summary counts and charts computed from the entries themselves (the snapshot, not today's catalog), and
the entries grouped by region. Called by pdf.render_compendium inside the document's language."""
from collections import Counter
from decimal import Decimal

from django.utils.formats import number_format

from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.figures.services import NOT_REPORTED, STAGES, stage_label

from .charts import count_chart
from .entries import Labels, by_region, prepare


def figure_rows(data):
    """[(label, value)] of the key numbers of a Figures.as_dict(), formatted for the document's language."""
    rows = []
    if data.get("pledges") is not None:
        rows.append((gettext("Pledges"), number_format(data["pledges"], force_grouping=True)))
    if data.get("fulfilment_rate") not in (None, ""):
        percent = Decimal(str(data["fulfilment_rate"])) * 100
        rows.append((gettext("Fulfilment rate"), f"{number_format(percent, decimal_pos=1)} %"))
    if data.get("people_reached_total"):
        rows.append((gettext("People reached"), number_format(data["people_reached_total"], force_grouping=True)))
    for key, label in (("money_committed_usd", gettext("Money committed (US dollars)")),
                       ("money_spent_usd", gettext("Money spent (US dollars)"))):
        if data.get(key) not in (None, ""):
            rows.append((label, number_format(Decimal(str(data[key])), decimal_pos=0, force_grouping=True)))
    return rows


def summary_charts(prepared, labels):
    """Charts of the entries: by region, by stage of the pledges, by GCM objective and by GCR area of focus."""
    regions = Counter(entry.region or gettext("No region") for entry in prepared)
    pledges = [entry for entry in prepared if entry.kind == Action.Kind.PLEDGE]
    stages = Counter(entry.stage or NOT_REPORTED for entry in pledges)
    gcm = Counter(label for entry in prepared for label in entry.gcm)
    areas = Counter(label for entry in prepared for label in entry.gcr_areas)
    charts = [
        count_chart(
            "regions", gettext("Entries by region"), sorted(regions.items(), key=lambda row: (-row[1], row[0])),
            item_header=gettext("Region"), value_header=gettext("Entries"),
        ),
    ]
    if pledges:
        charts.append(count_chart(
            "stages", gettext("Pledges by current stage"),
            [(stage_label(stage), stages.get(stage, 0)) for stage in STAGES],
            item_header=gettext("Stage"), value_header=gettext("Pledges"),
        ))
    if gcm:
        charts.append(count_chart(
            "gcm", gettext("Entries by objective of the Global Compact for Migration"),
            [(label, gcm[label]) for label in labels.gcm_list(sorted(labels.gcm)) if gcm.get(label)],
            item_header=gettext("GCM objective"), value_header=gettext("Entries"),
        ))
    if areas:
        charts.append(count_chart(
            "gcr_areas", gettext("Entries by area of focus of the Global Compact on Refugees"),
            [(name, areas.get(name, 0)) for name in labels.gcr_areas.values()],
            item_header=gettext("GCR area of focus"), value_header=gettext("Entries"),
        ))
    return charts


def compendium_context(entries, language, *, title, subtitle="", figures=None, when=None):
    """The template's context: cover data, totals, charts and the entries by region."""
    labels = Labels()
    prepared = [prepare(entry, language, labels) for entry in entries]
    kinds = Counter(entry.kind for entry in prepared)
    return {
        "title": title,
        "subtitle": subtitle,
        "when": when,
        "total": len(prepared),
        "pledges": kinds.get(Action.Kind.PLEDGE, 0),
        "practices": kinds.get(Action.Kind.PRACTICE, 0),
        "governments": len({entry.government for entry in prepared if entry.government}),
        "countries": len({entry.country for entry in prepared if entry.country}),
        # A Figures object prints with the campaign page's tables; a plain dict (its as_dict()) as key numbers.
        "figures": figures if hasattr(figures, "as_dict") else None,
        "figures_rows": figure_rows(figures) if figures is not None and not hasattr(figures, "as_dict") else [],
        "charts": summary_charts(prepared, labels),
        "sections": by_region(prepared),
    }
