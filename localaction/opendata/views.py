"""Open data pages: downloads of any catalog view and of each whole data set (streamed), the data dictionary, the
Frictionless data package, and the page that lists them all. Everything here is public and read-only."""
from array import array

from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action
from localaction.search import catalog

from . import datapackage as package
from .exporters import EXPORTERS, ActionExporter
from .renderers import LICENCE, RENDERERS, About

TYPE_NAMES = {
    "string": gettext_lazy("text"),
    "integer": gettext_lazy("whole number"),
    "number": gettext_lazy("decimal number"),
    "boolean": gettext_lazy("true or false"),
    "date": gettext_lazy("date (YYYY-MM-DD)"),
    "datetime": gettext_lazy("date and time (UTC)"),
    "list": gettext_lazy("list, separated by ;"),
    "array": gettext_lazy("JSON array"),
}


def download_path(name, extension):
    """The address of a whole data set's download (the actions' one also takes the catalog's parameters)."""
    if name == ActionExporter.name:
        return reverse("opendata:actions_download", kwargs={"format": extension})
    return reverse("opendata:download", kwargs={"resource": name, "format": extension})


def ordered_action_ids(params):
    """The catalog's results for these parameters, as database ids in the catalog page's order (newest first, or
    the requested sort): the same search index, filters and ranking, so a download holds what the page lists."""
    result = catalog.run(params, page_number=1, per_page=1)
    ranked = result.page.paginator.object_list
    action_ids = ranked.index.action_ids
    return array("q", (action_ids[position] for position in ranked.positions(0, ranked.count)))


def _in_language(chunks, language):
    # The body is written after the view returned, while the server sends it: keep the reader's language for the
    # addresses and the labels it contains.
    with translation.override(language):
        yield from chunks


def _stream(request, exporter, extension, parameters):
    renderer = RENDERERS[extension]()
    base = settings.LOCALACTION_BASE_URL
    datapackage_url = base + reverse("opendata:datapackage")
    about = About(
        source=base + request.get_full_path(), datapackage=datapackage_url,
        dictionary=base + reverse("opendata:dictionary"), parameters=parameters,
    )
    response = StreamingHttpResponse(
        _in_language(renderer.render(exporter, about), translation.get_language()), content_type=renderer.content_type
    )
    filename = f"localaction-{exporter.name}-{timezone.localdate().isoformat()}.{renderer.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE["path"]}>; rel="license", <{datapackage_url}>; rel="describedby"'
    # Written afresh on each request and possibly large: no shared cache keeps a copy.
    patch_cache_control(response, no_cache=True)
    return response


def bad_parameters(errors):
    """400 with the reasons, in the shape the API answers invalid filters: {parameter: [messages]}."""
    return JsonResponse({name: [str(message) for message in messages] for name, messages in errors.items()}, status=400)


def actions_download(request, format):
    """The actions of a catalog view (the catalog's parameters: text query, filters, sort) as CSV, XLSX or JSON;
    without parameters, every published action."""
    form = ActionFilter(request.GET, queryset=Action.objects.published()).form
    if not form.is_valid():
        return bad_parameters(form.errors)
    parameters = {name: request.GET[name] for name in form.fields if request.GET.get(name)}
    return _stream(request, ActionExporter(ordered_action_ids(request.GET)), format, parameters)


def download(request, resource, format):
    """A whole data set (governments, endorsements, progress updates, campaigns) as CSV, XLSX or JSON."""
    return _stream(request, EXPORTERS[resource](), format, {})


def datapackage(request):
    """The Frictionless data package describing each download (labels and descriptions in the page's language)."""
    base = settings.LOCALACTION_BASE_URL
    descriptor = package.descriptor(lambda name: base + download_path(name, "csv"))
    response = JsonResponse(descriptor, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Link"] = f'<{LICENCE["path"]}>; rel="license"'
    return response


def _optional_url(name):
    """The address of a page another part of the site may or may not offer."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def index(request):
    """The open data page: every download in each format, the feeds, the API, the archive, the licence."""
    resources = [
        {
            "name": name, "title": exporter.title, "description": exporter.description,
            "links": [(extension.upper(), download_path(name, extension)) for extension in RENDERERS],
        }
        for name, exporter in EXPORTERS.items()
    ]
    return render(request, "opendata/index.html", {
        "resources": resources,
        "licence": LICENCE,
        "feed_url": _optional_url("opendata:actions_feed"),
        "api_docs_url": _optional_url("api_docs:index"),
        "api_schema_url": _optional_url("api:schema"),
        "archive_url": _optional_url("opendata:archive"),
        "citation_url": settings.LOCALACTION_BASE_URL + reverse("opendata:index"),
    })


def dictionary(request):
    """The data dictionary: every download, every column with its key, type and description."""
    resources = [
        {
            "name": name, "title": exporter.title, "description": exporter.description,
            "primary_key": exporter.primary_key, "csv_url": download_path(name, "csv"),
            "columns": [
                {"column": column, "type_name": TYPE_NAMES[column.type]} for column in exporter.columns
            ],
        }
        for name, exporter in EXPORTERS.items()
    ]
    return render(request, "opendata/dictionary.html", {"resources": resources, "licence": LICENCE})
