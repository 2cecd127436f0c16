"""Template helpers of the declarations app, for pages of other apps (the government profile)."""
from django import template

from localaction.declarations.models import Endorsement

register = template.Library()


@register.simple_tag
def verified_endorsement(government):
    """The government's verified endorsement, or None: {% verified_endorsement government as endorsement %}."""
    return Endorsement.objects.verified().filter(government=government).first()
