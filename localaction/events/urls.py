"""Public event pages, under /<lang>/events/."""
from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>.ics", views.event_calendar, name="ics"),
    path("<slug:slug>/agenda.ics", views.event_calendar, {"with_agenda": True}, name="agenda_ics"),
]
