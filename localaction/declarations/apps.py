from django.apps import AppConfig


class DeclarationsConfig(AppConfig):
    name = "localaction.declarations"
