"""The workspace API (/api/v1/workspace/…): what a member does in the workspace's action editor and progress pages,
done by their system with one of their API tokens.

The same access helpers, forms and services as the web pages decide (write_forms.py is the bridge): another
government's action or update is a 404, a role too weak for a step a 403 (from the service), a refused step
(wrong status, checklist not met) a 409 with the reason, invalid values a 400 with the form's messages.
"""
import re

from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from localaction.actions import editor
from localaction.actions import services as action_services
from localaction.actions.forms import BasicsForm
from localaction.actions.models import Action
from localaction.actions.workspace_views import EDITABLE, WITHDRAWABLE, can_withdraw, get_action_for_member
from localaction.governments.models import Government, Membership
from localaction.progress import services as progress_services
from localaction.progress.models import ProgressUpdate
from localaction.progress.workspace_views import get_pledge_for_member, get_update_for_member

from .authentication import TokenAuthentication
from .schema import THROTTLED_SCHEMA
from .write_forms import ACTION_PARTS, BASICS_KEYS, Errors, apply_action_changes, basics_data, save_progress
from .write_serializers import (
    ActionCreateInput,
    ActionInput,
    ActionOutput,
    ActionSummaryOutput,
    Detail,
    GovernmentMembershipOutput,
    ProgressInput,
    ProgressOutput,
)

TAGS = ["workspace"]
INVALID = OpenApiResponse(OpenApiTypes.OBJECT, description=gettext_lazy(
    "Invalid values: field → the web form's messages, nested like the request (list rows by index); "
    "`non_field_errors` for the request as a whole."
))
UNAUTHENTICATED = OpenApiResponse(Detail, description=gettext_lazy(
    "No token, or a token that is unknown, revoked or expired."
))
FORBIDDEN = OpenApiResponse(Detail, description=gettext_lazy("Your role in the government does not allow this step."))
NOT_FOUND = OpenApiResponse(Detail, description=gettext_lazy("No such object among your governments'."))
CONFLICT = OpenApiResponse(
    Detail, description=gettext_lazy("The step is not possible in the object's current state; `detail` says why."),
)
THROTTLED = OpenApiResponse(
    THROTTLED_SCHEMA, description=gettext_lazy("Too many requests with this token; wait `retry_after` seconds."),
)
ACCESS = {401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, 429: THROTTLED}
PUBLIC_ID = OpenApiParameter(
    "public_id", str, OpenApiParameter.PATH, pattern=r"^[0-9a-z]{8}$", description=gettext_lazy(
        "The action's public id."
    ),
)
UPDATE_ID = OpenApiParameter("update_id", int, OpenApiParameter.PATH, description=gettext_lazy(
    "The progress update's id."
))
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
DIGITS = re.compile(r"[0-9]{1,18}")


class WorkspaceView(APIView):
    """Base of the write endpoints: a valid token is required, and it acts with its owner's memberships."""

    # Tokens only, never the session: a browser signed in to the workspace cannot be made to call these endpoints
    # from another site, so they need no CSRF protection.
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]


def checked_public_id(value):
    """The path's public id, or a 404 (JSON, like any other) for what cannot be one."""
    if not SLUG.fullmatch(value):
        raise Http404
    return value


def checked_pk(value):
    """The path's update id, or a 404 for what cannot be one."""
    if not DIGITS.fullmatch(value):
        raise Http404
    return int(value)


def conflict(error, **extra):
    return Response({"detail": str(error), **extra}, status=status.HTTP_409_CONFLICT)


def _action_output(action, code=status.HTTP_200_OK, headers=None):
    action = Action.objects.select_related("government", "campaign", "revision_of", "matches").prefetch_related(
        "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs", "terms",
        "partners", "indicators", "links", "documents",
    ).get(pk=action.pk)
    return Response(ActionOutput(action).data, status=code, headers=headers)


def _progress_output(update, code=status.HTTP_200_OK, headers=None):
    update = _progress_updates().get(pk=update.pk)
    return Response(ProgressOutput(update).data, status=code, headers=headers)


def _progress_updates():
    return ProgressUpdate.objects.select_related("action").prefetch_related(
        "action__indicators", "indicator_values", "people_reached__target_group", "evidence"
    )


