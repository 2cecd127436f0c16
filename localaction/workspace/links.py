"""Links to pages that may not exist in every deployment stage: the back-office screens are built app by app,
and a dashboard must not break because one of them is missing."""
from django.urls import NoReverseMatch, reverse


def optional_reverse(name, *args):
    """reverse(name, args) in the active language, or "" when no such URL is configured."""
    try:
        return reverse(name, args=args or None)
    except NoReverseMatch:
        return ""
