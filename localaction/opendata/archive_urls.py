from django.urls import path

from . import archive_views

urlpatterns = [
    path("archive/", archive_views.archive, name="archive"),
    path("archive.sha256", archive_views.archive_checksum, name="archive_checksum"),
]
