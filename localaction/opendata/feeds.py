"""Atom feeds of any catalog view: the published actions that match the catalog's parameters (new, or changed by
an approved revision) and the progress updates published on them, newest first.

The set of actions is the catalog's own (`search.catalog.matching_positions`, validated by ActionFilter), so a feed
subscribed from a catalog page follows exactly what that page lists. Entries carry the lead government as author,
never a member's name or address.
"""
from dataclasses import dataclass, field
from datetime import datetime, time
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action, ActionRevision
from localaction.core.translation import current_language
from localaction.progress.models import ProgressUpdate
from localaction.search import catalog
from localaction.search import facets as facet_index

from .renderers import LICENCE

LIMIT = 50
# Up to this many matching actions are read with one `IN` query; above it the latest revisions and updates are
# scanned newest first until enough of them belong to the view.
IN_QUERY_LIMIT = 1000
SCAN_CHUNK = 500
RIGHTS = f"CC BY 4.0: {LICENCE['title']}, {LICENCE['path']}"
# The year in the entries' tag: URIs (RFC 4151); it never changes, so neither do the identifiers.
TAG_YEAR = "2025"
# Parameters that change a catalog page but not the set it lists.
IGNORED_PARAMETERS = ("page", "sort")


def tag_uri(specific):
    """A stable identifier under the platform's own domain (LOCALACTION_BASE_URL), whatever host served the
    feed: tag:example.org,2025:<specific>."""
    host = urlsplit(settings.LOCALACTION_BASE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_YEAR}:{specific}"


@dataclass
class Entry:
    """One feed entry, in the feed's language (or the text's original language when it is not translated)."""

    unique_id: str
    title: str
    link: str
    published: datetime
    updated: datetime
    summary: str
    language: str
    author: str
    author_link: str | None
    categories: list = field(default_factory=list)


class ActionsAtomFeed(Atom1Feed):
    """Atom 1.0 with a `xml:lang` on entries whose text falls back to another language, and plain-text summaries
    (Django's generator declares every summary as HTML; ours are written as text)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("entry_language") and item["entry_language"] != self.feed["language"]:
            attributes["xml:lang"] = item["entry_language"]
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


def validate(params):
    """The form of ActionFilter bound to the parameters: its errors say why a feed URL is invalid."""
    form = ActionFilter(params, queryset=Action.objects.published()).form
    form.is_valid()
    return form


def _aware(value):
    """A date as midnight of that day, for updates published before publication dates were recorded."""
    return timezone.make_aware(datetime.combine(value, time.min))


def _matching(params):
    """The ids of the actions the catalog lists for these parameters, and of the LIMIT newest published."""
    positions = catalog.matching_positions(params)
    index = facet_index.current()
    ids = {index.action_ids[position] for position in positions}
    return ids, [index.action_ids[position] for position in index.newest(positions, 0, LIMIT)]


def _latest_revised(ids):
    """Up to LIMIT of the matching actions whose latest approved change came after their publication, latest
    first: revisions are read newest first (in chunks) until that many belong to the view."""
    revised = []
    revisions = ActionRevision.objects.filter(number__gt=1).order_by("-approved_at", "-id")
    for action_id in revisions.values_list("action_id", flat=True).iterator(chunk_size=SCAN_CHUNK):
        if action_id in ids and action_id not in revised:
            revised.append(action_id)
            if len(revised) >= LIMIT:
                break
    return revised


def _recent_actions(ids, newest):
    """The LIMIT matching actions last published or changed. One not changed since its publication is among the
    LIMIT newest published (`newest`); the changed ones are found from the latest approved revisions."""
    candidates = ids if len(ids) <= IN_QUERY_LIMIT else {*newest, *_latest_revised(ids)}
    actions = list(
        Action.objects.published().filter(pk__in=candidates).select_related("government")
        .annotate(last_approved=Max("revisions__approved_at")).order_by()
    )
    for action in actions:
        action.feed_updated = max(filter(None, [action.published_at, action.last_approved]), default=action.updated_at)
    actions.sort(key=lambda action: (action.feed_updated, action.pk), reverse=True)
    return actions[:LIMIT]


def _recent_updates(ids):
    """The LIMIT progress updates last published on the matching actions."""
    published = ProgressUpdate.objects.filter(
        status=ProgressUpdate.Status.PUBLISHED, action__status=Action.Status.PUBLISHED
    ).order_by(F("published_at").desc(nulls_last=True), "-reported_on", "-id")
    if len(ids) <= IN_QUERY_LIMIT:
        chosen = published.filter(action_id__in=ids)
    else:
        # Every update found counts (several may belong to one pledge): scanning for LIMIT rows is enough.
        rows = []
        for pk, action_id in published.values_list("pk", "action_id").iterator(chunk_size=SCAN_CHUNK):
            if action_id in ids:
                rows.append(pk)
                if len(rows) >= LIMIT:
                    break
        chosen = published.filter(pk__in=rows)
    return list(chosen.select_related("action__government")[:LIMIT])


def _government(action, absolute):
    government = action.government
    link = absolute(government.get_absolute_url()) if government.verified else None
    return government.name, link


def action_entry(action, absolute, language):
    """The entry of a published action: it keeps its identifier when a revision changes it."""
    title, summary = action.t.title, action.t.summary
    author, author_link = _government(action, absolute)
    return Entry(
        unique_id=tag_uri(f"action/{action.public_id}/{language}"),
        title=str(title),
        link=absolute(action.get_absolute_url()),
        published=action.published_at or action.feed_updated,
        updated=action.feed_updated,
        summary=str(summary),
        language=title.language,
        author=author,
        author_link=author_link,
        categories=[action.kind],
    )


def update_entry(update, absolute, language):
    """The entry of a published progress update, linked to its pledge's timeline."""
    action = update.action
    title = action.t.title
    narrative = update.t.narrative
    author, author_link = _government(action, absolute)
    when = update.published_at or _aware(update.reported_on)
    return Entry(
        unique_id=tag_uri(f"progress/{update.pk}/{language}"),
        title=gettext("Progress on “%(title)s”: %(stage)s") % {"title": title, "stage": update.get_stage_display()},
        link=absolute(action.get_absolute_url()) + "#progress-title",
        published=when,
        updated=when,
        summary=str(narrative),
        language=narrative.language if narrative else title.language,
        author=author,
        author_link=author_link,
        categories=["progress", update.stage],
    )


