"""One public page per GCM objective, GCR objective, GCR area and SDG, and an index of each."""
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action
from localaction.actions.views import paginate

from .models import SDG, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple

PUBLISHED = Q(actions__status=Action.Status.PUBLISHED)


def _with_counts(queryset):
    return queryset.annotate(published_count=Count("actions", filter=PUBLISHED))


def gcm_index(request):
    return render(
        request,
        "taxonomy/gcm_index.html",
        {"objectives": _with_counts(GCMObjective.objects.all()), "principles": _with_counts(GuidingPrinciple.objects.all())},
    )


def gcr_index(request):
    return render(
        request,
        "taxonomy/gcr_index.html",
        {"objectives": _with_counts(GCRObjective.objects.all()), "areas": _with_counts(GCRArea.objects.all())},
    )


def sdg_index(request):
    return render(request, "taxonomy/sdg_index.html", {"sdgs": _with_counts(SDG.objects.all())})


def _term_page(request, term, heading, text, filter_param, filter_value, kind_label):
    actions = term.actions.published().for_listing().order_by("-published_at", "-id")
    return render(
        request,
        "taxonomy/term_detail.html",
        {
            "term": term,
            "heading": heading,
            "text": text,
            "kind_label": kind_label,
            "page": paginate(request, actions),
            "catalog_url": f"{reverse('actions:list')}?{filter_param}={filter_value}",
        },
    )


def gcm_objective(request, number):
    objective = get_object_or_404(GCMObjective, number=number)
    return _term_page(
        request, objective, objective.t.short_label, objective.t.title, "gcm", number,
        _("GCM objective %(number)s") % {"number": number},
    )


def gcr_objective(request, number):
    objective = get_object_or_404(GCRObjective, number=number)
    return _term_page(
        request, objective, objective.t.text, "", "gcr", number, _("GCR objective %(number)s") % {"number": number}
    )


def gcr_area(request, key):
    area = get_object_or_404(GCRArea, key=key)
    return _term_page(request, area, area.t.name, "", "gcr_area", key, _("GCR area of focus"))


def sdg(request, number):
    goal = get_object_or_404(SDG, number=number)
    return _term_page(request, goal, goal.t.short_title, goal.t.title, "sdg", number, _("SDG %(number)s") % {"number": number})
