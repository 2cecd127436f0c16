from django.urls import path

from . import evaluation_views as views

# Included into the fund_workspace namespace by workspace_urls.py (no app_name of its own).
urlpatterns = [
    # Evaluators.
    path("evaluations/", views.my_evaluations, name="evaluations"),
    path("evaluations/<int:pk>/", views.assignment_detail, name="assignment"),
    # Fund managers.
    path("applications/<int:pk>/evaluators/", views.assign, name="assign_evaluators"),
    path("evaluations/<int:pk>/unassign/", views.unassign, name="unassign_evaluator"),
    path("rounds/<int:pk>/ranking/", views.ranking, name="ranking"),
    path("rounds/<int:pk>/ranking.csv", views.ranking_csv, name="ranking_csv"),
]
