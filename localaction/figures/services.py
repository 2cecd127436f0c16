"""Figures that add up across pledges: pledges by stage, fulfilment rate, people reached by target group, money
committed and spent in US dollars. Read-only; used by government profiles, campaign pages, reports and the API.

What is counted (the definitions every page and export shares):

- **Pledges**: published actions of kind "pledge" (a fulfilled pledge shown as a practice still counts; practices,
  drafts and working copies never do).
- **A pledge's report** is its latest *published* progress update: the highest `reported_on`, then the latest
  published (the order of `progress.services.published_updates`, which sets the pledge's stage). Drafts, submitted and returned updates are ignored. Figures the latest
  report leaves blank count as not reported; older reports are not looked into, because every report states the
  situation at its date.
- **Stage**: the stage of that report; a pledge without a published report is "not reported" (the stage
  declared when the pledge was submitted is an intention, not a report).
- **Fulfilment rate**: fulfilled pledges ÷ all pledges counted, discontinued and not reported included: a
  discontinued or silent pledge is a pledge not (known to be) fulfilled, and leaving it out would make dropping
  a pledge raise the rate. None when there is no pledge.
- **People reached**: the numbers of a report are cumulative (everyone reached since the pledge began, at the
  report's date), so each pledge contributes its latest report's numbers once; totals are sums over pledges
  (someone reached by two pledges counts twice: pledges do not share lists of people).
- **Money**: the latest report's money committed and spent, each converted to US dollars at the rate of its
  `reported_on` date (see `to_usd`) and rounded to the cent, then summed. An amount in a currency without any
  stored rate is never guessed: it is left out of the dollar totals and listed, in its own currency, in
  `unconverted`.
- **A government's figures** are those of the pledges it leads. Co-pledgers are not credited: the lead reports
  for all, so crediting co-pledgers too would count the same people and money twice in regional totals.

Every aggregate runs a fixed number of queries (five at most) whatever the number of pledges.
"""
import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.progress.models import PeopleReached, ProgressUpdate
from localaction.taxonomy.models import Term

from .models import ExchangeRate

USD = "USD"
CENT = Decimal("0.01")
NOT_REPORTED = "not_reported"
STAGES = (*Action.Stage.values, NOT_REPORTED)
# Rates whose source starts with this are approximations still to be checked (see figures/data/SOURCES.md).
INDICATIVE_PREFIX = "indicative"


def stage_label(stage):
    """The translated name of a stage, "not reported" included."""
    if stage == NOT_REPORTED:
        return gettext("Not reported yet")
    return Action.Stage(stage).label


@dataclass(frozen=True)
class Conversion:
    """The result of converting an amount: `usd` (rounded to the cent) and the `rate` used, or `usd` None and
    the `reason` why it could not be converted."""

    usd: Decimal | None
    rate: ExchangeRate | None = None
    reason: str = ""

    @property
    def converted(self):
        return self.usd is not None


class RateTable:
    """The stored rates of some currencies, read in one query, to convert many amounts without more queries."""

    def __init__(self, currencies):
        self._rates = defaultdict(list)
        wanted = {code.strip().upper() for code in currencies if code} - {USD}
        if wanted:
            for rate in ExchangeRate.objects.filter(currency__in=wanted).order_by("currency", "date"):
                self._rates[rate.currency].append(rate)
        self._dates = {code: [rate.date for rate in rates] for code, rates in self._rates.items()}

    def rate_for(self, currency, on_date):
        """The rate of the latest date on or before `on_date`; before the first stored date, the earliest rate
        (an old report is better converted at the oldest known rate than not at all). None when the currency
        has no rate at all."""
        rates = self._rates.get(currency)
        if not rates:
            return None
        index = bisect.bisect_right(self._dates[currency], on_date)
        return rates[index - 1] if index else rates[0]

    def convert(self, amount, currency, on_date):
        """`amount` of `currency` in US dollars at `on_date`, as a Conversion."""
        currency = (currency or "").strip().upper()
        if currency == USD:
            return Conversion(Decimal(amount).quantize(CENT, ROUND_HALF_EVEN))
        rate = self.rate_for(currency, on_date)
        if rate is None:
            return Conversion(
                None, reason=gettext("No exchange rate is stored for %(currency)s.") % {"currency": currency or "?"}
            )
        return Conversion((Decimal(amount) * rate.usd_per_unit).quantize(CENT, ROUND_HALF_EVEN), rate)


