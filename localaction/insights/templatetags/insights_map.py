"""`{% world_map params %}`: the world map of published actions for catalog parameters, with its legend and
(unless `table=False`) its data tables, for the map page, the home page and the PDF reports.

The rendered HTML is cached per catalog version, day (the "reporting" filter moves with the calendar), language
and parameters, as the catalog caches its pages: a publish moves the version, so no reader sees a stale map.
"""
import hashlib
from pathlib import Path

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from localaction.core.translation import page_language
from localaction.insights import map as world
from localaction.search import facets, reporting

register = template.Library()

TIMEOUT = getattr(settings, "LOCALACTION_CATALOG_CACHE_SECONDS", 600)
TEMPLATES = ("insights/_world_map.html", "insights/_world_map.svg")


def _release():
    """A fingerprint of what the map is drawn from: a deploy that changes it changes every cache key."""
    digest = hashlib.sha1(usedforsecurity=False)
    folder = Path(settings.BASE_DIR) / "localaction" / "templates"
    for name in TEMPLATES:
        digest.update((folder / name).read_bytes())
    digest.update(world.WORLD_FILE.read_bytes())
    return digest.hexdigest()[:12]


RELEASE = _release()


def render_world_map(params=None, language=None, table=True, uid="world-map"):
    """The map's HTML (SVG, legend, tables) for catalog `params` in `language` (default: the active one)."""
    language = language or page_language()
    query = world.as_query(params)
    state = facets.read_state()
    fingerprint = hashlib.sha1(
        f"{RELEASE}|{state.generation}|{state.version}|{reporting.today()}|{language}|{table}|{uid}|"
        f"{query.urlencode()}".encode(),
        usedforsecurity=False,
    ).hexdigest()
    key = f"localaction:map:{fingerprint}"
    html = cache.get(key)
    if html is None:
        data = world.world_map(query, language, state=state)
        with translation.override(language):
            html = render_to_string(TEMPLATES[0], {
                "map": data, "table": table, "uid": uid, "colours": world.COLOURS, "sea": world.SEA,
                "border": world.BORDER, "point": world.POINT,
            })
        cache.set(key, html, TIMEOUT)
    return mark_safe(html)


@register.simple_tag
def world_map(params=None, language=None, table=True, uid="world-map"):
    """{% world_map request.GET %} or {% world_map "gcm=16&region=002" table=False %}."""
    return render_world_map(params, language, table, uid)
