"""Public pages live under a language prefix (/en/, /fr/, /es/); the admin does not."""
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("localaction.core.urls")),
    path("actions/", include("localaction.actions.urls")),
    path("governments/", include("localaction.governments.urls")),
    path("", include("localaction.taxonomy.urls")),
    path("accounts/", include("localaction.accounts.urls")),
    prefix_default_language=True,
)

