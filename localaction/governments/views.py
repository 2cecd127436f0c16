"""Public government pages."""
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from localaction.actions.models import Action
from localaction.actions.views import paginate
from localaction.core.page_cache import anonymous_page_cache

from .models import Government


@anonymous_page_cache
def government_list(request):
    governments = (
        Government.objects.public()
        .select_related("country__region")
        .annotate(published_count=Count("actions", filter=Q(actions__status=Action.Status.PUBLISHED)))
        .order_by("name")
    )
    return render(request, "governments/government_list.html", {"page": paginate(request, governments)})


@anonymous_page_cache
def government_detail(request, slug):
    government = get_object_or_404(Government.objects.public().select_related("country__region", "country__subregion"), slug=slug)
    actions = Action.objects.published().involving(government).for_listing().order_by("-published_at", "-id")
    return render(
        request, "governments/government_detail.html", {"government": government, "page": paginate(request, actions)}
    )
