"""The reminders a government's focal points were sent: what, for which pledge and date, and when."""
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from localaction.governments.access import get_government_for_member

from .models import Reminder


@login_required
def reminder_list(request, slug):
    """Every member of the lead government sees the reminders of its pledges, newest first; strangers get 404."""
    government, _membership = get_government_for_member(request, slug)
    reminders = (
        Reminder.objects.filter(action__government=government)
        .select_related("action", "campaign")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(reminders, settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "progress/workspace/reminders.html", {"government": government, "page": page})
