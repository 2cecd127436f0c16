from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "localaction.core"

    def ready(self):
        # Registers the production settings checks (run by every manage.py command and `check --deploy`).
        from . import checks  # noqa: F401
        from .page_cache import connect_signals

        connect_signals()
