"""Renders the pages of pages.PAGES with Django's test client (no browser): for the HTML checker and the weights."""
import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from pages import LANGUAGES, visits


def render_all(client_for, objects, languages=LANGUAGES):
    """{Visit: response} for every page in each language, the HTML compressed as a browser would receive it.

    Fails at once, naming every page that did not answer 200 with HTML to its persona: such a page belongs in
    NOT_HTML or has a wrong persona in PAGES.
    """
    rendered, wrong, persona, client = {}, [], None, None
    for visit in visits(objects, languages):
        if visit.persona != persona:
            persona, client = visit.persona, client_for(visit.persona)
        response = client.get(visit.path, HTTP_ACCEPT_ENCODING="gzip")
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            wrong.append(f"{visit.label}: {response.status_code} {response['Content-Type']}")
        rendered[visit] = response
    assert not wrong, "pages that did not answer 200 with HTML:\n" + "\n".join(wrong)
    return rendered


def html_of(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode(response.charset or "utf-8")


class _Assets(HTMLParser):
    """The addresses a browser fetches to show the page: stylesheets, scripts, images and icons."""

    FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and self.FETCHED_LINKS & set((attrs.get("rel") or "").split()) and attrs.get("href"):
            self.found.append(attrs["href"])
        elif tag in ("script", "img", "input", "iframe", "source") and attrs.get("src"):
            self.found.append(attrs["src"])
        if tag in ("img", "source") and attrs.get("srcset"):
            self.found.extend(part.strip().split()[0] for part in attrs["srcset"].split(",") if part.strip())
        if tag == "video" and attrs.get("poster"):
            self.found.append(attrs["poster"])


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def assets_of(html, base):
    parser = _Assets()
    parser.feed(html)
    return [urljoin(base, address) for address in parser.found]


def compressed_size(response):
    """Bytes on the wire: text as gzip would send it; images and other binaries as they are."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if response.get("Content-Encoding") == "gzip" or not (
        kind.startswith("text/") or "javascript" in kind or "svg" in kind or "json" in kind
    ):
        return len(body), body
    return len(gzip.compress(body, compresslevel=6)), body


def page_weight(client, visit, response, sizes):
    """(total bytes, {address: bytes}) of the page and everything it loads; `sizes` caches each asset's size."""
    parts = {visit.path: len(response.content)}
    queue = assets_of(html_of(response), visit.path)
    while queue:
        address = queue.pop(0)
        if urlsplit(address).scheme in ("data",) or address in parts:
            continue
        if urlsplit(address).netloc:  # another host: the browser test forbids it; nothing to weigh here
            continue
        if address not in sizes:
            asset = client.get(address)
            assert asset.status_code == 200, f"{visit.label} loads {address}: {asset.status_code}"
            size, body = compressed_size(asset)
            nested = []
            if asset.get("Content-Type", "").startswith("text/css"):
                nested = [urljoin(address, a or b) for a, b in CSS_URL.findall(body.decode())]
            sizes[address] = (size, nested)
        size, nested = sizes[address]
        parts[address] = size
        queue.extend(nested)
    return sum(parts.values()), parts
