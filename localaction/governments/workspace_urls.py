from django.urls import path

from . import workspace_views as views

app_name = "governments_workspace"

urlpatterns = [
    path("", views.my_governments, name="my_governments"),
    path("register/", views.register, name="register"),
    path("join/", views.join, name="join"),
    path("requests/", views.request_queue, name="requests"),
    path("requests/<int:pk>/", views.request_decide, name="request_decide"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/invite/", views.invite, name="invite"),
    path("<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("<slug:slug>/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
]
