"""The Fund's public page: its rounds and their status, its grantees and its figures. Applications, answers,
budgets, feedback and scores are never read here: grants are read only through `Grant.objects.public()`."""
from django.shortcuts import render

from . import grants
from .models import Grant, Round


def index(request):
    """Every round past its draft, newest first, with its themes; the grantees with the pledges they carry out;
    "by the numbers" computed from the grants."""
    rounds = Round.objects.exclude(status=Round.Status.DRAFT).prefetch_related("themes", "eligible_regions")
    grantees = Grant.objects.public().for_listing().order_by("application__round", "application__government__name")
    return render(request, "fund/index.html", {
        "rounds": rounds, "grantees": grantees, "numbers": grants.by_the_numbers(),
    })
