"""The map and the insights pages, each part in its own module."""
from django.urls import include, path

app_name = "insights"

urlpatterns = [
    path("", include("localaction.insights.map_urls")),
    path("", include("localaction.insights.chart_urls")),
]
