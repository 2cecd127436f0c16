"""Share images: 1200×630 PNG cards that social networks show next to a shared link.

- **Drawn here** with Pillow and the DejaVu fonts the project ships (static/fonts): no external service, no font
  looked up on the system, so a card looks the same on every machine.
- **Content-addressed.** A card's `version` is a digest of everything drawn on it (and of DESIGN): the image URL
  carries it, so a changed title, translation or hashtag setting gives a new URL and caches never need purging.
- **Rendered once.** The PNG bytes are kept in the cache framework under the object, language and version.
"""
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from functools import cache as memoize
from pathlib import Path

from django.core.cache import cache
from django.utils.translation import gettext, ngettext
from PIL import Image, ImageDraw, ImageFont

from localaction.core.translation import page_language

from .links import hashtag_text

# Bump when the drawing changes: every image URL changes with it.
DESIGN = "1"
WIDTH, HEIGHT = 1200, 630
CACHE_SECONDS = 7 * 24 * 3600
FONT_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"

MARGIN = 72
TEXT_WIDTH = WIDTH - 2 * MARGIN
BAND_TOP = 500
BACKGROUND = (11, 92, 171)  # the site's accent colour
BAND = (8, 58, 110)
WHITE = (255, 255, 255)
SOFT = (214, 230, 248)
ELLIPSIS = "…"


@dataclass(frozen=True)
class Card:
    """What one share image shows, in one language."""

    kicker: str
    title: str
    byline: str = ""
    tagline: str = field(default_factory=lambda: gettext("Local Action for Migrants and Refugees"))
    hashtags: str = field(default_factory=hashtag_text)

    @property
    def version(self):
        data = json.dumps([DESIGN, asdict(self)], ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()[:12]

    @property
    def alt(self):
        """The image's text alternative: what it says, in one sentence."""
        return " — ".join(part for part in (self.title, self.kicker, self.byline) if part)


def action_card(action):
    """The card of a published action, in the current language."""
    government = action.government
    return Card(
        kicker=action.get_kind_display(),
        title=str(action.t.title),
        byline=f"{government.name}, {government.country.t.name}",
    )


def government_card(government, published_count):
    """The card of a government's profile, with its number of published actions."""
    count = ngettext("%(count)d published action", "%(count)d published actions", published_count) % {
        "count": published_count
    }
    return Card(
        kicker=government.get_kind_display(),
        title=government.name,
        byline=f"{government.country.t.name} · {count}",
    )


def site_card():
    """The card of every other page."""
    return Card(
        kicker=gettext("Call to Local Action"),
        title=gettext("Actions and pledges of local and regional governments for migrants and refugees"),
        byline=gettext("Implementing the UN Global Compacts on migration and refugees"),
    )


def cached_png(card, key):
    """The PNG of `card`, drawn once per object (`key`), language and version, then kept in the cache."""
    cache_key = f"localaction:share-image:{key}:{page_language()}:{card.version}"
    png = cache.get(cache_key)
    if png is None:
        png = render_png(card)
        cache.set(cache_key, png, CACHE_SECONDS)
    return png


@memoize
def font(size, bold=False):
    """DejaVu Sans (bold or regular) at `size` pixels, loaded once per process."""
    return ImageFont.truetype(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def render_png(card):
    """Draw `card` and return the PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    if card.kicker:
        y = _draw_kicker(draw, card.kicker, y) + 36
    title_font, lines = _fit_title(card.title, BAND_TOP - 40 - y - (56 if card.byline else 0))
    line_height = int(title_font.size * 1.2)
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += line_height
    if card.byline:
        draw.text((MARGIN, y + 14), fit_line(card.byline, font(34), TEXT_WIDTH), font=font(34), fill=SOFT)
    draw.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=BAND)
    draw.text((MARGIN, BAND_TOP + 22), fit_line(card.tagline, font(32, True), TEXT_WIDTH), font=font(32, True), fill=WHITE)
    if card.hashtags:
        draw.text((MARGIN, BAND_TOP + 70), fit_line(card.hashtags, font(28), TEXT_WIDTH), font=font(28), fill=SOFT)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def _draw_kicker(draw, text, y):
    """The kind ("Pledge", "Practice"…) in a white label; returns the label's bottom."""
    label_font = font(28, True)
    text = fit_line(text.upper(), label_font, TEXT_WIDTH - 40)
    left, top, right, bottom = draw.textbbox((MARGIN + 20, y + 10), text, font=label_font)
    draw.rounded_rectangle((MARGIN, y, right + 20, bottom + 12), radius=10, fill=WHITE)
    draw.text((MARGIN + 20, y + 10), text, font=label_font, fill=BACKGROUND)
    return bottom + 12


def _fit_title(title, height):
    """The largest title size whose wrapped lines fit `height`; at the smallest size, cut with an ellipsis."""
    for size in (64, 56, 48):
        title_font = font(size, True)
        max_lines = max(1, height // int(size * 1.2))
        lines, cut = wrap(title, title_font, TEXT_WIDTH, max_lines)
        if not cut:
            return title_font, lines
    return title_font, lines


def wrap(text, text_font, width, max_lines):
    """(lines, cut): `text` wrapped at spaces to `width` pixels, at most `max_lines` lines, the last one ending with
    an ellipsis when some text was left out. A word wider than a line is broken."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_font.getlength(word) > width:
            cut = _longest_prefix(word, text_font, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, False
    lines = lines[:max_lines]
    lines[-1] = _ellipsize(lines[-1], text_font, width)
    return lines, True


def fit_line(text, text_font, width):
    """`text` on one line of `width` pixels, cut with an ellipsis when it is longer."""
    if text_font.getlength(text) <= width:
        return text
    return _ellipsize(text, text_font, width)


def _ellipsize(text, text_font, width):
    """`text` shortened to end with an ellipsis within `width`: whole words when it has several."""
    words = text.split()
    while len(words) > 1 and text_font.getlength(" ".join(words) + ELLIPSIS) > width:
        words.pop()
    text = " ".join(words)
    while text and text_font.getlength(text + ELLIPSIS) > width:
        text = text[:-1]
    return text.rstrip(" ,;:.-–—") + ELLIPSIS


def _longest_prefix(word, text_font, width):
    cut = len(word)
    while cut > 1 and text_font.getlength(word[:cut]) > width:
        cut -= 1
    return cut
