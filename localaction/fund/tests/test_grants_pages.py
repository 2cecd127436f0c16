"""The grants' pages as a fund manager and a grantee's members use them."""
import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.fund import grants
from localaction.fund.models import Grant, GrantReport, Stage, Tranche
from localaction.taxonomy.models import Term

from .factories import ApplicationFactory, GrantFactory, GrantReportFactory, RoundFactory

pytestmark = pytest.mark.django_db


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def grant_data(**overrides):
    return {"amount": "30000", "currency": "USD", "pledge": "", "starts_on": "2026-01-01", "ends_on": "2026-12-31",
            "reporting_interval_months": "6", **management("tranches", 3),
            "tranches-0-planned_on": "2026-01-15", "tranches-0-planned_amount": "20000",
            "tranches-1-planned_on": "2026-07-01", "tranches-1-planned_amount": "10000", **overrides}


@pytest.fixture
def awarded(personas):
    pledge = ActionFactory(government=personas.government_a, kind=Action.Kind.PLEDGE, published=True, title_en="Schools for all")
    return ApplicationFactory(round=RoundFactory(grant_min=10000, grant_max=50000), government=personas.government_a,
                              stage=Stage.AWARDED, pledge=pledge)


def test_the_application_page_partial_offers_to_create_the_grant_then_links_to_it(personas, awarded):
    html = render_to_string("fund/workspace/grants/_for_application.html", {"application": awarded})
    assert reverse("fund_workspace:grant_create", args=[awarded.pk]) in html
    grant = GrantFactory(application=awarded)
    awarded.refresh_from_db()
    html = render_to_string("fund/workspace/grants/_for_application.html", {"application": awarded})
    assert reverse("fund_workspace:grant", args=[grant.pk]) in html
    not_awarded = ApplicationFactory(stage=Stage.UNDER_EVALUATION)
    assert "grant" not in render_to_string("fund/workspace/grants/_for_application.html", {"application": not_awarded})


def test_the_manager_creates_the_grant_with_its_tranches(client_for, awarded):
    client = client_for("fund_manager")
    url = reverse("fund_workspace:grant_create", args=[awarded.pk])
    page = client.get(url).content.decode()
    assert "Schools for all" in page  # the application's pledge is offered, pre-selected

    response = client.post(url, grant_data(pledge=str(awarded.pledge_id)))

    grant = Grant.objects.get()
    assert response.status_code == 302 and response.url == reverse("fund_workspace:grant", args=[grant.pk])
    assert [(t.number, t.planned_amount) for t in grant.tranches.all()] == [(1, 20000), (2, 10000)]
    assert client.get(url).url == response.url  # a second visit goes to the grant


