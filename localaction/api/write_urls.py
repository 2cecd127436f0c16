"""The workspace (write) endpoints, under /api/v1/workspace/, in the "api" namespace. Token authentication only.

Path parameters are plain strings checked by the views, so a malformed id gets the API's JSON 404 rather than
the site's HTML page."""
from django.urls import path

from . import write_views as views

urlpatterns = [
    path("workspace/governments/", views.GovernmentList.as_view(), name="workspace-government-list"),
    path("workspace/actions/", views.ActionList.as_view(), name="workspace-action-list"),
    path("workspace/actions/<str:public_id>/", views.ActionDetail.as_view(), name="workspace-action-detail"),
    path("workspace/actions/<str:public_id>/submit/", views.ActionSubmit.as_view(), name="workspace-action-submit"),
    path(
        "workspace/actions/<str:public_id>/withdraw/", views.ActionWithdraw.as_view(), name="workspace-action-withdraw"
    ),
    path("workspace/actions/<str:public_id>/revise/", views.ActionRevise.as_view(), name="workspace-action-revise"),
    path("workspace/actions/<str:public_id>/progress/", views.ProgressList.as_view(), name="workspace-progress-list"),
    path("workspace/progress/<str:update_id>/", views.ProgressDetail.as_view(), name="workspace-progress-detail"),
    path(
        "workspace/progress/<str:update_id>/submit/", views.ProgressSubmit.as_view(), name="workspace-progress-submit"
    ),
    path(
        "workspace/progress/<str:update_id>/withdraw/", views.ProgressWithdraw.as_view(),
        name="workspace-progress-withdraw",
    ),
]
