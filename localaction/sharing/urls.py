"""Public sharing URLs, under /<lang>/share/: share images and embeddable widgets."""
from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("images/site/<str:version>.png", views.site_image, name="site_image"),
    path("images/actions/<str:public_id>/<str:version>.png", views.action_image, name="action_image"),
    path("images/governments/<slug:slug>/<str:version>.png", views.government_image, name="government_image"),
    path("widgets/governments/<slug:slug>/", views.government_widget, name="government_widget"),
    path("widgets/governments/<slug:slug>/snippet.html", views.government_snippet, name="government_snippet"),
]
