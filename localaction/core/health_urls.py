"""The health check sits outside the language prefix: monitors ask for one fixed path and get JSON, not a redirect."""
from django.urls import path

from . import health

urlpatterns = [
    path("health/", health.health, name="health"),
]
