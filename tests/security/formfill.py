"""Finds the POST forms of a page and fills every field a person can type into with a hostile value."""
from html.parser import HTMLParser

from .corpus import TEXT, URLS

FILLED_TYPES = {"text", "search", "textarea", "tel", "url", "email"}


class Form:
    def __init__(self, action, attrs):
        self.action = action
        self.attrs = attrs
        self.fields = []  # (kind, name, value, attrs)
        self.selects = {}


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.form = Form(attrs.get("action") or "", attrs)
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and attrs.get("name"):
            self.form.fields.append((attrs.get("type", "text").lower(), attrs["name"], attrs.get("value"), attrs))
        elif tag == "textarea" and attrs.get("name"):
            self.form.fields.append(("textarea", attrs["name"], "", attrs))
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
            self.form.selects[self.select] = []
            self.form.fields.append(("select", self.select, None, attrs))
        elif tag == "option" and self.select is not None:
            self.form.selects[self.select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def post_forms(html):
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def typed_fields(form):
    return [field for field in form.fields if field[0] in FILLED_TYPES]


SAFE_URL = "https://example.org/"


def fill(form, text=TEXT, url=URLS[0], keep_values=False):
    """The POST data of `form` with hostile text in every typed field (cut to its maxlength, so that the value
    is stored rather than refused for its length), sensible values elsewhere. With `keep_values`, fields that
    already hold a value (a currency, a code) keep it and URL fields get a harmless address, so that the rest
    of the text is stored rather than refused for one field."""
    data, checked = {}, set()
    for kind, name, value, attrs in form.fields:
        limit = int(attrs.get("maxlength") or 0) or None
        if keep_values and kind in FILLED_TYPES and kind != "textarea" and value:
            data[name] = value
        elif keep_values and kind == "url":
            data[name] = SAFE_URL
        elif kind in ("text", "search", "textarea", "tel"):
            data[name] = text[:limit]
        elif kind == "url":
            data[name] = url
        elif kind == "email":
            data[name] = "hostile@example.org"
        elif kind == "number":
            data[name] = attrs.get("min") or "1"
        elif kind == "date":
            data[name] = "2026-06-01"
        elif kind == "datetime-local":
            data[name] = "2026-06-01T10:00"
        elif kind == "time":
            data[name] = "10:00"
        elif kind in ("checkbox", "radio"):
            if name not in checked:
                data[name] = value or "on"
                checked.add(name)
        elif kind == "select":
            options = [option for option in form.selects.get(name, []) if option]
            if options:
                data[name] = options[0]
        elif kind in ("hidden", "submit") and value is not None:
            data.setdefault(name, value)
        # file and password fields stay empty
    return data
