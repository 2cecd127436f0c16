from django.urls import path

from . import views

app_name = "governments"

urlpatterns = [
    path("", views.government_list, name="list"),
    path("<slug:slug>/", views.government_detail, name="detail"),
]
