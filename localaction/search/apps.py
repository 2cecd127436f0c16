from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "localaction.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # The index follows every write to what it holds (services, admin, fixtures), see signals.py.
        from . import signals

        signals.connect()
