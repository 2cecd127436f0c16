"""Grants: what an award becomes, its tranches paid, the reports the grantee owes, and the public figures.

Reporting rules (mirroring the pledges' progress badges, see progress/schedule.py):

- report k is due `reporting_interval_months` × k after the grant starts (calendar months, clamped to the month's
  end); the last one is due on the day the grant ends, whatever the interval;
- a due date is *met* by a submitted report whose period ends on or after it (a late report that covers a longer
  period catches up on the dates it covers);
- the grant is **overdue** from the day after an unmet due date, **due** from 30 days before its next unmet due date,
  **on time** otherwise; with every due date met, it has no reporting status (None).

Public figures ("by the numbers") are computed from grants visible to the public only (`Grant.objects.public()`):

- people reached: the sum of `people_reached` over every submitted report (reports count the people reached in
  their period, so they add up);
- target: for each grant and target group, the target given in its latest submitted report that gives one; the
  targets are then added up over groups and grants. A group without any target counts in "reached" only.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.activity.services import record
from localaction.governments.access import require_membership
from localaction.notifications.services import notify, notify_government
from localaction.progress.schedule import DUE_WINDOW_DAYS, add_months
from localaction.taxonomy.models import Term, Vocabulary

from .models import Application, BudgetLine, Grant, GrantReport, ReportReach, ReportSpending, Stage, Tranche
from .services import require_fund_manager

ON_TIME, DUE, OVERDUE = "on_time", "due", "overdue"
STATUS_LABELS = {
    ON_TIME: gettext_lazy("On time"), DUE: gettext_lazy("Report due"), OVERDUE: gettext_lazy("Report overdue"),
}


class GrantError(Exception):
    """The grant, payment or report breaks a rule; the message says which, `field` the form field concerned."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


# Creating a grant ------------------------------------------------------------------------------------------------


def eligible_pledges(government):
    """The pledges a grant to `government` may fund: its own published pledges."""
    pledges = Action.objects.published().filter(government=government, kind=Action.Kind.PLEDGE)
    return pledges.order_by("-published_at", "-id")


def can_create_grant(application):
    """True for an awarded application that has no grant yet."""
    return application.stage == Stage.AWARDED and not Grant.objects.filter(application=application).exists()


def _money(value):
    return f"{Decimal(value):.2f}"


def _check_grant(application, amount, pledge, starts_on, ends_on, interval, tranches):
    round_ = application.round
    if not (round_.grant_min <= amount <= round_.grant_max):
        message = _("The amount must be within the round’s grant range: %(low)s to %(high)s %(currency)s.")
        raise GrantError(message % {
            "low": _money(round_.grant_min), "high": _money(round_.grant_max), "currency": round_.currency,
        }, field="amount")
    if pledge is not None and not eligible_pledges(application.government).filter(pk=pledge.pk).exists():
        raise GrantError(
            _("A grant can fund only a published pledge of the government it is awarded to."), field="pledge")
    if ends_on <= starts_on:
        raise GrantError(_("The grant must end after it starts."), field="ends_on")
    if interval < 1:
        raise GrantError(_("Reports are due at least every month."), field="reporting_interval_months")
    planned = sum((Decimal(t["planned_amount"]) for t in tranches), Decimal(0))
    if planned > amount:
        raise GrantError(_("The tranches planned (%(planned)s) add up to more than the grant (%(amount)s).") % {
            "planned": _money(planned), "amount": _money(amount)})
    if any(Decimal(t["planned_amount"]) <= 0 for t in tranches):
        raise GrantError(_("Every tranche must plan an amount above zero."))


