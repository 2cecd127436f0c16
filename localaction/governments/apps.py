from django.apps import AppConfig


class GovernmentsConfig(AppConfig):
    name = "localaction.governments"
