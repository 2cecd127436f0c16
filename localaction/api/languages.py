"""Which language the API answers in: `?lang=en|fr|es`, else the Accept-Language header, else English; `?lang=all`
gives every translated field in the three languages at once.

Content follows the site's rule (localaction.core.translation): the requested language when a translation exists,
otherwise the original language, and the response says which fields fell back (`fallbacks`).
"""
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from localaction.core.translation import LANGUAGE_CODES, current_language

PARAMETER = "lang"
ALL = "all"
CHOICES = (*LANGUAGE_CODES, ALL)


def requested_language(request):
    """"en", "fr", "es" or "all" from ?lang=, else the language LocaleMiddleware took from Accept-Language; an
    unknown ?lang= is a 400. Activates the language, so error messages and links follow it."""
    value = request.query_params.get(PARAMETER)
    if value is None or value == "":
        return current_language()
    if value not in CHOICES:
        raise ValidationError({PARAMETER: [
            _("Select a valid choice. %(value)s is not one of the available choices.") % {"value": value}
        ]})
    if value != ALL:
        translation.activate(value)
    return value


def content_language(language):
    """The Content-Language header of a response in `language`."""
    return ", ".join(LANGUAGE_CODES) if language == ALL else language
