"""Site-wide error handlers. A path under /api/ that matches no URL answers in JSON, as the API's own 404s do, so
API clients never have to parse an HTML page."""
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found


def not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return page_not_found(request, exception)


def csrf_failure(request, reason=""):
    """Django's own CSRF page styles itself with inline CSS, which the Content-Security-Policy blocks: this one uses
    the site's layout and tells people what to do (a form left open too long, or cookies refused). The reason is
    logged by Django's CSRF middleware, not shown."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("CSRF check failed: reload the page and send the form again.")}, status=403)
    return render(request, "403_csrf.html", status=403)
