"""Reviewers' pages of campaigns, under /<lang>/workspace/campaigns/: the freeze, handover packages and their
files, and the "announced at" tags of actions."""
from django.urls import path

from . import workspace_views

app_name = "campaigns_workspace"

urlpatterns = [
    path("", workspace_views.campaign_list, name="list"),
    path("<slug:slug>/", workspace_views.campaign_detail, name="detail"),
    path("<slug:slug>/freeze/", workspace_views.campaign_freeze, name="freeze"),
    path("<slug:slug>/snapshot/", workspace_views.snapshot_entries, name="snapshot"),
    path("<slug:slug>/packages/", workspace_views.package_request, name="request_package"),
    path("files/<int:pk>/download/", workspace_views.file_download, name="download"),
    path("files/<int:pk>/public/", workspace_views.file_publish, name="publish"),
    path("actions/<str:public_id>/announced-at/", workspace_views.action_announced_at, name="announced_at"),
]
