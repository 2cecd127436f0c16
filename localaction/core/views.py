"""The home and about pages."""
from django.db.models import Count, Q
from django.shortcuts import render

from localaction.actions.models import Action
from localaction.governments.models import Government
from localaction.taxonomy.models import GCMObjective


def home(request):
    published = Action.objects.published()
    counts = published.aggregate(
        actions=Count("id"),
        pledges=Count("id", filter=Q(kind=Action.Kind.PLEDGE)),
        countries=Count("government__country", distinct=True),
    )
    counts["governments"] = Government.objects.public().count()
    latest = published.for_listing().order_by("-published_at", "-id")[:6]
    objectives = GCMObjective.objects.annotate(
        published_count=Count("actions", filter=Q(actions__status=Action.Status.PUBLISHED))
    )
    return render(request, "core/home.html", {"counts": counts, "latest": latest, "objectives": objectives})


def about(request):
    return render(request, "core/about.html")
