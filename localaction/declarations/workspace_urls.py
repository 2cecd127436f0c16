from django.urls import path

from . import workspace_views as views

app_name = "declarations_workspace"

urlpatterns = [
    path("endorse/<slug:slug>/", views.endorse, name="endorse"),
    path("review/", views.queue, name="queue"),
    path("review/<int:pk>/", views.decide, name="decide"),
    path("letters/<int:pk>/", views.letter, name="letter"),
]
