"""Template helpers of the workspace dashboards."""
from django import template

from localaction.workspace.links import optional_reverse

register = template.Library()


@register.simple_tag
def optional_url(name, *args):
    """Like {% url %}, but "" instead of an error when the URL does not exist:
    {% optional_url "actions_workspace:create" government.slug as create_url %}{% if create_url %}…{% endif %}"""
    return optional_reverse(name, *args)