@transaction.atomic
def create_grant(application, manager, *, amount, starts_on, ends_on, currency="", pledge=None,
                 reporting_interval_months=6, tranches=()):
    """Turn an awarded application into its grant, with its planned tranches (dicts with planned_on and
    planned_amount, numbered by date). Currency defaults to the round's, the pledge to the application's."""
    require_fund_manager(manager)
    locked = Application.objects.select_for_update(of=("self",)).select_related("round", "government", "pledge")
    application = locked.get(pk=application.pk)
    if not can_create_grant(application):
        raise GrantError(_("Only an awarded application without a grant can get one."))
    amount = Decimal(amount)
    eligible = eligible_pledges(application.government)
    if pledge is None and application.pledge_id and eligible.filter(pk=application.pledge_id).exists():
        pledge = application.pledge  # the default, unless it is no longer a published pledge
    tranches = sorted(tranches, key=lambda t: t["planned_on"])
    _check_grant(application, amount, pledge, starts_on, ends_on, reporting_interval_months, tranches)
    grant = Grant.objects.create(
        application=application, pledge=pledge, amount=amount,
        currency=(currency or application.round.currency).upper(), starts_on=starts_on, ends_on=ends_on, reporting_interval_months=reporting_interval_months, created_by=manager,
    )
    Tranche.objects.bulk_create(
        Tranche(grant=grant, number=number, planned_on=t["planned_on"], planned_amount=t["planned_amount"])
        for number, t in enumerate(tranches, start=1)
    )
    record(manager, "fund.grant_created", grant, government=application.government, application=application.pk,
           amount=str(grant.amount), currency=grant.currency, tranches=len(tranches))
    notify_government(application.government, "fund.grant_created", url=applicant_url(grant),
                      round=str(application.round.t.name), amount=str(grant.amount), currency=grant.currency)
    return grant


def applicant_url(grant):
    return reverse("fund_workspace:government_grant", args=[grant.application.government.slug, grant.pk])


# Payments --------------------------------------------------------------------------------------------------------


@transaction.atomic
def record_payment(tranche, manager, paid_on, paid_amount):
    """Record what was paid for a tranche and when (a correction replaces the previous figures, logged)."""
    require_fund_manager(manager)
    locked = Tranche.objects.select_for_update(of=("self",)).select_related("grant__application__round")
    tranche = locked.get(pk=tranche.pk)
    paid_amount = Decimal(paid_amount)
    if paid_amount <= 0:
        raise GrantError(_("The amount paid must be above zero."), field="paid_amount")
    grant = tranche.grant
    others = grant.tranches.exclude(pk=tranche.pk).aggregate(total=Sum("paid_amount"))["total"] or Decimal(0)
    if others + paid_amount > grant.amount:
        raise GrantError(_("Payments would add up to more than the grant (%(amount)s %(currency)s).") % {
            "amount": _money(grant.amount), "currency": grant.currency}, field="paid_amount")
    if paid_on > timezone.localdate():
        raise GrantError(_("A payment cannot be dated in the future."), field="paid_on")
    previous = (tranche.paid_on, tranche.paid_amount)
    tranche.paid_on, tranche.paid_amount = paid_on, paid_amount
    tranche.save(update_fields=["paid_on", "paid_amount"])
    record(manager, "fund.payment_recorded", grant, government=grant.application.government, tranche=tranche.number,
           paid_on=paid_on.isoformat(), paid_amount=str(paid_amount),
           corrected=previous[0] is not None, previous_amount=str(previous[1]) if previous[1] is not None else None)
    notify_government(grant.application.government, "fund.payment_recorded", url=applicant_url(grant),
                      round=str(grant.application.round.t.name), amount=str(paid_amount), currency=grant.currency,
                      date=paid_on.isoformat())
    return tranche


def tranche_totals(grant):
    """{"planned": …, "paid": …} over the grant's tranches."""
    totals = grant.tranches.aggregate(planned=Sum("planned_amount"), paid=Sum("paid_amount"))
    return {key: value or Decimal(0) for key, value in totals.items()}


# Reports ---------------------------------------------------------------------------------------------------------


def target_groups():
    """The target groups a report may count people in (the same vocabulary as pledges)."""
    return Term.objects.filter(vocabulary_id=Vocabulary.TARGET_GROUPS, is_active=True).order_by("position", "key")


