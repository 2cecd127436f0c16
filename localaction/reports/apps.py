from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Generated files: handover packages, annual reports, certificates — built by jobs, stored, listed."""

    name = "localaction.reports"
    label = "reports"
