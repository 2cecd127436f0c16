from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The versioned REST API (/api/v1/): read endpoints for everyone, write endpoints for members' API tokens."""

    name = "localaction.api"
    label = "api"
