"""Back office of reports, under /<lang>/workspace/reports/: reviewers' annual report and generated files; focal
points' certificates."""
from django.urls import path

from . import workspace_views as views

app_name = "reports_workspace"

urlpatterns = [
    path("", views.index, name="index"),
    path("editions/new/", views.edition_create, name="edition_create"),
    path("editions/<int:pk>/", views.edition_detail, name="edition"),
    path("editions/<int:pk>/build/", views.edition_build, name="edition_build"),
    path("editions/<int:pk>/publish/", views.edition_publish, name="edition_publish"),
    path("files/<int:pk>/", views.file_detail, name="file"),
    path("files/<int:pk>/download/", views.file_download, name="file_download"),
    path("certificates/<slug:slug>/", views.certificates, name="certificates"),
    path("certificates/<slug:slug>/<str:code>.pdf", views.certificate_download, name="certificate_download"),
]
