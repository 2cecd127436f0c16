"""Template helpers of progress updates."""
from django import template

from localaction.progress.timeline import published_progress as _published_progress

register = template.Library()


@register.simple_tag
def published_progress(action):
    """{% published_progress action as updates %}: the public timeline's updates, newest first."""
    return _published_progress(action)