def entries(params, absolute):
    """The feed's entries for valid catalog parameters, newest first: actions and progress updates together,
    at most LIMIT. `absolute` turns a path into an absolute URL."""
    language = current_language()
    ids, newest = _matching(params)
    found = [action_entry(action, absolute, language) for action in _recent_actions(ids, newest)]
    found += [update_entry(update, absolute, language) for update in _recent_updates(ids)]
    found.sort(key=lambda entry: (entry.updated, entry.unique_id), reverse=True)
    return found[:LIMIT]


def describe(form):
    """The view's filters in words ("GCM objective: 16 …"), for the feed's title."""
    parts = []
    query = form.cleaned_data.get("q")
    if query:
        parts.append(f"“{query}”")
    for name, form_field in form.fields.items():
        if name in ("q", *IGNORED_PARAMETERS):
            continue
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        choices = dict(getattr(form_field, "choices", None) or []) if not hasattr(form_field, "queryset") else {}
        parts.append(f"{form_field.label}: {choices.get(value, value)}")
    return "; ".join(parts)


def view_query(params):
    """The catalog parameters as a query string in a fixed order, without those that do not change the set
    (page, sort)."""
    pairs = sorted(
        (name, value) for name, values in params.lists() if name not in IGNORED_PARAMETERS for value in values
    )
    return urlencode(pairs)


def build(params, form, absolute, feed_url):
    """The Atom document (an ActionsAtomFeed) of a catalog view."""
    language = current_language()
    query = view_query(params)
    catalog_url = reverse("actions:list") + (f"?{query}" if query else "")
    described = describe(form)
    title = gettext("Actions and pledges")
    if described:
        title = f"{title} — {described}"
    feed = ActionsAtomFeed(
        title=f"{title} · {gettext('Local Action')}",
        link=absolute(catalog_url),
        description="",
        language=language,
        feed_url=feed_url,
        feed_guid=tag_uri(f"actions.atom/{language}?{query}"),
        author_name=gettext("Local Action"),
        author_link=absolute(reverse("core:home")),
        subtitle=gettext("New and updated actions and pledges, and their progress updates."),
        feed_copyright=RIGHTS,
    )
    for entry in entries(params, absolute):
        feed.add_item(
            title=entry.title, link=entry.link, description=entry.summary, unique_id=entry.unique_id,
            pubdate=entry.published, updateddate=entry.updated, author_name=entry.author,
            author_link=entry.author_link, categories=entry.categories, item_copyright=RIGHTS,
            entry_language=entry.language,
        )
    return feed

