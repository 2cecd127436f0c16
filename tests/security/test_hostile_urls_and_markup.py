"""Links people type are http(s) only, however the scheme is disguised; and no template or view turns user text
into markup: there is no user rich text (nothing is rendered with |safe or autoescape off but our own markup),
so everything a person writes is escaped — the form tests show it page by page."""
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.apps import apps

from .corpus import URLS

ROOT = Path(__file__).resolve().parents[2] / "localaction"
URL_FIELDS = [("actions", "Partner", "website"), ("actions", "Link", "url"), ("events", "Event", "livestream_url"),
              ("governments", "Government", "website"), ("progress", "Evidence", "url"),
              ("resources", "Resource", "url")]
# Where our own code marks markup safe; each escapes the user text it includes (see the line).
SAFE_MARKUP = {
    "search/snippets.py",  # escape() on every part, <mark> around matches
    "search/catalog.py",  # filter options rendered by a template
    "insights/templatetags/insights_map.py",  # render_to_string of an autoescaped template
}
# Template values marked safe: help texts (ours) and the QR code segno draws (modules, no text of the user's).
SAFE_VALUES = ("help_text", "qr|safe")


def url_fields():
    for app, model, name in URL_FIELDS:
        try:
            yield apps.get_model(app, model)._meta.get_field(name)
        except LookupError:
            continue


@pytest.mark.parametrize("url", URLS)
def test_every_url_field_refuses_dangerous_schemes(url):
    fields = list(url_fields())
    assert len(fields) >= 4
    for field in fields:
        with pytest.raises(ValidationError):
            field.formfield(assume_scheme="https").clean(url)
        with pytest.raises(ValidationError):
            field.run_validators(url)


def test_no_template_renders_user_text_as_markup():
    found = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        found += [f"{path.relative_to(ROOT)}: autoescape off" for _ in re.findall(r"{%\s*autoescape\s+off", text)]
        found += [f"{path.relative_to(ROOT)}: {match}" for match in re.findall(r"{{[^}]*\|\s*safe[^}]*}}", text)
                  if not any(allowed in match for allowed in SAFE_VALUES)]
    assert not found, found


def test_markup_is_marked_safe_only_where_the_user_text_inside_is_escaped():
    marking = {str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")
               if "/tests/" not in str(path) and "mark_safe(" in path.read_text()}
    assert marking <= SAFE_MARKUP, marking - SAFE_MARKUP


def test_the_checks_see_raw_markup_and_dangerous_links_but_not_escaped_text():
    from django.utils.html import escape

    from .corpus import TEXT, problems

    assert problems(f"<p>{escape(TEXT)}</p><a href=\"{escape(URLS[0])}x\">x</a>".replace("javascript", "x")) == []
    assert problems(f"<p>{TEXT}</p>")
    assert problems('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>')
    assert problems('<img src="data:text/html,x">')
