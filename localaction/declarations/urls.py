from django.urls import path

from . import views

app_name = "declarations"

urlpatterns = [
    path("", views.signatories, name="signatories"),
]