def due_dates(grant):
    """Every date a report is due, in order: each interval from the start, and the end of the grant."""
    dates, k = [], 1
    while (day := add_months(grant.starts_on, k * grant.reporting_interval_months)) < grant.ends_on:
        dates.append(day)
        k += 1
    dates.append(grant.ends_on)
    return dates


@dataclass(frozen=True)
class ReportDue:
    """One due date of a grant and where it stands on a day: "received", "overdue", "due" or "upcoming"."""

    due_on: date
    status: str
    report: GrantReport | None = None


def reports_due(grant, today, reports=None):
    """The grant's due dates with their status on `today`; `reports` (submitted, any order) saves a query."""
    if reports is None:
        reports = list(grant.reports.filter(submitted_at__isnull=False))
    rows = []
    for due_on in due_dates(grant):
        covering = sorted((r for r in reports if r.period_end >= due_on), key=lambda r: r.period_end)
        if covering:
            rows.append(ReportDue(due_on, "received", covering[0]))
        elif today > due_on:
            rows.append(ReportDue(due_on, OVERDUE))
        elif today >= due_on - timedelta(days=DUE_WINDOW_DAYS):
            rows.append(ReportDue(due_on, DUE))
        else:
            rows.append(ReportDue(due_on, "upcoming"))
    return rows


@dataclass(frozen=True)
class GrantDueState:
    """The grant's reporting status on a day, for the badge: overdue since the first unmet past date, else due
    by (or on time for) the next one."""

    status: str
    due_on: date

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def due_state(grant, today, reports=None):
    """The GrantDueState on `today`, or None once every due date is met."""
    for row in reports_due(grant, today, reports):
        if row.status == OVERDUE:
            return GrantDueState(OVERDUE, row.due_on)
        if row.status in (DUE, "upcoming"):
            return GrantDueState(DUE if row.status == DUE else ON_TIME, row.due_on)
    return None


def next_period_end(grant, today):
    """The period a new report should most likely cover: the first unmet due date."""
    for row in reports_due(grant, today):
        if row.status != "received":
            return row.due_on
    return grant.ends_on


def _check_rows(grant, reach, spending):
    groups = [row["target_group"] for row in reach]
    if len(set(g.pk for g in groups)) != len(groups):
        raise GrantError(_("Count each target group once."))
    allowed = set(target_groups().values_list("pk", flat=True)) | set(
        ReportReach.objects.filter(report__grant=grant).values_list("target_group_id", flat=True))
    if any(g.pk not in allowed for g in groups):
        raise GrantError(_("People are counted only in the target groups offered."))
    lines = [row["budget_line"] for row in spending]
    if len(set(line.pk for line in lines)) != len(lines):
        raise GrantError(_("Report each budget line once."))
    own = set(BudgetLine.objects.filter(application=grant.application_id).values_list("pk", flat=True))
    if any(line.pk not in own for line in lines):
        raise GrantError(_("Spending is reported only on the budget lines of this grant’s proposal."))
    if any(row["amount_spent"] < 0 for row in spending) or any(row["people_reached"] < 0 for row in reach):
        raise GrantError(_("Figures cannot be negative."))


