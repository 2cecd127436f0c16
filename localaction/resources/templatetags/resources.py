"""`{% related_resources objective %}`: the newest published resources about a GCM objective, GCR objective or
SDG, for the objective pages (taxonomy/term_detail.html; other terms show nothing) (a short list and a link to the library filtered by it)."""
from django import template
from django.urls import reverse

from localaction.taxonomy.models import SDG, GCMObjective, GCRObjective

from ..models import Resource

register = template.Library()

LIMIT = 5
# objective model → (the resources' relation, the library's filter parameter)
RELATIONS = {GCMObjective: ("gcm_objectives", "gcm"), GCRObjective: ("gcr_objectives", "gcr"), SDG: ("sdgs", "sdg")}


@register.inclusion_tag("resources/_related.html")
def related_resources(objective):
    if type(objective) not in RELATIONS:
        return {"resources": []}  # e.g. a GCR area of focus: resources are not mapped to those
    relation, parameter = RELATIONS[type(objective)]
    resources = list(Resource.objects.published().filter(**{relation: objective})[: LIMIT + 1])
    return {
        "resources": resources[:LIMIT],
        "more": len(resources) > LIMIT,
        "library_url": f"{reverse('resources:list')}?{parameter}={objective.number}",
    }
