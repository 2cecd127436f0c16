"""{% contact_offer action as offer %} on an action's page: "write" for whoever may contact the action's
government, "sign_in" for anonymous visitors, "" for everyone else (its own members included)."""
from django import template

from localaction.contact import services

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_offer(context, action):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "sign_in"
    return "write" if services.may_contact(user, action.government) else ""
