from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "localaction.accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_session

        user_logged_in.connect(start_session, dispatch_uid="accounts.start_session")
