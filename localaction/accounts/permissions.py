"""Platform-role checks for services (views use accounts.decorators.role_required)."""
from django.core.exceptions import PermissionDenied

from .models import Roles


def is_reviewer(user):
    """A signed-in, active member of the reviewers (superusers have every role)."""
    return user.is_authenticated and user.has_role(Roles.REVIEWER)


def require_reviewer(user):
    if not is_reviewer(user):
        raise PermissionDenied
