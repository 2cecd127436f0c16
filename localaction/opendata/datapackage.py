"""The Frictionless Data Package that describes the downloads, built from the exporters' columns (the one source of
truth, shared with the data dictionary page and the archive).

`descriptor(path_for)` takes a function giving each resource's path: the web version (datapackage.json) points to
the download URLs, the archive to the files beside it.
"""
from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from localaction.core.translation import current_language

from .exporters import EXPORTERS, LIST_DELIMITER
from .renderers import LICENCE, utc_text


def schema_field(column):
    """A Table Schema field of one column: its key, type, translated label and description."""
    described = {"name": column.key, "title": str(column.label), "description": str(column.description), "type": column.type}
    if column.type == "list":
        described["delimiter"] = LIST_DELIMITER
        described["itemType"] = column.item_type
    if column.enum:
        described["constraints"] = {"enum": list(column.enum)}
    return described


def resource(exporter, path):
    """A tabular data resource: one CSV download and its schema."""
    schema = {"fields": [schema_field(column) for column in exporter.columns], "primaryKey": list(exporter.primary_key)}
    if exporter.foreign_keys:
        schema["foreignKeys"] = [dict(key) for key in exporter.foreign_keys]
    return {
        "name": exporter.name,
        "path": path,
        "title": str(exporter.title),
        "description": str(exporter.description),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
        "licenses": [LICENCE],
        "schema": schema,
    }


def descriptor(path_for, generated_at=None, names=None):
    """The data package (a dict ready for JSON). `path_for(name)` gives the path or URL of each resource's CSV;
    `names` limits it to some resources (default: all). Labels and descriptions are in the active language."""
    home = settings.LOCALACTION_BASE_URL
    return {
        "profile": "tabular-data-package",
        "name": "localaction",
        "title": _("Local Action for Migrants and Refugees: open data"),
        "description": _(
            "Actions and pledges of local and regional governments for migrants and refugees, with the governments, "
            "the endorsements of the Marrakech Mayors Declaration, the progress reported on pledges and the campaigns."
        ),
        "homepage": home + reverse("opendata:index"),
        "language": current_language(),
        "created": utc_text(generated_at or datetime.now(UTC)),
        "licenses": [LICENCE],
        "sources": [{"title": _("Local Action"), "path": home + "/"}],
        "resources": [
            resource(exporter, path_for(name)) for name, exporter in EXPORTERS.items() if names is None or name in names
        ],
    }
