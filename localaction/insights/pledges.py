"""Pledge figures (stages, fulfilment, people reached, money in US dollars) for any catalog view, without an SQL
aggregate per view.

figures.services.pledge_figures() answers one queryset in a few heavy queries: at 100,000 actions, with a region
or an objective filter, several seconds on SQLite. The insights charts need those figures for any combination
of filters, per campaign too. So each process keeps, per catalog version, a ledger of the public pledges by
catalog position: which positions are counted pledges, and the latest published report of each (found with
figures.services.latest_published_update_ids, the one definition of "latest"). Any catalog view's figures are
then bitmap intersections and sums over its reporting pledges, with the definitions of figures/services.py
(tests compare both on a fixed data set); money is converted with its RateTable.

Building the ledger reads the reporting pledges only (and the few "practices" that are fulfilled pledges shown
as practices): it costs in proportion to the progress reports, not to the catalog.
"""
import threading
from collections import Counter
from decimal import Decimal

from pyroaring import BitMap

from localaction.actions.models import Action
from localaction.figures.services import (
    NOT_REPORTED, STAGES, Figures, RateTable, counted_pledges, latest_published_update_ids,
)
from localaction.progress.models import PeopleReached, ProgressUpdate
from localaction.search.models import SearchDocument
from localaction.taxonomy.models import Term

CHUNK = 2000  # ids per IN (…) list: well under SQLite's limit on parameters


def _chunks(items):
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


class Ledger:
    """The public pledges of one catalog version, by position, and each one's latest published report."""

    def __init__(self, index):
        self.key = (index.generation, index.version)
        self.pledges = self._pledges(index)
        # Pledges by campaign (slug), from the catalog's own campaign facet.
        self.campaigns = {slug: self.pledges & bitmap for slug, bitmap in index.values["campaign"].items()}
        self.stages = {stage: BitMap() for stage in STAGES if stage != NOT_REPORTED}
        self.people = {}  # position → [(target group id, count)]
        self.money = {}  # position → (reported_on, committed, spent, currency)
        self._read_reports()
        self.with_people, self.with_money = BitMap(self.people), BitMap(self.money)

    @staticmethod
    def _pledges(index):
        """Counted pledges (figures.services.counted_pledges): the catalog's "pledge" kind plus the fulfilled pledges
        its governments show as practices, which the catalog lists with the practices (they keep their stage)."""
        pledges = BitMap(index.bitmap("kind", Action.Kind.PLEDGE))
        staged = BitMap()
        for bitmap in index.values["stage"].values():
            staged |= bitmap
        candidates = index.bitmap("kind", Action.Kind.PRACTICE) & staged
        if candidates:
            position_of = {index.action_ids[position]: position for position in candidates}
            for chunk in _chunks(position_of):
                shown = counted_pledges(Action.objects.filter(pk__in=chunk)).order_by().values_list("pk", flat=True)
                pledges.update(position_of[pk] for pk in shown)
        return pledges

    def _read_reports(self):
        reporting = counted_pledges(Action.objects.filter(
            pk__in=ProgressUpdate.objects.filter(status=ProgressUpdate.Status.PUBLISHED).values("action_id")
        )).order_by()
        latest = dict(latest_published_update_ids(reporting).values_list("pk", "latest_update_id"))
        if not latest:
            return
        positions = {}
        for chunk in _chunks(latest):
            documents = SearchDocument.objects.filter(action_id__in=chunk, is_public=True)
            positions.update(documents.values_list("action_id", "position"))
        position_of_update = {update_id: positions[pk] for pk, update_id in latest.items() if pk in positions}
        for chunk in _chunks(position_of_update):
            reports = ProgressUpdate.objects.filter(pk__in=chunk).values_list(
                "pk", "stage", "reported_on", "money_committed", "money_spent", "currency"
            )
            for update_id, stage, reported_on, committed, spent, currency in reports:
                position = position_of_update[update_id]
                self.stages[stage].add(position)
                if committed is not None or spent is not None:
                    self.money[position] = (reported_on, committed, spent, currency)
            for update_id, target_group_id, count in PeopleReached.objects.filter(update_id__in=chunk).values_list(
                "update_id", "target_group_id", "count"
            ):
                self.people.setdefault(position_of_update[update_id], []).append((target_group_id, count))

    def stage_counts(self, positions):
        """Figures with the number of pledges and their stages only (no query)."""
        chosen = positions & self.pledges
        figures = Figures(count=len(chosen))
        reported = 0
        for stage, bitmap in self.stages.items():
            figures.by_stage[stage] = chosen.intersection_cardinality(bitmap)
            reported += figures.by_stage[stage]
        figures.by_stage[NOT_REPORTED] = figures.count - reported
        return figures

    def figures(self, positions):
        """The Figures of figures/services.py for the pledges among `positions`: stages, people reached by target
        group, money committed and spent in US dollars (two queries at most: target groups and rates)."""
        figures = self.stage_counts(positions)
        chosen = positions & self.pledges
        totals = Counter()
        for position in chosen & self.with_people:
            for target_group_id, count in self.people[position]:
                totals[target_group_id] += count
        if totals:
            for term in Term.objects.filter(pk__in=list(totals)).order_by("position", "key"):
                figures.people_reached.append({"target_group": term, "count": totals[term.pk]})
            figures.people_reached_total = sum(totals.values())
        self._add_money(figures, [self.money[position] for position in chosen & self.with_money])
        return figures

    @staticmethod
    def _add_money(figures, reports):
        """Sums in US dollars at each report's date; amounts without a rate are listed apart (figures' rules)."""
        figures.pledges_reporting_money = len(reports)
        if not reports:
            return
        table = RateTable({currency for *_values, currency in reports})
        used = {}
        for reported_on, committed, spent, currency in reports:
            for kind, amount in (("committed", committed), ("spent", spent)):
                if amount is None:
                    continue
                conversion = table.convert(amount, currency, reported_on)
                if conversion.converted:
                    total = f"money_{kind}_usd"
                    setattr(figures, total, getattr(figures, total) + conversion.usd)
                    if conversion.rate is not None:
                        used[conversion.rate.pk] = conversion.rate
                else:
                    entry = figures.unconverted.setdefault(currency.strip().upper(), {
                        "committed": Decimal("0.00"), "spent": Decimal("0.00"), "reason": conversion.reason,
                    })
                    entry[kind] += amount
        figures.rates_used = sorted(used.values(), key=lambda rate: (rate.currency, rate.date))


_LEDGER = {"ledger": None}
_LOCK = threading.Lock()


def ledger(index):
    """This process's ledger for the facet index's catalog version (built when the version moved)."""
    current = _LEDGER["ledger"]
    if current is not None and current.key == (index.generation, index.version):
        return current
    with _LOCK:
        current = _LEDGER["ledger"]
        if current is None or current.key != (index.generation, index.version):
            current = _LEDGER["ledger"] = Ledger(index)
    return current

