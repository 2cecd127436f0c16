"""Public figures pages, under /<lang>/campaigns/."""
from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("<slug:slug>/", views.campaign_detail, name="campaign"),
]
