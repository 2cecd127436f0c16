"""Links in notices: stored as the path the notifying service reversed (in its user's language), shown to each
reader in the reader's language, and made absolute for e-mails (a job has no request to build them from)."""
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from localaction.core.translation import interface_language_codes


def is_local(url):
    """True for a path on this site ("/fr/workspace/"), False for anything that could leave it."""
    return bool(url) and url_has_allowed_host_and_scheme(url, allowed_hosts=None) and url.startswith("/")


def localize(url, language):
    """The same page in `language`: "/en/workspace/" → "/fr/workspace/". Other URLs are returned unchanged."""
    if not is_local(url):
        return url
    prefix = url.split("/", 2)[1]
    if prefix not in interface_language_codes() or prefix == language:
        return url
    # translate_url resolves the path, which only matches the language prefix of the active language.
    with translation.override(prefix):
        return translate_url(url, language)


def absolute(url, language=None):
    """An absolute link for an e-mail, in the recipient's language when given; "" for no link."""
    if not url:
        return ""
    if language:
        url = localize(url, language)
    return f"{settings.LOCALACTION_BASE_URL}{url}" if is_local(url) else url
