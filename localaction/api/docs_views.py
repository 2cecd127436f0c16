"""The API's documentation page (/<lang>/data/api/): the OpenAPI document rendered on the server in the page's
language — every endpoint with its parameters, answers, fields and a curl example — after the guide (tokens,
pagination, languages, caching, rate limits, licence). No JavaScript, nothing from another host."""
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import patched_settings

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.core.translation import current_language
from localaction.governments.models import Government
from localaction.search import facets

from . import caching
from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from .schema import LICENSE, rates, schema_settings

METHODS = ("get", "post", "put", "patch", "delete")
ENUM_SHOWN = 12
CACHE_SECONDS = 600


def openapi_document(language):
    """The OpenAPI document in `language` (the active one), kept for a while per catalog version: its parameter
    values (campaigns, countries…) follow the data."""
    state = facets.read_state()
    key = f"localaction:api-docs:{caching.RELEASE}:{language}:{state.generation}:{state.version}"
    document = cache.get(key)
    if document is None:
        with patched_settings(schema_settings()):
            document = SchemaGenerator().get_schema(request=None, public=True)
        cache.set(key, document, CACHE_SECONDS)
    return document


TAG_LABELS = {
    "actions": _("Actions"), "progress": _("Progress updates"), "governments": _("Governments"),
    "declaration": _("Marrakech Mayors Declaration"), "campaigns": _("Campaigns"), "taxonomies": _("Reference lists"),
    "statistics": _("Statistics"), "api": _("Entry point"), "workspace": _("Workspace (with a token)"),
}


@dataclass
class Section:
    tag: str
    label: str
    description: str
    operations: list


@dataclass
class Row:
    name: str
    kind: str
    description: str = ""
    required: bool = False
    location: str = ""


@dataclass
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    needs_token: bool
    parameters: list = field(default_factory=list)
    body: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    paginated: bool = False
    curl: str = ""


class Describer:
    """Short, readable types of schema parts ("list of integer", "one of: en, fr, es")."""

    def __init__(self, document):
        self.components = document.get("components", {}).get("schemas", {})

    def resolve(self, schema):
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 10:
            schema = self.components.get(schema["$ref"].rsplit("/", 1)[-1], {})
            seen += 1
        return schema or {}

    def kind(self, schema):
        schema = self.resolve(schema)
        if "oneOf" in schema or "anyOf" in schema or "allOf" in schema:
            parts = [self.kind(part) for part in schema.get("oneOf") or schema.get("anyOf") or schema.get("allOf")]
            return " | ".join(dict.fromkeys(part for part in parts if part))
        if "enum" in schema:
            values = [value for value in schema["enum"] if value not in (None, "")]
            if all(isinstance(value, int) for value in values):
                values.sort()
            values = [str(value) for value in values]
            if not values:
                return ""
            shown = ", ".join(values[:ENUM_SHOWN])
            more = len(values) - ENUM_SHOWN
            return f"{shown}, … (+{more})" if more > 0 else shown
        kind = schema.get("type", "object")
        if kind == "array":
            return f"[{self.kind(schema.get('items', {}))}]"
        if kind == "object" and "properties" in schema:
            return "{" + ", ".join(schema["properties"]) + "}"
        if schema.get("format"):
            kind = f"{kind} ({schema['format']})"
        if schema.get("nullable"):
            kind = f"{kind} | null"
        return kind

    def rows(self, schema):
        """The fields of an object schema, one row each."""
        schema = self.resolve(schema)
        required = set(schema.get("required", []))
        return [
            Row(name, self.kind(part), (self.resolve(part) if "$ref" in part else part).get("description", ""),
                name in required)
            for name, part in schema.get("properties", {}).items()
        ]


def _examples():
    """Keys of real public objects for the curl examples (three small queries)."""
    action = Action.objects.published().order_by("-published_at").values_list("public_id", flat=True).first()
    government = Government.objects.public().order_by("slug").values_list("slug", flat=True).first()
    campaign = Campaign.objects.order_by("slug").values_list("slug", flat=True).first()
    return {"public_id": action or "ab12cd34", "slug": government or "lyon", "campaign": campaign or "imrf-2026",
            "id": "1"}


QUERY_EXAMPLES = {
    "actions_list": {"q": "housing", "kind": "pledge", "lang": "fr"},
    "statistics_retrieve": {"kind": "pledge"},
    "progress_updates_list": {"page_size": "10"},
}


def _curl(base, method, path, operation_id, needs_token, has_body, examples):
    values = dict(examples)
    if operation_id.startswith("campaigns"):
        values["slug"] = examples["campaign"]
    url = base + path
    for name, value in values.items():
        url = url.replace("{" + name + "}", value)
    query = QUERY_EXAMPLES.get(operation_id)
    if query:
        url = f"{url}?{urlencode(query)}"
    parts = ["curl"]
    if method != "GET":
        parts.append(f"-X {method}")
    if needs_token:
        parts.append('-H "Authorization: Token $LOCALACTION_TOKEN"')
    if has_body:
        parts.append('-H "Content-Type: application/json" -d @body.json')
    parts.append(f'"{url}"')
    return " ".join(parts)


def sections(document, base):
    """[(tag, description, [Operation])] in the order of the document's tags."""
    describe = Describer(document)
    examples = _examples()
    grouped = {tag["name"]: (tag.get("description", ""), []) for tag in document.get("tags", [])}
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            security = operation.get("security", [])
            needs_token = bool(security) and {} not in security
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            entry = Operation(
                anchor=operation["operationId"], method=method.upper(), path=path,
                summary=operation.get("summary", ""), description=operation.get("description", ""),
                needs_token=needs_token,
                parameters=[
                    Row(p["name"], describe.kind(p.get("schema", {})), p.get("description", ""), p.get("required", False),
                        p["in"])
                    for p in operation.get("parameters", []) if p["in"] in ("path", "query")
                ],
                body=describe.rows(body) if body else [],
                responses=[(code, response.get("description", "")) for code, response in operation["responses"].items()],
                curl=_curl(base, method.upper(), path, operation["operationId"], needs_token, bool(body), examples),
            )
            success = next((r for code, r in operation["responses"].items() if code in ("200", "201")), None)
            schema = (success or {}).get("content", {}).get("application/json", {}).get("schema")
            if schema:
                resolved = describe.resolve(schema)
                results = resolved.get("properties", {}).get("results")
                if results and "next" in resolved.get("properties", {}):
                    entry.paginated = True
                    schema = results.get("items", {})
                entry.fields = describe.rows(schema)
            tag = (operation.get("tags") or ["api"])[0]
            grouped.setdefault(tag, ("", []))[1].append(entry)
    return [
        Section(tag, TAG_LABELS.get(tag, tag.capitalize()), description, operations)
        for tag, (description, operations) in grouped.items() if operations
    ]


def index(request):
    """The documentation page."""
    language = current_language()
    document = openapi_document(language)
    base = request.build_absolute_uri("/").rstrip("/")
    return render(request, "api/docs.html", {
        "info": document["info"],
        "sections": sections(document, base),
        "api_root": request.build_absolute_uri(reverse("api:root")),
        "schema_url": request.build_absolute_uri(reverse("api:schema")),
        "actions_url": request.build_absolute_uri(reverse("api:action-list")),
        "catalog_url": reverse("actions:list"),
        "rates": rates(),
        "license": LICENSE,
        "page_size": DEFAULT_PAGE_SIZE,
        "max_page_size": MAX_PAGE_SIZE,
    })
