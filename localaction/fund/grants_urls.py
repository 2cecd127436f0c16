from django.urls import path  # noqa: F401

# Included into the fund_workspace namespace by workspace_urls.py (no app_name of its own).
urlpatterns = []
