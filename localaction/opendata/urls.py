"""Open data pages, each part in its own module: downloads and the data dictionary, feeds, the archive."""
from django.urls import include, path

app_name = "opendata"

urlpatterns = [
    path("", include("localaction.opendata.download_urls")),
    path("", include("localaction.opendata.feed_urls")),
    path("", include("localaction.opendata.archive_urls")),
]
