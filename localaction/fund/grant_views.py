"""Grants in the Fund's workspace: fund managers create them from awards and record payments; the grantee
government's members read theirs and submit reports."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.governments.access import get_government_for_member

from . import grants
from .grant_forms import GrantForm, PaymentForm, ReachRows, ReportForm, SpendingRows, TrancheFormSet, filled_rows
from .models import Application, Grant, GrantReport, Stage, Tranche


def _with_states(queryset):
    """The grants with their paid total and their reporting status today (`due`), in two queries."""
    today = timezone.localdate()
    submitted = GrantReport.objects.filter(submitted_at__isnull=False)
    listed = list(queryset.for_listing().annotate(paid=Sum("tranches__paid_amount")).prefetch_related(
        Prefetch("reports", queryset=submitted, to_attr="submitted_reports")))
    for grant in listed:
        grant.due = grants.due_state(grant, today, grant.submitted_reports)
    return listed


def _show_error(form, error):
    form.add_error(error.field if error.field in form.fields else None, str(error))


# Fund managers -----------------------------------------------------------------------------------------------------


@role_required(Roles.FUND_MANAGER)
def grant_list(request):
    """Every grant, with its payments and whether a report is due or overdue."""
    return render(request, "fund/workspace/grants/grant_list.html", {"grants": _with_states(Grant.objects.all())})


def _grant_initial(application):
    round_ = application.round
    asked = sum(line.amount for line in application.budget_lines.all())
    starts_on = timezone.localdate()
    return {
        "amount": min(max(asked, round_.grant_min), round_.grant_max), "currency": round_.currency,
        "pledge": application.pledge_id, "starts_on": starts_on,
        "ends_on": grants.add_months(starts_on, round_.duration_months), "reporting_interval_months": 6,
    }


@role_required(Roles.FUND_MANAGER)
@require_http_methods(["GET", "POST"])
def grant_create(request, pk):
    """The grant of an awarded application: its terms and planned tranches on one page."""
    application = get_object_or_404(Application.objects.for_listing(), pk=pk)
    existing = Grant.objects.filter(application=application).first()
    if existing is not None:
        return redirect("fund_workspace:grant", pk=existing.pk)
    if application.stage != Stage.AWARDED:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = GrantForm(data, initial=_grant_initial(application), pledges=grants.eligible_pledges(application.government))
    tranches = TrancheFormSet(data, prefix="tranches")
    if data is not None and form.is_valid() and tranches.is_valid():
        try:
            grant = grants.create_grant(application, request.user, **form.cleaned_data, tranches=filled_rows(tranches))
        except grants.GrantError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The grant is created and the government is told."))
            return redirect("fund_workspace:grant", pk=grant.pk)
    context = {"application": application, "form": form, "tranches": tranches}
    return render(request, "fund/workspace/grants/grant_create.html", context)


def _detail_context(grant):
    today = timezone.localdate()
    reports = list(grant.reports.filter(submitted_at__isnull=False))
    return {
        "grant": grant, "application": grant.application, "tranches": grant.tranches.all(),
        "totals": grants.tranche_totals(grant), "schedule": grants.reports_due(grant, today, reports),
        "due": grants.due_state(grant, today, reports), **grants.report_tables(grant),
    }


def _manager_grant(pk):
    return get_object_or_404(Grant.objects.for_listing(), pk=pk)


def _payment_form(tranche):
    """A tranche's payment form, filled with what was paid or else what was planned."""
    return PaymentForm(prefix=f"t{tranche.pk}", initial={
        "paid_on": tranche.paid_on or timezone.localdate(),
        "paid_amount": tranche.paid_amount or tranche.planned_amount,
    })


@role_required(Roles.FUND_MANAGER)
def grant_detail(request, pk, payment_forms=None, status=200):
    """The grant as the Fund runs it: tranches planned and paid (with a payment form for each), reports."""
    grant = _manager_grant(pk)
    context = _detail_context(grant)
    payment_forms = payment_forms or {}
    context["tranche_rows"] = [
        (tranche, payment_forms.get(tranche.pk) or _payment_form(tranche)) for tranche in context["tranches"]
    ]
    return render(request, "fund/workspace/grants/grant_detail.html", context, status=status)


@role_required(Roles.FUND_MANAGER)
@require_POST
def record_payment(request, pk, tranche_pk):
    """Record (or correct) what was paid for one tranche."""
    tranche = get_object_or_404(Tranche, pk=tranche_pk, grant_id=pk)
    form = PaymentForm(request.POST, prefix=f"t{tranche.pk}")
    if form.is_valid():
        try:
            grants.record_payment(tranche, request.user, form.cleaned_data["paid_on"], form.cleaned_data["paid_amount"])
        except grants.GrantError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The payment is recorded."))
            return redirect("fund_workspace:grant", pk=pk)
    return grant_detail(request, pk, payment_forms={tranche.pk: form}, status=400)


# The grantee government's members -------------------------------------------------------------------------------------


def _member_grant(request, slug, pk):
    government, _membership = get_government_for_member(request, slug)
    return government, get_object_or_404(Grant.objects.for_listing(), pk=pk, application__government=government)


@login_required
def government_grants(request, slug):
    """The government's grants and their reporting status."""
    government, _membership = get_government_for_member(request, slug)
    listed = _with_states(Grant.objects.filter(application__government=government))
    return render(request, "fund/workspace/grants/government_grants.html", {"government": government, "grants": listed})


@login_required
def government_grant(request, slug, pk):
    """One of the government's grants: payments received, reports due and submitted."""
    government, grant = _member_grant(request, slug, pk)
    context = {"government": government, **_detail_context(grant)}
    return render(request, "fund/workspace/grants/government_grant.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def grant_report(request, slug, pk):
    """The grant report form: narrative, people reached per target group, spending per budget line."""
    government, grant = _member_grant(request, slug, pk)
    data = request.POST if request.method == "POST" else None
    form = ReportForm(data, initial={"period_end": grants.next_period_end(grant, timezone.localdate()),
                                     "language": grant.application.language})
    reach = ReachRows(data, prefix="reach", form_kwargs={"groups": grants.target_groups()})
    lines = grant.application.budget_lines.all()
    spending = SpendingRows(data, prefix="spending", form_kwargs={"lines": lines})
    if data is not None and form.is_valid() and reach.is_valid() and spending.is_valid():
        try:
            grants.submit_report(grant, request.user, **form.cleaned_data,
                                 reach=filled_rows(reach), spending=filled_rows(spending))
        except grants.GrantError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Your report is submitted. Thank you."))
            return redirect("fund_workspace:government_grant", slug=government.slug, pk=grant.pk)
    return render(request, "fund/workspace/grants/report_form.html", {
        "government": government, "grant": grant, "form": form, "reach": reach, "spending": spending,
        "has_budget": lines.exists(),
    })
