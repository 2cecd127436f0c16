"""Public pages of the resource library, under /<lang>/resources/."""
from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("", views.resource_list, name="list"),
    path("resources.csv", views.resource_csv, name="csv"),
    path("<int:pk>/", views.resource_detail, name="detail"),
    path("<int:pk>/file/", views.resource_file, name="file"),
]
