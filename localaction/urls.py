"""Public pages live under a language prefix (/en/, /fr/, /es/); the admin does not."""
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # The API is versioned in its path and not under a language prefix: the language of translated fields comes
    # from ?lang= or Accept-Language.
    path("api/v1/", include("localaction.api.urls")),
    path("", include("localaction.core.health_urls")),  # GET /health/, outside the language prefix
]

urlpatterns += i18n_patterns(
    path("", include("localaction.core.urls")),
    path("actions/", include("localaction.actions.urls")),
    path("governments/", include("localaction.governments.urls")),
    path("", include("localaction.taxonomy.urls")),
    path("accounts/", include("localaction.accounts.urls")),
    path("declaration/", include("localaction.declarations.urls")),
    path("campaigns/", include("localaction.figures.urls")),
    path("campaigns/", include("localaction.campaigns.urls")),
    path("reports/", include("localaction.reports.urls")),
    # Back office: everything under /workspace/ needs a signed-in user with the right membership or role.
    path("workspace/", include("localaction.workspace.urls")),
    path("workspace/inbox/", include("localaction.notifications.urls")),
    path("workspace/governments/", include("localaction.governments.workspace_urls")),
    path("workspace/declaration/", include("localaction.declarations.workspace_urls")),
    path("workspace/actions/", include("localaction.actions.workspace_urls")),
    path("workspace/review/", include("localaction.actions.review_urls")),
    path("workspace/campaigns/", include("localaction.campaigns.workspace_urls")),
    path("workspace/reports/", include("localaction.reports.workspace_urls")),
    path("workspace/progress/", include("localaction.progress.workspace_urls")),
    path("progress/", include("localaction.progress.urls")),
    path("insights/", include("localaction.insights.urls")),
    # Open data: downloads, feeds, data dictionary, archive, API documentation.
    path("data/api/", include("localaction.api.docs_urls")),
    path("data/", include("localaction.opendata.urls")),
    path("workspace/api-tokens/", include("localaction.api.workspace_urls")),
    path("fund/", include("localaction.fund.urls")),
    path("workspace/fund/", include("localaction.fund.workspace_urls")),
    path("events/", include("localaction.events.urls")),
    path("workspace/events/", include("localaction.events.workspace_urls")),
    path("contact/", include("localaction.contact.urls")),
    path("workspace/contact/", include("localaction.contact.workspace_urls")),
    path("resources/", include("localaction.resources.urls")),
    path("workspace/resources/", include("localaction.resources.workspace_urls")),
    path("share/", include("localaction.sharing.urls")),
    path("workspace/imports/", include("localaction.imports.workspace_urls")),
    prefix_default_language=True,
)


handler404 = "localaction.core.errors.not_found"
