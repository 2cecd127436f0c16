"""Access to government-owned objects: always through the government, by membership.

A stranger (not a member) gets 404 — the object might as well not exist; a member whose role is too weak gets
403. Platform roles (reviewers) are checked separately with accounts.decorators.role_required.
"""
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Government, Membership

ANY_ROLE = (Membership.Role.FOCAL_POINT, Membership.Role.EDITOR)
FOCAL_POINT_ONLY = (Membership.Role.FOCAL_POINT,)


def membership_of(user, government):
    """The user's membership of a government, or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    return Membership.objects.filter(user=user, government=government).first()


def get_government_for_member(request, slug, roles=ANY_ROLE):
    """(government, membership) for a member of the government with slug `slug`; 404 for others, 403 if the
    member's role is not in `roles`."""
    government = get_object_or_404(Government, slug=slug)
    membership = membership_of(request.user, government)
    if membership is None:
        raise Http404
    if membership.role not in roles:
        raise PermissionDenied
    return government, membership


def require_role(membership, roles):
    if membership is None:
        raise Http404
    if membership.role not in roles:
        raise PermissionDenied


def require_membership(user, government, roles=ANY_ROLE):
    """For services: the user's membership of `government` with one of `roles`, else PermissionDenied
    (views have already turned strangers into 404s; a service refuses whoever reaches it)."""
    membership = membership_of(user, government)
    if membership is None or membership.role not in roles:
        raise PermissionDenied
    return membership
