"""The action editor and joint-pledge invitations, under /workspace/actions/."""
from django.urls import path

from . import workspace_views as views

app_name = "actions_workspace"

urlpatterns = [
    path("new/<slug:government_slug>/", views.action_create, name="create"),
    path("co-pledges/", views.copledge_invitations, name="copledge_invitations"),
    path("co-pledges/<int:pk>/answer/", views.copledge_answer, name="copledge_answer"),
    path("<str:public_id>/", views.action_detail, name="detail"),
    path("<str:public_id>/edit/", views.action_resume, name="resume"),
    path("<str:public_id>/edit/<slug:step>/", views.action_edit, name="edit"),
    path("<str:public_id>/revise/", views.action_revise, name="revise"),
    path("<str:public_id>/submit/", views.action_submit, name="submit"),
    path("<str:public_id>/withdraw/", views.action_withdraw, name="withdraw"),
    path("<str:public_id>/documents/<int:pk>/", views.document_download, name="document"),
    path("<str:public_id>/co-pledgers/invite/", views.copledge_invite, name="copledge_invite"),
    path("<str:public_id>/co-pledgers/<int:pk>/remove/", views.copledge_remove, name="copledge_remove"),
]
