"""The project's URLs plus /bench/minimal/: a Django view returning a fixed page, through the same middleware,
as the yardstick for the catalog's throughput. Loaded only by bench/settings.py."""
from django.http import HttpResponse
from django.urls import path

from localaction.urls import urlpatterns as project_urlpatterns

PAGE = b"<!DOCTYPE html><html lang=en><title>Minimal</title><p>A fixed page.</p></html>"


def minimal(request):
    return HttpResponse(PAGE)


urlpatterns = [path("bench/minimal/", minimal), *project_urlpatterns]
