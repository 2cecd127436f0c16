"""Template helpers for the reporting schedule (due, overdue, inactive), for pages of any app."""
from django import template
from django.utils import timezone

from localaction.progress.schedule import due_state as _due_state

register = template.Library()


@register.simple_tag(takes_context=True)
def due_state(context, action):
    """{% due_state action as state %}: the pledge's DueState (None without schedule). A list page computes the
    states of its actions at once with schedule.due_states() and passes them as `due_states` ({pk: state}); a
    `today` in the context (a date) replaces the real date."""
    states = context.get("due_states")
    if states is not None and action.pk in states:
        return states[action.pk]
    return _due_state(action, context.get("today") or timezone.localdate())
