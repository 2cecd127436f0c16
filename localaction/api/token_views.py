"""The workspace pages where a user creates and revokes their API tokens. Each user sees only their own tokens;
anyone else's is a 404. A token acts with its owner's memberships, so any signed-in user may have tokens."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import services
from .forms import ApiTokenForm
from .models import ApiToken


def get_token_for_owner(request, pk):
    """The signed-in user's token `pk`; 404 for a token of anyone else."""
    return get_object_or_404(ApiToken, pk=pk, user=request.user)


def _render_list(request, form=None, status=200):
    tokens = list(request.user.api_tokens.all())
    return render(request, "api/token_list.html", {"tokens": tokens, "form": form or ApiTokenForm()}, status=status)


@login_required
def token_list(request):
    """The user's tokens (name, prefix, dates, state) and the form to create one."""
    return _render_list(request)


@never_cache
@login_required
def token_create(request):
    """GET: the form; POST: create the token and show its secret, once."""
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        token, secret = services.create_token(request.user, form.cleaned_data["name"], form.cleaned_data["expires_in"])
        response = render(request, "api/token_created.html", {"token": token, "secret": secret})
        # The page holds the secret: no cache, proxy or back button may keep a copy.
        add_never_cache_headers(response)
        return response
    return render(request, "api/token_create.html", {"form": form})


@login_required
def token_revoke(request, pk):
    """GET asks for confirmation; POST revokes the token, which stops working at once."""
    token = get_token_for_owner(request, pk)
    if request.method != "POST":
        return render(request, "api/token_revoke.html", {"token": token})
    services.revoke_token(token, by=request.user)
    messages.success(request, _("The token “%(name)s” is revoked; it no longer works.") % {"name": token.name})
    return redirect("api_tokens:list")
