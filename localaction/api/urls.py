"""/api/v1/: the read endpoints (public) and, from write_urls, the members' workspace endpoints. Path parameters
are plain strings checked by the views, so a malformed key gets the API's JSON 404, not the site's HTML page."""
from django.urls import include, path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.Root.as_view(), name="root"),
    path("schema/", views.Schema.as_view(), name="schema"),
    path("actions/", views.ActionList.as_view(), name="action-list"),
    path("actions/<str:public_id>/", views.ActionDetail.as_view(), name="action-detail"),
    path("progress-updates/", views.ProgressUpdateList.as_view(), name="progress-update-list"),
    path("governments/", views.GovernmentList.as_view(), name="government-list"),
    path("governments/<str:slug>/", views.GovernmentDetail.as_view(), name="government-detail"),
    path("endorsements/", views.EndorsementList.as_view(), name="endorsement-list"),
    path("campaigns/", views.CampaignList.as_view(), name="campaign-list"),
    path("campaigns/<str:slug>/", views.CampaignDetail.as_view(), name="campaign-detail"),
    path("taxonomies/gcm-objectives/", views.GCMObjectiveList.as_view(), name="gcm-objective-list"),
    path("taxonomies/guiding-principles/", views.GuidingPrincipleList.as_view(), name="guiding-principle-list"),
    path("taxonomies/gcr-objectives/", views.GCRObjectiveList.as_view(), name="gcr-objective-list"),
    path("taxonomies/gcr-areas/", views.GCRAreaList.as_view(), name="gcr-area-list"),
    path("taxonomies/sdgs/", views.SDGList.as_view(), name="sdg-list"),
    path("taxonomies/regions/", views.RegionList.as_view(), name="region-list"),
    path("taxonomies/countries/", views.CountryList.as_view(), name="country-list"),
    path("taxonomies/vocabularies/", views.VocabularyList.as_view(), name="vocabulary-list"),
    path("statistics/", views.Statistics.as_view(), name="statistics"),
    path("", include("localaction.api.write_urls")),
]
