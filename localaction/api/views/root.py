"""The API's entry point and its OpenAPI document."""
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from localaction.core.translation import LANGUAGE_CODES

from ..schema import LICENSE, read_responses, schema_settings
from .base import ReadMixin

ENDPOINTS = {
    "actions": "api:action-list",
    "progress_updates": "api:progress-update-list",
    "governments": "api:government-list",
    "endorsements": "api:endorsement-list",
    "campaigns": "api:campaign-list",
    "gcm_objectives": "api:gcm-objective-list",
    "guiding_principles": "api:guiding-principle-list",
    "gcr_objectives": "api:gcr-objective-list",
    "gcr_areas": "api:gcr-area-list",
    "sdgs": "api:sdg-list",
    "regions": "api:region-list",
    "countries": "api:country-list",
    "vocabularies": "api:vocabulary-list",
    "statistics": "api:statistics",
    "schema": "api:schema",
}
URI = {"type": "string", "format": "uri"}
ROOT_SCHEMA = {
    "type": "object",
    "properties": {
        **{name: URI for name in ENDPOINTS},
        "documentation": {"type": "object", "properties": {code: URI for code in LANGUAGE_CODES}},
        "license": {"type": "object", "properties": {"name": {"type": "string"}, "url": URI}, "required": ["name", "url"]},
    },
    "required": [*ENDPOINTS, "documentation", "license"],
}


def documentation_urls(request):
    """The documentation page in each language."""
    urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls[code] = request.build_absolute_uri(reverse("api_docs:index"))
    return urls


class Root(ReadMixin, GenericAPIView):
    """Links to every list, the OpenAPI document, the documentation and the licence."""

    tag = "api"
    pagination_class = None

    @extend_schema(
        summary=_("Entry point"),
        description=_("Links to every list of the API, its OpenAPI document, its documentation and the licence."),
        responses=read_responses(OpenApiResponse(ROOT_SCHEMA, description=_("The API's links.")), not_found=False),
    )
    def get(self, request, *args, **kwargs):
        data = {name: request.build_absolute_uri(reverse(route)) for name, route in ENDPOINTS.items()}
        data["documentation"] = documentation_urls(request)
        data["license"] = dict(LICENSE)
        return Response(data)


class Schema(ReadMixin, SpectacularAPIView):
    """The OpenAPI 3 document, in YAML (the default) or JSON (?format=json, or Accept: application/json)."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        language = self.language if self.language in LANGUAGE_CODES else translation.get_language()
        with translation.override(language):
            self.custom_settings = schema_settings()
            return super().get(request, *args, **kwargs)
