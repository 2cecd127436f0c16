"""The values of each facet with their labels in the reader's language, read from ActionFilter's own fields (so
the filter definition stays the one source) and kept per catalog version: the page does not query the
reference tables on every request."""
from django.utils.html import escape

from localaction.taxonomy.models import Region

from .text import fold

_CACHE = {"version": None, "options": {}}


def _choices(field):
    to_field = getattr(field, "to_field_name", None)
    queryset = getattr(field, "queryset", None)
    if queryset is not None:
        return [(str(getattr(obj, to_field) if to_field else obj.pk), str(field.label_from_instance(obj)))
                for obj in queryset]
    return [(str(value), str(label)) for value, label in field.choices if value not in ("", None)]


def _regions(choices):
    """Regions, each followed by its sub-regions (indented), instead of one alphabetical list."""
    labels = dict(choices)
    parents = dict(Region.objects.values_list("code", "parent_id"))
    ordered = []
    for code, label in sorted(choices, key=lambda item: fold(item[1])):
        if parents.get(code) is None:
            ordered.append((code, label))
            ordered += [(sub, "\u00a0\u00a0" + labels[sub]) for sub, _l in sorted(
                ((c, labels[c]) for c, parent in parents.items() if parent == code and c in labels),
                key=lambda item: fold(item[1]),
            )]
    return ordered


def facet_options(form, name, language, index):
    """[(value, label, escaped value, escaped label)] of one facet, in display order."""
    version = (index.generation, index.version)
    if _CACHE["version"] != version:  # labels of the current catalog version only
        _CACHE["version"], _CACHE["options"] = version, {}
    key = (language, name)
    options = _CACHE["options"].get(key)
    if options is None:
        choices = _choices(form.fields[name])
        if name == "region":
            choices = _regions(choices)
        elif name == "country":
            choices.sort(key=lambda item: fold(item[1]))
        options = _CACHE["options"][key] = [(value, label, escape(value), escape(label)) for value, label in choices]
    return options
