"""The navigation's unread count, for templates rendered with or without the context processor."""
from django import template

from localaction.notifications.context_processors import cached_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications_count(context):
    """{% unread_notifications_count as unread %}: the signed-in user's unread notices (0 without a request)."""
    if "unread_notifications" in context:
        return context["unread_notifications"]
    request = context.get("request")
    return cached_unread_count(request) if request is not None else 0
