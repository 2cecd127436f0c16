"""Template helpers shared by every app."""
from django import template
from django.utils.translation import gettext

from localaction.core.translation import language_name

register = template.Library()


@register.filter
def language_label(code):
    """The translated name of a language code: {{ action.original_language|language_label }}."""
    return language_name(code)


@register.inclusion_tag("core/_original_language.html")
def original_language_note(translated):
    """A visible note when content is shown in another language than the reader's."""
    return {"translated": translated}


@register.simple_tag
def page_title(*parts):
    """'Part — Part — Local Action' for <title>."""
    return " — ".join([str(p) for p in parts if p] + [gettext("Local Action")])
