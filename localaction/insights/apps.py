from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """The world map and the insights charts: server-rendered SVG that follows the catalog's filters."""

    name = "localaction.insights"
    label = "insights"
