"""What a government's widget lists, and the fingerprint that lets browsers and caches reuse it.

A widget reads only published actions (the government's own and those it has joined, as on its profile). Its ETag
changes when anything it shows may have changed: an action published, revised or withdrawn, the government renamed,
the options, the language, or the widget's design.
"""
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max

from localaction.actions.models import Action
from localaction.core.translation import page_language

# Bump when the widget's markup changes: every ETag changes with it.
DESIGN = "1"


@dataclass(frozen=True)
class WidgetState:
    etag: str
    last_modified: object  # datetime or None


def published_actions(government, kind=""):
    """The published actions a government's widget may show, newest first."""
    actions = Action.objects.published().involving(government)
    if kind:
        actions = actions.filter(kind=kind)
    return actions.order_by("-published_at", "-id")


def state(government, actions, variant, limit, kind):
    """The widget's ETag and Last-Modified, from one aggregate query over `actions`."""
    summary = actions.order_by().aggregate(count=Count("pk"), published=Max("published_at"), updated=Max("updated_at"))
    parts = [
        DESIGN, variant, page_language(), government.slug, government.name, limit, kind,
        summary["count"], summary["published"], summary["updated"],
    ]
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    moments = [moment for moment in (summary["published"], summary["updated"]) if moment]
    return WidgetState(etag=f'"{digest}"', last_modified=max(moments) if moments else None)
