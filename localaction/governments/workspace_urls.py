from django.urls import path  # noqa: F401

app_name = "governments_workspace"

urlpatterns = []
