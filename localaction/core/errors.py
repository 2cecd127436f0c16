"""Site-wide error handlers. A path under /api/ that matches no URL answers in JSON, as the API's own 404s do, so
API clients never have to parse an HTML page."""
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found


def not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return page_not_found(request, exception)
