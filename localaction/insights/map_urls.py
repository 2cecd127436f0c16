"""The world map (helper of insights/urls.py, which also includes the charts)."""
from django.urls import path

from . import map_views

urlpatterns = [
    path("map/", map_views.map_page, name="map"),
]
