"""Reviewers' event pages, under /<lang>/workspace/events/."""
from django.urls import path

from . import workspace_views

app_name = "events_workspace"

urlpatterns = [
    path("", workspace_views.event_list, name="list"),
    path("new/", workspace_views.event_edit, name="create"),
    path("<int:pk>/", workspace_views.event_edit, name="edit"),
    path("<int:pk>/slots/<int:slot_pk>/", workspace_views.slot_speakers, name="slot"),
]
