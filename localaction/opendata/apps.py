from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Open data: streamed downloads of any catalog view, Atom feeds, the data dictionary and the archive."""

    name = "localaction.opendata"
    label = "opendata"
