"""The workspace home: the back office's front door for every signed-in person."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from localaction.notifications.context_processors import cached_unread_count

from .dashboard import dashboard


@login_required
def home(request):
    context = dashboard(request.user)
    context["unread"] = cached_unread_count(request)
    return render(request, "workspace/home.html", context)
