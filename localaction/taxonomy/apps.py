from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "localaction.taxonomy"
