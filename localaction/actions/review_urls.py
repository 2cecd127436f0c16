"""Back office of actions under /workspace/review/: the reviewers' queue and review pages, and each action's
history and revisions (for its owners and the reviewers)."""
from django.urls import path

from . import history_views, review_views

app_name = "review"

urlpatterns = [
    path("", review_views.review_queue, name="queue"),
    path("submissions/<str:public_id>/", review_views.review_detail, name="detail"),
    path("submissions/<str:public_id>/decide/", review_views.review_decide, name="decide"),
    path("submissions/<str:public_id>/mapping/", review_views.review_fix_mapping, name="mapping"),
    path("actions/<str:public_id>/", history_views.action_history, name="action"),
    path("actions/<str:public_id>/revisions/<int:number>/", history_views.revision_detail, name="revision"),
    path("actions/<str:public_id>/documents/<int:pk>/", history_views.document_download, name="document"),
]
