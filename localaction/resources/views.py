"""Public pages of the library: the list (search, facets with counts, pagination), its CSV download with the same
parameters, a resource's page, and its stored file. Everything reads through `Resource.objects.published()`."""
import csv

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from localaction.opendata.exporters import absolute_url
from localaction.opendata.renderers import neutralise

from .filters import FACETS, ResourceFilter, facets
from .models import Resource
from .uploads import CONTENT_TYPES

RELATED = ("gcm_objectives", "gcr_objectives", "sdgs")


def resource_list(request):
    filterset = ResourceFilter(request.GET)
    queryset = filterset.qs.prefetch_related(*RELATED)
    page = Paginator(queryset, settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))
    active = any(request.GET.get(name) for name in (*FACETS, "q"))
    return render(request, "resources/resource_list.html", {
        "filter": filterset, "page": page, "facets": facets(filterset), "active": active,
    })


def resource_detail(request, pk):
    resource = get_object_or_404(Resource.objects.published().prefetch_related(*RELATED), pk=pk)
    return render(request, "resources/resource_detail.html", {"resource": resource})


def resource_file(request, pk):
    """The stored file of a published resource; anything else is a 404 (uploads are never served directly)."""
    resource = get_object_or_404(Resource.objects.published().exclude(file=""), pk=pk)
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle, as_attachment=True, filename=resource.download_name,
        content_type=CONTENT_TYPES.get(resource.file_kind, "application/octet-stream"),
    )


CSV_COLUMNS = [
    "id", "page", "type", "language", "year", "title_en", "title_fr", "title_es", "summary_en", "summary_fr",
    "summary_es", "publisher", "gcm_objectives", "gcr_objectives", "sdgs", "link", "file_type",
]


def _csv_row(resource):
    link = resource.url or absolute_url(reverse("resources:file", args=[resource.pk]))
    numbers = {name: ";".join(str(item.number) for item in getattr(resource, name).all()) for name in RELATED}
    values = [
        resource.pk, absolute_url(resource.get_absolute_url()), resource.type, resource.language,
        resource.year, resource.title_en, resource.title_fr, resource.title_es, resource.summary_en,
        resource.summary_fr, resource.summary_es, resource.publisher, numbers["gcm_objectives"],
        numbers["gcr_objectives"], numbers["sdgs"], link, resource.file_kind,
    ]
    return [neutralise(value) if isinstance(value, str) else value for value in values]


def resource_csv(request):
    """The filtered list as CSV: the same parameters as the list page, every matching resource (no pages)."""
    filterset = ResourceFilter(request.GET)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="resources.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for resource in filterset.qs.prefetch_related(*RELATED):
        writer.writerow(_csv_row(resource))
    return response