@transaction.atomic
def submit_report(grant, member, *, period_end, language, narrative, reach=(), spending=()):
    """A member of the grantee government submits the report for the period ending on `period_end`: the
    narrative in `language`, people reached per target group (dicts: target_group, people_reached,
    people_target) and spending per budget line (dicts: budget_line, amount_spent)."""
    require_membership(member, grant.application.government)
    grant = Grant.objects.select_for_update(of=("self",)).select_related(
        "application__round", "application__government").get(pk=grant.pk)
    if not narrative.strip():
        raise GrantError(_("Tell what was done in the period."), field="narrative")
    if period_end <= grant.starts_on:
        raise GrantError(_("The period must end after the grant started."), field="period_end")
    if grant.reports.filter(period_end=period_end).exists():
        raise GrantError(_("A report for the period ending on this date was already submitted."), field="period_end")
    if language not in dict(GrantReport._meta.get_field("original_language").choices):
        raise GrantError(_("Choose the language of the report."), field="language")
    reach, spending = list(reach), list(spending)
    _check_rows(grant, reach, spending)
    report = GrantReport(grant=grant, period_end=period_end, original_language=language, submitted_by=member,
                         submitted_at=timezone.now())
    setattr(report, f"narrative_{language}", narrative.strip())
    report.save()
    ReportReach.objects.bulk_create(ReportReach(report=report, **row) for row in reach)
    ReportSpending.objects.bulk_create(ReportSpending(report=report, **row) for row in spending)
    record(member, "fund.report_submitted", grant, government=grant.application.government, report=report.pk,
           period_end=period_end.isoformat(), groups=len(reach), lines=len(spending))
    _notify_report(grant, member, report)
    return report


def _notify_report(grant, member, report):
    round_name = str(grant.application.round.t.name)
    context = {"round": round_name, "date": report.period_end.isoformat()}
    notify_government(grant.application.government, "fund.report_submitted", url=applicant_url(grant),
                      exclude=member, **context)
    manager = grant.created_by
    if manager is not None and manager.has_role(Roles.FUND_MANAGER):
        notify(manager, "fund.report_received", url=reverse("fund_workspace:grant", args=[grant.pk]),
               government=grant.application.government.name, **context)


def report_tables(grant):
    """What the grant's detail pages show of its reports: each submitted report with its reach and spending
    rows, and per budget line the amount asked and the total spent so far."""
    reports = list(grant.reports.filter(submitted_at__isnull=False).prefetch_related(
        "reach__target_group", "spending__budget_line").order_by("period_end"))
    spent = defaultdict(Decimal)
    for report in reports:
        for row in report.spending.all():
            spent[row.budget_line_id] += row.amount_spent
    lines = [(line, spent.get(line.pk, Decimal(0))) for line in grant.application.budget_lines.all()]
    totals = (sum((line.amount for line, _s in lines), Decimal(0)), sum((s for _l, s in lines), Decimal(0)))
    return {"reports": reports, "budget": lines, "budget_totals": totals}


# The public figures -------------------------------------------------------------------------------------------------


def people_figures(grants):
    """[(target group, reached, target or None)] over the grants' submitted reports, and the totals
    (reached, target), following the module's rules for targets."""
    rows = (ReportReach.objects.filter(report__grant__in=grants, report__submitted_at__isnull=False)
            .order_by("report__period_end", "report_id")
            .values_list("report__grant_id", "target_group_id", "people_reached", "people_target"))
    reached, latest_target = defaultdict(int), {}
    for grant_id, group, people, target in rows:
        reached[group] += people
        if target is not None:
            latest_target[(grant_id, group)] = target  # later reports overwrite earlier ones
    targets = defaultdict(int)
    for (_grant, group), value in latest_target.items():
        targets[group] += value
    terms = Term.objects.in_bulk(list(reached))
    table = sorted(((terms[g], reached[g], targets.get(g)) for g in reached), key=lambda r: (r[0].position, r[0].key))
    return table, (sum(reached.values()), sum(targets.values()))


def by_the_numbers(grants=None):
    """The Fund's public figures from public grants: counts, amount per currency and people reached vs target."""
    grants = Grant.objects.public() if grants is None else grants
    counts = grants.aggregate(
        grants=Count("pk"), cities=Count("application__government", distinct=True),
        countries=Count("application__government__country", distinct=True),
    )
    amounts = list(grants.order_by().values("currency").annotate(total=Sum("amount")).order_by("currency"))
    people, totals = people_figures(grants)
    return {**counts, "amounts": amounts, "people": people, "reached": totals[0], "target": totals[1]}
