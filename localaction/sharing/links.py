"""Share links and the page addresses they carry.

Share links are plain links to each network's own "share" address: nothing is loaded from a third-party host until
the reader clicks one, and they work without JavaScript. Each carries the page's absolute address, its title and the
Call's hashtags (setting LOCALACTION_SHARE_HASHTAGS) where the network accepts them.
"""
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils.translation import gettext, gettext_lazy as _

DEFAULT_HASHTAGS = ("LocalAction", "GlobalCompacts")

# Query parameters that only move within a page's results: the shared address leaves them out.
NOT_CANONICAL = {"page"}


def hashtags():
    """The Call's hashtags without their "#", from the setting (a list, or a comma-separated string)."""
    value = getattr(settings, "LOCALACTION_SHARE_HASHTAGS", DEFAULT_HASHTAGS)
    if isinstance(value, str):
        value = value.split(",")
    return [tag.strip().lstrip("#") for tag in value if tag.strip().lstrip("#")]


def hashtag_text():
    return " ".join(f"#{tag}" for tag in hashtags())


def canonical_url(request):
    """The absolute address of the current page in the current language, without its page number."""
    query = request.GET.copy()
    for name in NOT_CANONICAL:
        query.pop(name, None)
    path = request.path
    if query:
        path = f"{path}?{query.urlencode()}"
    return request.build_absolute_uri(path)


@dataclass(frozen=True)
class ShareLink:
    """One way to share: its visible name, its address and an accessible label that says where it leads."""

    key: str
    name: str
    url: str

    @property
    def label(self):
        if self.key == "email":
            return gettext("Share by e-mail (opens your e-mail program)")
        return gettext("Share on %(network)s (opens another site)") % {"network": self.name}


def _query(params):
    # %20 rather than "+": mail programs and some share pages show a "+" as it is.
    return urlencode(params, quote_via=quote)


def share_links(url, title):
    """The share links of a page, in a fixed order."""
    title = str(title)
    tags = hashtags()
    text = f"{title} {hashtag_text()}".strip()
    body = "\n\n".join(part for part in (title, url, hashtag_text()) if part)
    facebook = {"u": url}
    if tags:
        # Facebook takes a single hashtag.
        facebook["hashtag"] = f"#{tags[0]}"
    return [
        ShareLink("email", _("E-mail"), "mailto:?" + _query({"subject": title, "body": body})),
        ShareLink("x", "X", "https://x.com/intent/tweet?" + _query(
            {"text": title, "url": url, "hashtags": ",".join(tags)}
        )),
        # LinkedIn's share page takes the address only; it reads the title and image from the page's metadata.
        ShareLink("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + _query({"url": url})),
        ShareLink("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + _query(facebook)),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + _query({"text": f"{text}\n{url}"})),
    ]
