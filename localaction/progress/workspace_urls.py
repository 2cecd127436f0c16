"""Progress updates in the back office, under /workspace/progress/: the owners' pages and the reviewers'."""
from django.urls import path

from . import reminder_views
from . import workspace_views as views

app_name = "progress_workspace"

urlpatterns = [
    path("pledges/<str:public_id>/", views.update_list, name="list"),
    path("pledges/<str:public_id>/new/", views.update_new, name="new"),
    path("pledges/<str:public_id>/practice/", views.show_as_practice, name="practice"),
    path("updates/<int:pk>/edit/", views.update_edit, name="edit"),
    path("updates/<int:pk>/submit/", views.update_submit, name="submit"),
    path("updates/<int:pk>/withdraw/", views.update_withdraw, name="withdraw"),
    path("updates/<int:pk>/discard/", views.update_discard, name="discard"),
    path("review/", views.review_queue, name="queue"),
    path("review/<int:pk>/", views.review_detail, name="review"),
    path("review/<int:pk>/decide/", views.review_decide, name="decide"),
    path("reminders/<slug:slug>/", reminder_views.reminder_list, name="reminders"),
]