def _not_editable(action):
    """The web editor's explanation of why an action cannot be edited, as a 409."""
    if action.status == Action.Status.PUBLISHED:
        return conflict(_("This action is published. To change it, propose a change: "
                          "the public page changes when a reviewer approves it."))
    if action.status == Action.Status.SUBMITTED:
        return conflict(_("This action is with the reviewers; it cannot be edited until they answer."))
    return conflict(_("This action can no longer be edited."))


# ---------------------------------------------------------------- governments


class GovernmentList(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_governments_list", summary=gettext_lazy(
            "Your governments and your role in each"
        ),
        responses={200: GovernmentMembershipOutput(many=True), 401: UNAUTHENTICATED, 429: THROTTLED},
    )
    def get(self, request):
        """The governments the token's owner is a member of, with their role (what the token may do in each)."""
        memberships = Membership.objects.filter(user=request.user).select_related("government")
        memberships = memberships.order_by("government__name")
        return Response(GovernmentMembershipOutput(memberships, many=True).data)


# ---------------------------------------------------------------- actions


class WorkspaceCursorPagination(CursorPagination):
    ordering = ("-created_at", "-id")
    page_size = 50


class ActionListQuery(serializers.Serializer):
    government = serializers.SlugField(required=False)
    status = serializers.ChoiceField(choices=Action.Status.choices, required=False)


class ActionList(WorkspaceView):
    pagination_class = WorkspaceCursorPagination

    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_list", summary=gettext_lazy(
            "Your governments' actions, drafts included"
        ),
        parameters=[
            # Empty values mean "all", as in the catalog's query strings.
            OpenApiParameter(
                "government", str, pattern=r"^[-a-zA-Z0-9_]*$", description=gettext_lazy(
                    "Only this government's (its slug)."
                )
            ),
            OpenApiParameter("status", str, enum=["", *Action.Status.values], description=gettext_lazy(
                "Only actions in this state."
            )),
        ],
        responses={
            200: ActionSummaryOutput(many=True), 400: INVALID, 401: UNAUTHENTICATED,
            404: OpenApiResponse(Detail, description=gettext_lazy(
                "The cursor is not one this list gave."
            )), 429: THROTTLED,
        },
    )
    def get(self, request):
        """Actions of the token owner's governments in every state, proposed changes included, newest first."""
        query = ActionListQuery(data=request.query_params)
        if not query.is_valid():
            return Response(query.errors, status=status.HTTP_400_BAD_REQUEST)
        actions = Action.objects.filter(government__in=Government.objects.filter(memberships__user=request.user))
        if "government" in query.validated_data:
            actions = actions.filter(government__slug=query.validated_data["government"])
        if "status" in query.validated_data:
            actions = actions.filter(status=query.validated_data["status"])
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(actions.select_related("government", "revision_of"), request, view=self)
        return paginator.get_paginated_response(ActionSummaryOutput(page, many=True).data)

    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_create", summary=gettext_lazy("Create a draft action"),
        description=gettext_lazy(
                    "Creates a draft of one of your governments, as the editor's first step does; any other field "
                    "sent is saved as the editor's later steps would save it. All or nothing."),
        request=ActionCreateInput,
        responses={201: ActionOutput, 400: INVALID, **ACCESS},
    )
    def post(self, request):
        given = ActionCreateInput(data=request.data)
        if not given.is_valid():
            return Response(given.errors, status=status.HTTP_400_BAD_REQUEST)
        changes = dict(given.validated_data)
        slug = changes.pop("government")
        government = Government.objects.filter(slug=slug, memberships__user=request.user).first()
        if government is None:
            return Response({"government": [_("You are not a member of a government with this slug.")]},
                            status=status.HTTP_400_BAD_REQUEST)
        form = BasicsForm(basics_data(changes))
        if not form.is_valid():
            errors = Errors()
            errors.add_form(form)
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        later = {key: value for key, value in changes.items() if key not in BASICS_KEYS}
        try:
            with transaction.atomic():
                action = action_services.create_draft(
                    government, request.user, editor_step=editor.FIRST_STEP, **form.field_values()
                )
                errors = apply_action_changes(action, request.user, later)
                if errors:
                    transaction.set_rollback(True)
        except action_services.TransitionError as refused:
            return conflict(refused)
        if errors:
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        location = reverse("api:workspace-action-detail", args=[action.public_id])
        return _action_output(action, status.HTTP_201_CREATED, headers={"Location": location})


