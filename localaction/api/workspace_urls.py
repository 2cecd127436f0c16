"""The user's API tokens, under /<lang>/workspace/api-tokens/."""
from django.urls import path

from . import token_views as views

app_name = "api_tokens"

urlpatterns = [
    path("", views.token_list, name="list"),
    path("new/", views.token_create, name="create"),
    path("<int:pk>/revoke/", views.token_revoke, name="revoke"),
]