def to_usd(amount, currency, on_date):
    """Convert `amount` of `currency` to US dollars at the rate of the latest stored date on or before `on_date`
    (else the earliest stored rate). Returns a Conversion; its `usd` is None, with a `reason`, when the currency
    has no stored rate: nothing is guessed and nothing is fetched from the network."""
    return RateTable([currency]).convert(amount, currency, on_date)


@dataclass
class Figures:
    """Aggregates over a set of pledges (see the module docstring for the definitions)."""

    count: int = 0
    by_stage: dict = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    people_reached: list = field(default_factory=list)  # [{"target_group": Term, "count": int}] by term position
    people_reached_total: int = 0
    money_committed_usd: Decimal = Decimal("0.00")
    money_spent_usd: Decimal = Decimal("0.00")
    pledges_reporting_money: int = 0
    # {currency: {"committed": Decimal, "spent": Decimal, "reason": str}}: amounts left out of the dollar totals.
    unconverted: dict = field(default_factory=dict)
    rates_used: list = field(default_factory=list)  # ExchangeRate rows used, by currency and date

    @property
    def fulfilled(self):
        return self.by_stage[Action.Stage.FULFILLED]

    @property
    def fulfilment_rate(self):
        """Fulfilled ÷ all pledges, as a Decimal with four places (0.2500), or None without pledges."""
        if not self.count:
            return None
        return (Decimal(self.fulfilled) / Decimal(self.count)).quantize(Decimal("0.0001"), ROUND_HALF_EVEN)

    @property
    def fulfilment_percent(self):
        rate = self.fulfilment_rate
        return None if rate is None else rate * 100

    @property
    def stages(self):
        """[(stage, label, count)] in workflow order, for tables."""
        return [(stage, stage_label(stage), self.by_stage[stage]) for stage in STAGES]

    @property
    def uses_indicative_rates(self):
        return any(rate.source.lower().startswith(INDICATIVE_PREFIX) for rate in self.rates_used)

    @property
    def unconverted_list(self):
        """[(currency, amounts)] sorted by currency, for templates."""
        return sorted(self.unconverted.items())

    def as_dict(self):
        """Plain data (strings for decimals, keys for terms) for JSON exports and the API."""
        rate = self.fulfilment_rate
        return {
            "pledges": self.count,
            "by_stage": dict(self.by_stage),
            "fulfilment_rate": None if rate is None else str(rate),
            "people_reached": [
                {"target_group": row["target_group"].key, "count": row["count"]} for row in self.people_reached
            ],
            "people_reached_total": self.people_reached_total,
            "money_committed_usd": str(self.money_committed_usd),
            "money_spent_usd": str(self.money_spent_usd),
            "pledges_reporting_money": self.pledges_reporting_money,
            "unconverted": {
                code: {"committed": str(amounts["committed"]), "spent": str(amounts["spent"]), "reason": amounts["reason"]}
                for code, amounts in self.unconverted_list
            },
            "rates_used": [
                {"currency": r.currency, "date": r.date.isoformat(), "usd_per_unit": str(r.usd_per_unit), "source": r.source}
                for r in self.rates_used
            ],
        }


def counted_pledges(actions):
    """The pledges of `actions` that figures count: published, of kind pledge."""
    return actions.filter(status=Action.Status.PUBLISHED, kind=Action.Kind.PLEDGE)