class ActionDetail(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_retrieve",
        summary=gettext_lazy("One of your governments' actions"),
        parameters=[PUBLIC_ID],
        responses={200: ActionOutput, **ACCESS},
    )
    def get(self, request, public_id):
        """An action of one of the token owner's governments, in the shape a PATCH takes, with what the submission
        checklist still misses."""
        action, _membership = get_action_for_member(request, checked_public_id(public_id))
        return _action_output(action)

    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_partial_update",
        summary=gettext_lazy("Change a draft (or an action the reviewers sent back)"),
        parameters=[PUBLIC_ID],
        description=gettext_lazy(
                    "Only the fields sent change (objects merge by key; lists replace). Each editor step the "
                    "fields belong to is validated with the editor's forms and saved; all or nothing."),
        request=ActionInput,
        responses={200: ActionOutput, 400: INVALID, **ACCESS, 409: CONFLICT},
    )
    def patch(self, request, public_id):
        action, _membership = get_action_for_member(request, checked_public_id(public_id))
        if action.status not in EDITABLE:
            return _not_editable(action)
        given = ActionInput(data=request.data)
        if not given.is_valid():
            return Response(given.errors, status=status.HTTP_400_BAD_REQUEST)
        changes = {key: value for key, value in given.validated_data.items() if key in ACTION_PARTS}
        try:
            errors = apply_action_changes(action, request.user, changes)
        except action_services.TransitionError as refused:
            return conflict(refused)
        if errors:
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        return _action_output(action)


class ActionSubmit(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_submit",
        summary=gettext_lazy("Submit a draft to the reviewers"),
        parameters=[PUBLIC_ID],
        request=None,
        description=gettext_lazy(
            "Refused (409) while the submission checklist is not met; `missing` in the action says what is."
        ),
        responses={200: ActionOutput, **ACCESS, 409: CONFLICT},
    )
    def post(self, request, public_id):
        action, _membership = get_action_for_member(request, checked_public_id(public_id))
        try:
            action_services.submit(action, request.user)
        except action_services.TransitionError as refused:
            return conflict(refused)
        return _action_output(action)


class ActionWithdraw(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_withdraw",
        summary=gettext_lazy("Withdraw an action, or discard a proposed change"),
        parameters=[PUBLIC_ID],
        request=None,
        description=gettext_lazy(
                    "A published action is withdrawn by a focal point only (403 for an editor). Discarding a "
                    "proposed change returns the published action."),
        responses={200: ActionOutput, **ACCESS, 409: CONFLICT},
    )
    def post(self, request, public_id):
        action, membership = get_action_for_member(request, checked_public_id(public_id))
        if action.status not in WITHDRAWABLE:
            return conflict(_("This action cannot be withdrawn."))
        if not can_withdraw(action, membership):
            return Response(
                {"detail": _("Only a focal point can withdraw a published action.")}, status=status.HTTP_403_FORBIDDEN
            )
        try:
            result = action_services.withdraw(action, request.user)
        except action_services.TransitionError as refused:
            return conflict(refused)
        return _action_output(result)


class ActionRevise(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_actions_revise",
        summary=gettext_lazy("Start (or continue) a proposed change to a published action"),
        parameters=[PUBLIC_ID],
        request=None,
        description=gettext_lazy(
                    "Returns the working copy: change it with PATCH and submit it like a draft. The public page "
                    "changes when a reviewer approves it."),
        responses={200: ActionOutput, **ACCESS, 409: CONFLICT},
    )
    def post(self, request, public_id):
        action, _membership = get_action_for_member(request, checked_public_id(public_id))
        try:
            copy = action_services.start_revision(action, request.user)
        except action_services.TransitionError as refused:
            return conflict(refused)
        return _action_output(copy)


# ---------------------------------------------------------------- progress updates


