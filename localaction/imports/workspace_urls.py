"""Bulk import (reviewers) and the offline action template (members of a government), under /workspace/imports/."""
from django.urls import path

from . import workspace_views as views

app_name = "imports"

urlpatterns = [
    path("", views.batch_list, name="batches"),
    path("upload/", views.batch_upload, name="upload"),
    path("<int:pk>/", views.batch_detail, name="batch"),
    path("<int:pk>/mapping/", views.batch_mapping, name="mapping"),
    path("<int:pk>/confirm/", views.batch_confirm, name="confirm"),
    path("template/<slug:government_slug>/", views.template_page, name="template"),
    path("template/<slug:government_slug>/download/", views.template_download, name="template_download"),
    path("export/<str:public_id>/", views.template_export, name="template_export"),
]
