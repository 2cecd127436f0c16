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
    path("declaration/", include("localaction.declarations.urls")),
    path("campaigns/", include("localaction.figures.urls")),
    # Back office: everything under /workspace/ needs a signed-in user with the right membership or role.
    path("workspace/", include("localaction.workspace.urls")),
    path("workspace/inbox/", include("localaction.notifications.urls")),
    path("workspace/governments/", include("localaction.governments.workspace_urls")),
    path("workspace/declaration/", include("localaction.declarations.workspace_urls")),
    path("workspace/actions/", include("localaction.actions.workspace_urls")),
    path("workspace/review/", include("localaction.actions.review_urls")),
    path("workspace/progress/", include("localaction.progress.workspace_urls")),
    path("progress/", include("localaction.progress.urls")),
    prefix_default_language=True,
)

