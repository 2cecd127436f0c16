from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.action_list, name="list"),
    path("<str:public_id>/", views.action_detail, name="detail_short"),
    path("<str:public_id>/documents/<int:pk>/", views.document_download, name="document"),
    path("<str:public_id>/<slug:slug>/", views.action_detail, name="detail"),
]
