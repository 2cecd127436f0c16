"""The Fund's public page: its rounds and their status. Applications and scores are never read here."""
from django.shortcuts import render

from .models import Round


def index(request):
    """Every round past its draft, newest first, with its themes; nothing about who applied."""
    rounds = Round.objects.exclude(status=Round.Status.DRAFT).prefetch_related("themes", "eligible_regions")
    return render(request, "fund/index.html", {"rounds": rounds})
