"""Public downloads of the handover packages reviewers chose to publish, under /<lang>/campaigns/<slug>/files/.
(The campaign page itself is the figures app's, at /<lang>/campaigns/<slug>/.)"""
from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("<slug:slug>/files/<int:pk>/", views.public_file, name="file"),
]
