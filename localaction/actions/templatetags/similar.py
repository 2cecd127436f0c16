"""Tags of an action's page for the similar actions and replication sections (so the detail view needs no
extra context): {% similar_actions action as similar %}, {% replications action as copies %},
{% inspiration action as original %}."""
from django import template

from localaction.actions import similar

register = template.Library()


@register.simple_tag
def similar_actions(action):
    return similar.similar_actions(action)


@register.simple_tag
def replications(action):
    return similar.replications(action)


@register.simple_tag
def inspiration(action):
    """The published action this one was inspired by, or None (an original that was withdrawn is not shown)."""
    original = action.inspired_by if action.inspired_by_id else None
    return original if original is not None and original.is_published else None
