"""Reviewers' pages of the resource library, under /<lang>/workspace/resources/."""
from django.urls import path

from . import workspace_views

app_name = "resources_workspace"

urlpatterns = [
    path("", workspace_views.resource_list, name="list"),
    path("new/", workspace_views.resource_create, name="create"),
    path("<int:pk>/", workspace_views.resource_edit, name="edit"),
    path("<int:pk>/publish/", workspace_views.resource_publish, name="publish"),
    path("<int:pk>/delete/", workspace_views.resource_delete, name="delete"),
]
