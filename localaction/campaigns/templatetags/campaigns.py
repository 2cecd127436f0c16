"""Campaign bits other apps' templates show: a submission window, the public files of a campaign, an action's
"announced at" tags with the reviewers' link to change them."""
from django import template

from localaction.reports.models import GeneratedFile

from ..windows import window_note

register = template.Library()


@register.simple_tag
def campaign_window(campaign):
    """"Open for submissions from … until …", "Opens for submissions on …" or "Closed for submissions since …"."""
    return window_note(campaign) if campaign else ""


@register.inclusion_tag("campaigns/_public_files.html")
def campaign_public_files(campaign):
    """The campaign's generated files that reviewers published, ready to download (newest first)."""
    files = GeneratedFile.objects.filter(campaign=campaign, is_public=True, status=GeneratedFile.Status.READY)
    return {"campaign": campaign, "files": list(files.only("pk", "title", "size", "finished_at", "language", "sha256"))}


@register.inclusion_tag("campaigns/_announced_at_fact.html", takes_context=True)
def announced_at_fact(context, action):
    """For reviewers' pages: the forums the action (or the published action a change applies to) was announced
    at, with the link to change them."""
    public = action.revision_of if action.revision_of_id else action
    return {"action": public, "campaigns": list(public.announced_at.all()), "request": context.get("request")}
