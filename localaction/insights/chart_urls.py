"""The insights page, the coverage gaps and each chart's data as CSV (under /<lang>/insights/)."""
from django.urls import path

from . import chart_views

urlpatterns = [
    path("", chart_views.insights, name="index"),
    path("gaps/", chart_views.gaps, name="gaps"),
    path("charts/<slug:key>.csv", chart_views.chart_csv, name="chart_csv"),
]
