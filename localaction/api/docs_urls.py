from django.urls import path

from . import docs_views

app_name = "api_docs"

urlpatterns = [
    path("", docs_views.index, name="index"),
]
