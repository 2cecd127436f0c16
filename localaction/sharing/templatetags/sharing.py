"""Template helpers for sharing: social metadata in <head>, share links, the widget's embedding code."""
import html
import re

from django import template
from django.template.loader import render_to_string
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.core.translation import interface_language_codes, page_language
from localaction.governments.models import Government

from localaction.sharing import images, links

register = template.Library()

# Open Graph wants a territory; these are the locales Facebook and LinkedIn know for our languages.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "ar": "ar_AR"}


@register.simple_tag(takes_context=True)
def social_meta(context, obj=None, published_count=None):
    """{% social_meta %}: Open Graph and Twitter card tags for <head>. The title and description come from the
    page's own `title` and `description` blocks; an action or a government (`obj`) gives its own image."""
    request = context.get("request")
    if request is None:  # a page rendered outside a request (an e-mail, a PDF) is not shared
        return ""
    image = _image(obj, published_count)
    language = page_language()
    site_name = gettext("Local Action for Migrants and Refugees")
    values = {
        "title": _page_title(context) or site_name,
        "description": _block_text(context, "description"),
        "type": "article" if isinstance(obj, Action) else "website",
        "url": links.canonical_url(request),
        "image_url": request.build_absolute_uri(image["url"]),
        "image_alt": image["alt"],
        "image_width": images.WIDTH,
        "image_height": images.HEIGHT,
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [OG_LOCALES.get(code, code) for code in interface_language_codes() if code != language],
        "site_name": site_name,
    }
    return render_to_string("sharing/_meta.html", values)


@register.simple_tag(takes_context=True)
def share_links(context, title):
    """{% share_links title as links %}: the share links of the current page."""
    return links.share_links(links.canonical_url(context["request"]), title)


@register.simple_tag(takes_context=True)
def widget_code(context, government):
    """{% widget_code government as widget %}: the addresses and the <iframe> code a webmaster copies."""
    request = context["request"]
    url = request.build_absolute_uri(reverse("sharing:government_widget", args=[government.slug]))
    title = gettext("Published actions of %(government)s on Local Action") % {"government": government.name}
    iframe = render_to_string("sharing/_iframe.html", {"url": url, "title": title}).strip()
    return {
        "url": url,
        "snippet_url": request.build_absolute_uri(reverse("sharing:government_snippet", args=[government.slug])),
        "iframe": iframe,
    }


def _image(obj, published_count):
    """The address (site-relative) and text alternative of the page's share image."""
    if isinstance(obj, Action):
        card = images.action_card(obj)
        url = reverse("sharing:action_image", args=[obj.public_id, card.version])
    elif isinstance(obj, Government):
        if published_count is None:
            published_count = Action.objects.published().involving(obj).count()
        card = images.government_card(obj, published_count)
        url = reverse("sharing:government_image", args=[obj.slug, card.version])
    else:
        card = images.site_card()
        url = reverse("sharing:site_image", args=[card.version])
    return {"url": url, "alt": card.alt}


def _page_title(context):
    """The page's title without the site's name, which og:site_name already gives."""
    title = _block_text(context, "title")
    suffix = " — " + gettext("Local Action")
    return title[: -len(suffix)] if title.endswith(suffix) and len(title) > len(suffix) else title


def _block_text(context, name):
    """The plain text of one of the page's blocks, as the page renders it (child templates' overrides included)."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    text = html.unescape(strip_tags(block.render(context)))
    return re.sub(r"\s+", " ", text).strip()