def latest_published_update_ids(pledges):
    """A subquery: the id of each pledge's latest published progress update (NULL when it has none)."""
    # The order of progress.services.published_updates(), so figures and the pledge's stage always agree.
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk"), status=ProgressUpdate.Status.PUBLISHED).order_by(
        "-reported_on", F("published_at").desc(nulls_last=True), "-id"
    )
    return pledges.annotate(latest_update_id=Subquery(latest.values("pk")[:1])).values("latest_update_id")


def pledge_figures(actions):
    """Figures over the published pledges of the `actions` queryset and their latest published updates; see the
    module docstring for what each figure means. At most five queries, whatever the number of pledges."""
    pledges = counted_pledges(actions)
    figures = Figures(count=pledges.count())
    if not figures.count:
        return figures
    # Subqueries rather than lists of ids: the database does the work and no query grows with the data.
    update_ids = latest_published_update_ids(pledges)
    reports = list(
        ProgressUpdate.objects.filter(pk__in=Subquery(update_ids)).values(
            "stage", "reported_on", "money_committed", "money_spent", "currency"
        )
    )
    figures.by_stage[NOT_REPORTED] = figures.count - len(reports)
    for report in reports:
        figures.by_stage[report["stage"]] += 1

    _add_people_reached(figures, update_ids)
    _add_money(figures, reports)
    return figures


def _add_people_reached(figures, update_ids):
    totals = dict(
        PeopleReached.objects.filter(update_id__in=Subquery(update_ids))
        .values("target_group")
        .annotate(total=Sum("count"))
        .values_list("target_group", "total")
    )
    if not totals:
        return
    for term in Term.objects.filter(pk__in=list(totals)).order_by("position", "key"):
        figures.people_reached.append({"target_group": term, "count": totals[term.pk]})
    figures.people_reached_total = sum(totals.values())


def _add_money(figures, reports):
    with_money = [r for r in reports if r["money_committed"] is not None or r["money_spent"] is not None]
    figures.pledges_reporting_money = len(with_money)
    if not with_money:
        return
    table = RateTable({r["currency"] for r in with_money})
    used = {}
    for report in with_money:
        for kind in ("committed", "spent"):
            amount = report[f"money_{kind}"]
            if amount is None:
                continue
            conversion = table.convert(amount, report["currency"], report["reported_on"])
            if conversion.converted:
                total = f"money_{kind}_usd"
                setattr(figures, total, getattr(figures, total) + conversion.usd)
                if conversion.rate is not None:
                    used[conversion.rate.pk] = conversion.rate
            else:
                code = report["currency"].strip().upper()
                entry = figures.unconverted.setdefault(
                    code, {"committed": Decimal("0.00"), "spent": Decimal("0.00"), "reason": conversion.reason}
                )
                entry[kind] += amount
    figures.rates_used = sorted(used.values(), key=lambda rate: (rate.currency, rate.date))


# Convenience wrappers: the pledges of a campaign, a region, a GCM objective, a government.

def campaign_figures(campaign):
    """Figures of the pledges collected in `campaign`."""
    return pledge_figures(Action.objects.filter(campaign=campaign))


def region_figures(region):
    """Figures of the pledges of governments in a UN M49 region or sub-region (a Region or its code)."""
    code = getattr(region, "code", region)
    return pledge_figures(
        Action.objects.filter(Q(government__country__region_id=code) | Q(government__country__subregion_id=code))
    )


def objective_figures(objective):
    """Figures of the pledges mapped to a GCM objective (a GCMObjective or its number)."""
    number = getattr(objective, "number", objective)
    return pledge_figures(Action.objects.filter(gcm_objectives=number))


def government_figures(government):
    """Figures of the pledges `government` leads (confirmed co-pledges are not counted: the lead reports for
    all, and counting them again would double the totals of a region or campaign)."""
    return pledge_figures(Action.objects.filter(government=government))
