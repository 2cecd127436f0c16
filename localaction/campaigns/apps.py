from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "localaction.campaigns"
