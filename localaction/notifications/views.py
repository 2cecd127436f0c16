"""The in-app inbox: a user's notices, newest first, each in the reader's language."""
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from . import services
from .context_processors import cached_unread_count
from .links import is_local, localize
from .messages import render_message
from .models import Notification


@login_required
def inbox(request):
    page = Paginator(Notification.objects.filter(user=request.user), settings.LOCALACTION_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    language = get_language()
    for notification in page:
        notification.message = render_message(notification.verb, notification.context)
        notification.local_url = localize(notification.url, language) if is_local(notification.url) else ""
    return render(request, "notifications/inbox.html", {"page": page, "unread": cached_unread_count(request)})


@require_POST
@login_required
def read(request, pk):
    # Only the owner's notices exist for this view: another user's notice is a 404, like any stranger's object.
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.mark_read(notification, by=request.user)
    if is_local(notification.url):
        return redirect(localize(notification.url, get_language()))
    return redirect("notifications:inbox")


@require_POST
@login_required
def read_all(request):
    services.mark_all_read(by=request.user)
    return redirect("notifications:inbox")
