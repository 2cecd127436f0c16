"""django-axes' lock-out check, tolerant of sign-ins that come from no web request."""
from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuses sign-ins for an e-mail address and client address that failed too often (see AXES_* settings).

    Code that calls authenticate() without a request (a management command, a script) cannot be hammered over
    the network, so it is let through to the next backend instead of raising as axes does."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def username_for_lockout(request, credentials):
    """The address the failures are counted against, whatever its case (people sign in with either)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower() or None
