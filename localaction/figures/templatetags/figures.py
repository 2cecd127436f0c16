"""{% load figures %}{% government_figures government as figures %}: a government's pledge figures in a template."""
from django import template

from localaction.figures.services import government_figures as compute_government_figures

register = template.Library()


@register.simple_tag
def government_figures(government):
    """The figures of the pledges `government` leads (see figures.services)."""
    return compute_government_figures(government)
