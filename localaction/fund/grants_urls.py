"""The grants' workspace pages; included into the fund_workspace namespace by workspace_urls.py (no app_name of
its own), before the applicants' `<slug>/` pages."""
from django.urls import path

from . import grant_views as views

urlpatterns = [
    # Fund managers.
    path("grants/", views.grant_list, name="grants"),
    path("applications/<int:pk>/grant/", views.grant_create, name="grant_create"),
    path("grants/<int:pk>/", views.grant_detail, name="grant"),
    path("grants/<int:pk>/tranches/<int:tranche_pk>/payment/", views.record_payment, name="record_payment"),
    # The grantee government's members.
    path("<slug:slug>/grants/", views.government_grants, name="government_grants"),
    path("<slug:slug>/grants/<int:pk>/", views.government_grant, name="government_grant"),
    path("<slug:slug>/grants/<int:pk>/report/", views.grant_report, name="grant_report"),
]
