"""Actions: the catalog through the API. The list takes exactly the catalog's parameters (ActionFilter: the text
query, every filter and the sort), refuses invalid values with the form's errors, and answers from the search
index in the catalog's order (search.catalog.ranked), so it lists the same actions as the catalog page."""
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from localaction.actions.filters import ActionFilter
from localaction.actions.models import Action, CoPledger, Document
from localaction.progress.timeline import timeline_prefetch
from localaction.search import catalog
from localaction.search.facets import M2M_FACETS, TERM_FACETS

from .. import caching
from ..pagination import CatalogCursorPagination
from ..schema import catalog_parameters, read_responses
from ..serializers import ActionSerializer, ActionSummarySerializer
from .base import ReadDetailView, ReadListView


def _attach_mappings(actions):
    """Each action's objectives, principles, areas, SDGs and terms as the keys the catalog filters by, in one light
    query per relation (no model objects)."""
    ids = list(actions)
    mappings = {pk: {"term": [], "announced_at": [], **{name: [] for name in (*M2M_FACETS, *TERM_FACETS.values())}}
                for pk in ids}
    for name, (relation, column) in M2M_FACETS.items():
        through = getattr(Action, relation).through.objects.filter(action_id__in=ids).order_by(column)
        for action_id, key in through.values_list("action_id", column):
            mappings[action_id][name].append(key)
    terms = Action.terms.through.objects.filter(action_id__in=ids).order_by(
        "term__vocabulary__position", "term__vocabulary_id", "term__position", "term__key"
    )
    for action_id, vocabulary, key in terms.values_list("action_id", "term__vocabulary_id", "term__key"):
        mappings[action_id]["term"].append(f"{vocabulary}:{key}")
        if vocabulary in TERM_FACETS:
            mappings[action_id][TERM_FACETS[vocabulary]].append(key)
    announced = Action.announced_at.through.objects.filter(action_id__in=ids).order_by("campaign__slug")
    for action_id, slug in announced.values_list("action_id", "campaign__slug"):
        mappings[action_id]["announced_at"].append(slug)
    for pk, action in actions.items():
        action.mapping = mappings[pk]


def load_actions(ids):
    """The published actions of `ids`, in that order, with what the list shows (a fixed number of queries)."""
    # By primary key only (see search.catalog.Ranked): the status is checked on the rows read.
    rows = Action.objects.select_related("government", "campaign").filter(pk__in=ids).order_by()
    actions = {action.pk: action for action in rows if action.is_published}
    _attach_mappings(actions)
    return [actions[pk] for pk in ids if pk in actions]


def get_published_action(public_id):
    """The published action with everything its page shows, or 404."""
    queryset = Action.objects.published().select_related("government", "campaign", "matches").prefetch_related(
        "partners", "indicators", "links",
        Prefetch("documents", queryset=Document.objects.filter(is_public=True), to_attr="public_documents"),
        Prefetch(
            "co_pledger_links",
            queryset=CoPledger.objects.filter(confirmed_at__isnull=False, government__verified=True)
            .select_related("government").order_by("government__slug"),
            to_attr="confirmed_links",
        ),
        Prefetch("matched_by", queryset=Action.objects.published().only("id", "public_id", "matches_id").order_by("public_id"),
                 to_attr="published_matched_by"),
        timeline_prefetch(),
    )
    action = queryset.filter(public_id=public_id).first()
    if action is None:
        raise Http404
    _attach_mappings({action.pk: action})
    action.confirmed_co_pledgers = [link.government for link in action.confirmed_links]
    action.answered_public_id = action.matches.public_id if action.matches and action.matches.is_published else None
    action.answered_by_public_ids = [answer.public_id for answer in action.published_matched_by]
    return action


class ActionList(ReadListView):
    """Published actions matching the catalog's parameters, newest first (or by `sort`: title, government,
    relevance to the text query — relevance is the default when there is one), as the catalog page lists them."""

    tag = "actions"
    serializer_class = ActionSummarySerializer
    pagination_class = CatalogCursorPagination

    def schema_parameters(self):
        return catalog_parameters()

    @extend_schema(
        summary=_("Published actions matching the catalog's parameters"),
        description=_("The same parameters as the catalog page (text query, filters, sort) give the same actions in "
                      "the same order: newest first by default, by relevance when there is a text query. An invalid "
                      "value is a 400 naming the parameter, as the catalog's form reports it."),
        responses=read_responses(ActionSummarySerializer, not_found=True),
    )
    def get(self, request, *args, **kwargs):
        # Before any other work: an unchanged catalog answers a client's revalidation at once.
        state, etag, last_modified = caching.catalog_validators(request, self.language)
        cached = caching.not_modified(request, etag, last_modified)
        if cached is not None:
            return caching.add_validators(cached, etag, last_modified)
        form = ActionFilter(request.query_params, queryset=Action.objects.none()).form
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        ranked = catalog.ranked(request.query_params, state=state)
        paginator = self.paginator
        positions = paginator.paginate_ranked(ranked, request)
        actions = load_actions([ranked.index.action_ids[position] for position in positions])
        response = paginator.get_paginated_response(self.get_serializer(actions, many=True).data)
        return caching.add_validators(response, etag, last_modified)


class ActionDetail(ReadDetailView):
    """One published action by its public id, with its mapping, partners, indicators, links, documents and
    published progress updates. Drafts, withdrawn and unpublished actions are a 404."""

    tag = "actions"
    serializer_class = ActionSerializer

    @extend_schema(
        summary=_("A published action"),
        description=_("Everything the action's public page shows, by its public id: text, mapping, partners, "
                      "indicators, links, documents and published progress updates. Drafts, actions waiting for "
                      "review and withdrawn ones are a 404."),
        responses=read_responses(ActionSerializer),
    )
    def get(self, request, public_id):
        return Response(self.get_serializer(get_published_action(public_id)).data)
