"""Open data URLs of the downloads, the data dictionary and the data package (under /<lang>/data/)."""
from django.urls import path, re_path

from . import views
from .exporters import EXPORTERS, ActionExporter
from .renderers import RENDERERS

FORMATS = "|".join(RENDERERS)
WHOLE_SETS = "|".join(name for name in EXPORTERS if name != ActionExporter.name)

urlpatterns = [
    path("", views.index, name="index"),
    path("dictionary/", views.dictionary, name="dictionary"),
    path("datapackage.json", views.datapackage, name="datapackage"),
    re_path(rf"^actions\.(?P<format>{FORMATS})$", views.actions_download, name="actions_download"),
    re_path(rf"^(?P<resource>{WHOLE_SETS})\.(?P<format>{FORMATS})$", views.download, name="download"),
]