class ProgressList(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_list",
        summary=gettext_lazy("A pledge's progress updates, in every state"),
        parameters=[PUBLIC_ID],
        responses={200: ProgressOutput(many=True), **ACCESS},
    )
    def get(self, request, public_id):
        """All updates of a pledge of the token owner's governments, the latest situation first."""
        action, _membership = get_pledge_for_member(request, checked_public_id(public_id))
        updates = _progress_updates().filter(action=action).order_by("-reported_on", "-id")
        return Response(ProgressOutput(updates, many=True).data)

    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_create",
        summary=gettext_lazy("Write a progress update on a published pledge (saved as a draft)"),
        parameters=[PUBLIC_ID],
        description=gettext_lazy(
                    "Fields left out take the values the web form would show: those of the latest published "
                    "update, else the pledge's. Submit the draft to send it to the reviewers."),
        request=ProgressInput,
        responses={201: ProgressOutput, 400: INVALID, **ACCESS, 409: CONFLICT},
    )
    def post(self, request, public_id):
        action, _membership = get_pledge_for_member(request, checked_public_id(public_id))
        given = ProgressInput(data=request.data)
        if not given.is_valid():
            return Response(given.errors, status=status.HTTP_400_BAD_REQUEST)
        try:
            update = progress_services.start_update(action, request.user)
        except progress_services.TransitionError as refused:
            return conflict(refused)
        if update.pk is not None:
            return conflict(_("This pledge already has an update in progress; continue that one."), id=update.pk)
        saved, errors = save_progress(update, request.user, given.validated_data)
        if errors:
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        location = reverse("api:workspace-progress-detail", args=[saved.pk])
        return _progress_output(saved, status.HTTP_201_CREATED, headers={"Location": location})


class ProgressDetail(WorkspaceView):
    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_retrieve",
        summary=gettext_lazy("One progress update"),
        parameters=[UPDATE_ID],
        responses={200: ProgressOutput, **ACCESS},
    )
    def get(self, request, update_id):
        """A progress update of a pledge of the token owner's governments, in the shape a PATCH takes."""
        update, _membership = get_update_for_member(request, checked_pk(update_id))
        return _progress_output(update)

    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_partial_update",
        summary=gettext_lazy("Change a progress update in draft (or returned by the reviewers)"),
        parameters=[UPDATE_ID],
        description=gettext_lazy("Only the fields sent change (objects merge by key; lists replace)."),
        request=ProgressInput,
        responses={200: ProgressOutput, 400: INVALID, **ACCESS, 409: CONFLICT},
    )
    def patch(self, request, update_id):
        update, _membership = get_update_for_member(request, checked_pk(update_id))
        if not update.is_editable:
            return conflict(_("This update can no longer be changed."))
        given = ProgressInput(data=request.data)
        if not given.is_valid():
            return Response(given.errors, status=status.HTTP_400_BAD_REQUEST)
        saved, errors = save_progress(update, request.user, given.validated_data)
        if errors:
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        return _progress_output(saved)

    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_destroy",
        summary=gettext_lazy("Delete a progress update that was never published (draft or returned)"),
        parameters=[UPDATE_ID],
        responses={204: None, **ACCESS, 409: CONFLICT},
    )
    def delete(self, request, update_id):
        """Deletes the update and its evidence, as the web's "delete" button does; the log keeps a trace."""
        update, _membership = get_update_for_member(request, checked_pk(update_id))
        try:
            progress_services.discard_update(update, request.user)
        except progress_services.TransitionError as refused:
            return conflict(refused)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProgressStep(WorkspaceView):
    """Submit or withdraw an update: one owner service, its refusal as a 409."""

    service = None

    def post(self, request, update_id):
        update, _membership = get_update_for_member(request, checked_pk(update_id))
        try:
            self.service(update, request.user)
        except progress_services.TransitionError as refused:
            return conflict(refused)
        return _progress_output(update)


class ProgressSubmit(ProgressStep):
    service = staticmethod(progress_services.submit_update)

    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_submit",
        summary=gettext_lazy("Submit a progress update to the reviewers"),
        parameters=[UPDATE_ID],
        request=None,
        responses={200: ProgressOutput, **ACCESS, 409: CONFLICT},
    )
    def post(self, request, update_id):
        """Sends a draft (or returned) update to the reviewers, who publish it or return it with comments."""
        return super().post(request, update_id)


class ProgressWithdraw(ProgressStep):
    service = staticmethod(progress_services.withdraw_update)

    @extend_schema(
        tags=TAGS, operation_id="workspace_progress_withdraw",
        summary=gettext_lazy("Take a submitted progress update back to draft"),
        parameters=[UPDATE_ID],
        request=None,
        responses={200: ProgressOutput, **ACCESS, 409: CONFLICT},
    )
    def post(self, request, update_id):
        """Takes a submitted update back to draft, to correct it before the reviewers decide."""
        return super().post(request, update_id)
