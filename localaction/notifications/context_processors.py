"""`unread_notifications` for the navigation of every page (settings: TEMPLATES context_processors)."""
from .services import unread_count


def cached_unread_count(request):
    """The signed-in user's unread count, counted at most once per request (nav and dashboard share it)."""
    if not hasattr(request, "_unread_notifications"):
        user = getattr(request, "user", None)
        request._unread_notifications = unread_count(user) if user is not None and user.is_authenticated else 0
    return request._unread_notifications


def unread_notifications(request):
    """One cheap COUNT, only for signed-in users; anonymous pages run no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": cached_unread_count(request)}