def test_a_grant_outside_the_range_comes_back_with_the_error_and_the_input(client_for, awarded):
    response = client_for("fund_manager").post(reverse("fund_workspace:grant_create", args=[awarded.pk]),
                                               grant_data(amount="75000"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "The amount must be within the round’s grant range" in page
    assert 'value="75000"' in page and 'value="2026-07-01"' in page
    assert not Grant.objects.exists()


def test_tranches_above_the_grant_are_refused(client_for, awarded):
    response = client_for("fund_manager").post(reverse("fund_workspace:grant_create", args=[awarded.pk]),
                                               grant_data(**{"tranches-2-planned_on": "2026-10-01", "tranches-2-planned_amount": "1"}))
    assert "add up to more than the grant" in response.content.decode()
    assert not Grant.objects.exists()


def test_a_grant_cannot_be_created_for_an_application_not_awarded(client_for, personas):
    application = ApplicationFactory(government=personas.government_a, stage=Stage.WAITLISTED)
    assert client_for("fund_manager").get(reverse("fund_workspace:grant_create", args=[application.pk])).status_code == 404


def test_the_manager_records_a_payment_and_sees_planned_against_paid(client_for, personas):
    grant = GrantFactory(application__government=personas.government_a)
    tranche = Tranche.objects.create(grant=grant, number=1, planned_on=datetime.date(2026, 1, 15), planned_amount=12000)
    client = client_for("fund_manager")
    url = reverse("fund_workspace:record_payment", args=[grant.pk, tranche.pk])

    bad = client.post(url, {f"t{tranche.pk}-paid_on": "2026-01-20", f"t{tranche.pk}-paid_amount": "25000"})
    assert bad.status_code == 400 and "Payments would add up to more than the grant" in bad.content.decode()
    assert 'value="25000"' in bad.content.decode()

    response = client.post(url, {f"t{tranche.pk}-paid_on": "2026-01-20", f"t{tranche.pk}-paid_amount": "11500"})
    assert response.status_code == 302
    tranche.refresh_from_db()
    assert tranche.paid_amount == Decimal("11500")
    page = client.get(reverse("fund_workspace:grant", args=[grant.pk])).content.decode()
    assert "11,500.00" in page and "12,000.00" in page


def test_a_payment_on_another_grants_tranche_is_not_found(client_for, personas):
    grant, other = GrantFactory(), GrantFactory()
    tranche = Tranche.objects.create(grant=other, number=1, planned_on=datetime.date(2026, 1, 1), planned_amount=1)
    response = client_for("fund_manager").post(reverse("fund_workspace:record_payment", args=[grant.pk, tranche.pk]), {})
    assert response.status_code == 404


def test_the_grants_list_flags_overdue_reports_in_words(client_for, personas):
    GrantFactory(application__government=personas.government_a, starts_on=datetime.date(2020, 1, 1),
                 ends_on=datetime.date(2021, 1, 1))
    page = client_for("fund_manager").get(reverse("fund_workspace:grants")).content.decode()
    assert "Government A" in page
    assert "Overdue" in page and "Grant report overdue since" in page and "tag-overdue" in page


def report_data(grant, **overrides):
    line = grant.application.budget_lines.first()
    refugees = Term.objects.get(vocabulary_id="target_groups", key="refugees")
    return {"period_end": "2026-07-01", "language": "es", "narrative": "Dos escuelas abiertas.",
            **management("reach", 3), "reach-0-target_group": str(refugees.pk), "reach-0-people_reached": "150",
            "reach-0-people_target": "500", **management("spending", 3),
            "spending-0-budget_line": str(line.pk), "spending-0-amount_spent": "4000", **overrides}


@pytest.fixture
def grant_a(personas):
    grant = GrantFactory(application__government=personas.government_a)
    grant.application.budget_lines.create(category="staff", description="Two teachers", amount=12000)
    return grant


def test_a_member_submits_a_grant_report_and_reads_it_on_the_grant(client_for, personas, grant_a):
    client = client_for("editor_a")
    slug = personas.government_a.slug
    listing = client.get(reverse("fund_workspace:government_grants", args=[slug])).content.decode()
    assert reverse("fund_workspace:government_grant", args=[slug, grant_a.pk]) in listing
    form = client.get(reverse("fund_workspace:grant_report", args=[slug, grant_a.pk])).content.decode()
    assert 'value="2026-07-01"' in form  # the first report due is suggested

    response = client.post(reverse("fund_workspace:grant_report", args=[slug, grant_a.pk]), report_data(grant_a))

    assert response.status_code == 302
    assert response.url == reverse("fund_workspace:government_grant", args=[slug, grant_a.pk])
    report = GrantReport.objects.get()
    assert (report.narrative_es, report.reach.get().people_reached, report.spending.get().amount_spent) == (
        "Dos escuelas abiertas.", 150, 4000)
    page = client.get(response.url).content.decode()
    assert "Dos escuelas abiertas." in page and "4,000.00" in page and "Received" in page
    manager_page = client_for("fund_manager").get(reverse("fund_workspace:grant", args=[grant_a.pk])).content.decode()
    assert "Dos escuelas abiertas." in manager_page and ">150<" in manager_page and ">500<" in manager_page


def test_a_report_with_bad_rows_keeps_what_was_typed(client_for, personas, grant_a):
    refugees = Term.objects.get(vocabulary_id="target_groups", key="refugees")
    data = report_data(grant_a, **{"reach-1-target_group": str(refugees.pk), "reach-1-people_reached": "3"})
    response = client_for("member_a").post(
        reverse("fund_workspace:grant_report", args=[personas.government_a.slug, grant_a.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Count each target group once." in page
    assert "Dos escuelas abiertas." in page and 'value="150"' in page and 'value="4000"' in page
    assert not GrantReport.objects.exists()


def test_a_report_for_a_period_already_reported_shows_the_error_on_the_date(client_for, personas, grant_a):
    grants.submit_report(grant_a, personas.member_a, period_end=datetime.date(2026, 7, 1), language="en", narrative="x")
    response = client_for("member_a").post(
        reverse("fund_workspace:grant_report", args=[personas.government_a.slug, grant_a.pk]), report_data(grant_a))
    assert "A report for the period ending on this date was already submitted." in response.content.decode()
    assert GrantReport.objects.count() == 1


@pytest.mark.parametrize("name", ["government_grant", "grant_report"])
def test_another_governments_grant_does_not_exist_for_a_member(client_for, personas, name):
    grant = GrantFactory(application__government=personas.government_b)
    assert client_for("member_a").get(reverse(f"fund_workspace:{name}", args=[personas.government_a.slug, grant.pk])).status_code == 404
    assert client_for("member_b").get(reverse(f"fund_workspace:{name}", args=[personas.government_a.slug, grant.pk])).status_code == 404


def test_member_b_cannot_post_a_report_on_government_as_grant(client_for, personas, grant_a):
    response = client_for("member_b").post(
        reverse("fund_workspace:grant_report", args=[personas.government_a.slug, grant_a.pk]), report_data(grant_a))
    assert response.status_code == 404
    assert not GrantReport.objects.exists()


def test_the_admin_lists_grants_and_reports_for_corrections(client_for, personas):
    report = GrantReportFactory(grant__application__government=personas.government_a)
    client = client_for("admin")
    assert "Government A" in client.get(reverse("admin:fund_grant_changelist")).content.decode()
    assert client.get(reverse("admin:fund_grantreport_changelist")).status_code == 200
    assert client.get(reverse("admin:fund_grant_change", args=[report.grant.pk])).status_code == 200


def test_a_grant_without_budget_lines_is_reported_on_without_spending(client_for, personas):
    grant = GrantFactory(application__government=personas.government_a)
    url = reverse("fund_workspace:grant_report", args=[personas.government_a.slug, grant.pk])
    client = client_for("member_a")
    assert "has no budget line to report spending on" in client.get(url).content.decode()
    assert client.post(url, report_data_without_lines()).status_code == 302
    assert GrantReport.objects.get().reach.get().people_reached == 150


def report_data_without_lines():
    refugees = Term.objects.get(vocabulary_id="target_groups", key="refugees")
    return {"period_end": "2026-07-01", "language": "en", "narrative": "Two schools opened.", **management("reach", 1),
            "reach-0-target_group": str(refugees.pk), "reach-0-people_reached": "150", **management("spending", 3)}
