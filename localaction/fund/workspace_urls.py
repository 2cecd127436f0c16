from django.urls import include, path

from . import workspace_views as views

app_name = "fund_workspace"

urlpatterns = [
    # Fund managers.
    path("rounds/", views.rounds, name="rounds"),
    path("rounds/new/", views.round_edit, name="round_create"),
    path("rounds/<int:pk>/", views.round_edit, name="round_edit"),
    path("applications/", views.applications, name="applications"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/decide/", views.decide, name="decide"),
    path("applications/<int:pk>/deadline/", views.override_deadline, name="override"),
    # Evaluation (evaluation_urls.py) and grants (grants_urls.py) share this namespace.
    path("", include("localaction.fund.evaluation_urls")),
    path("", include("localaction.fund.grants_urls")),
    # Applicants: members of the government.
    path("<slug:slug>/", views.government_home, name="government"),
    path("<slug:slug>/rounds/<int:round_pk>/start/", views.start, name="start"),
    path("<slug:slug>/applications/<int:pk>/", views.answer, name="answer"),
    path("<slug:slug>/applications/<int:pk>/budget/", views.budget, name="budget"),
]
