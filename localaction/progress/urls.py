"""Public progress URLs, under /progress/."""
from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
