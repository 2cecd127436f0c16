from django.urls import path

from . import feed_views

urlpatterns = [
    path("actions.atom", feed_views.actions_feed, name="actions_feed"),
]
