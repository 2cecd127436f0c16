"""Sign-up. Signing in and password pages are Django's own views (see urls.py)."""
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from . import services
from .forms import SignupForm


def safe_next(request, default):
    """The ?next= address when it stays on this site, otherwise `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def signup(request):
    """A public page: create an account, then arrive signed in (in the workspace, or back where `next` says)."""
    # reverse() here rather than at import: the workspace URLs are another app's and may load later.
    next_url = safe_next(request, reverse("workspace:home"))
    if request.user.is_authenticated:
        return redirect(next_url)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.sign_up(data["email"], data["full_name"], data["language"], data["password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(next_url)
    return render(request, "accounts/signup.html", {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")})
