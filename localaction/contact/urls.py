"""Writing to a government from one of its action pages, under /contact/."""
from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("actions/<str:public_id>/", views.contact_new, name="new"),
]
