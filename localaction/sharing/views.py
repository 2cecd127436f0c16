"""Share images and embeddable widgets: public, read-only, and cheap to serve again.

Both read only published actions and public governments; anything else is a 404. Images live at content-addressed
URLs (see images.py) and may be kept a day by any cache; widgets may be kept ten minutes and are revalidated with
their ETag. Widgets are the only pages of the site that other sites may frame.
"""
import calendar

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from localaction.actions.models import Action
from localaction.core.security import frameable
from localaction.governments.models import Government

from . import images, widgets
from .forms import WidgetOptionsForm

IMAGE_MAX_AGE = 24 * 3600
WIDGET_MAX_AGE = 600


@require_safe
def site_image(request, version):
    return _image_response(request, images.site_card(), "site", version, "sharing:site_image", [])


@require_safe
def action_image(request, public_id, version):
    action = get_object_or_404(Action.objects.published().select_related("government__country"), public_id=public_id)
    card = images.action_card(action)
    return _image_response(request, card, f"action:{public_id}", version, "sharing:action_image", [public_id])


@require_safe
def government_image(request, slug, version):
    government = get_object_or_404(Government.objects.public().select_related("country"), slug=slug)
    card = images.government_card(government, Action.objects.published().involving(government).count())
    return _image_response(request, card, f"government:{slug}", version, "sharing:government_image", [slug])


@frameable
@require_safe
def government_widget(request, slug):
    """A small standalone page of a government's latest published actions, for an <iframe> on its own site."""
    return _widget_response(request, slug, "sharing/widget.html", "page")


@frameable
@require_safe
def government_snippet(request, slug):
    """The same list as an HTML fragment without styles or scripts, for a site to include on its side."""
    return _widget_response(request, slug, "sharing/snippet.html", "snippet")


def _image_response(request, card, key, version, url_name, args):
    if version != card.version:
        # An image that has changed since its address was shared: send the reader to the current one.
        return redirect(reverse(url_name, args=[*args, card.version]))
    etag = f'"{card.version}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(images.cached_png(card, key), content_type="image/png")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=IMAGE_MAX_AGE, immutable=True)
    return response


def _widget_response(request, slug, template, variant):
    government = get_object_or_404(Government.objects.public(), slug=slug)
    form = WidgetOptionsForm(request.GET)
    if not form.is_valid():
        return HttpResponse(render_to_string(template, {"government": government, "form": form}), status=400)
    limit, kind = form.options()
    actions = widgets.published_actions(government, kind)
    state = widgets.state(government, actions, variant, limit, kind)
    last_modified = calendar.timegm(state.last_modified.utctimetuple()) if state.last_modified else None
    response = get_conditional_response(request, etag=state.etag, last_modified=last_modified)
    if response is None:
        context = {
            "government": government,
            "government_url": request.build_absolute_uri(government.get_absolute_url()),
            "items": [
                {"action": action, "url": request.build_absolute_uri(action.get_absolute_url())}
                for action in actions[:limit]
            ],
        }
        # Rendered without the request: no context processor reads the session, so the answer does not vary with
        # the reader's cookies and shared caches can keep one copy for everyone.
        response = HttpResponse(render_to_string(template, context))
    response["ETag"] = state.etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=WIDGET_MAX_AGE)
    return response
