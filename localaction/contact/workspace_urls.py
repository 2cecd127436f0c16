"""Conversations of the relay and the reviewers' pages, under /workspace/contact/."""
from django.urls import path

from . import views

app_name = "contact_workspace"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.thread, name="thread"),
    path("log/", views.log, name="log"),
    path("log/<int:pk>/", views.log_detail, name="log_detail"),
    path("log/senders/<int:user_id>/block/", views.block, name="block"),
    path("partners/", views.partners, name="partners"),
    path("partners/<int:pk>/toggle/", views.partner_toggle, name="partner_toggle"),
]
