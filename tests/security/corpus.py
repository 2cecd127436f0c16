"""The hostile inputs the security tests send through every form, API write, upload and export.

Each text holds a marker that can only appear in a response as raw markup if the value was not escaped: the
checks look for the raw markup (`<script>alert(`…), never for the words, which escaped output keeps.
"""
import io
import json
import re
import zipfile
from html.parser import HTMLParser

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror=alert(1)>'
SVG_TAG = "<svg onload=alert(1)>"
RTL_OVERRIDE = "\u202egnp.exe"
ZERO_WIDTH = "a\u200db\u200c\ufeffc"
COMBINING = "e\u0301\u0327\u0308"
EMOJI = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]

# One text with all of them, first the markup (a field's max length may cut the end).
TEXT = f"{SCRIPT}{ATTRIBUTE_BREAK}{SVG_TAG} {RTL_OVERRIDE} {ZERO_WIDTH} {COMBINING} {EMOJI} {FORMULAS[0]}"
LONG = "A" * 100_000
NUL = "before\x00after"
# A JSON body with a lone surrogate (valid JSON, not valid UTF-8 text once decoded).
LONE_SURROGATE_JSON = '{"title_en": "\\ud800 lone"}'

URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]

# Raw markup that escaped output never contains.
RAW_MARKERS = ("<script>alert(", "<img src=x onerror", "<svg onload")
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")

SVG_WITH_SCRIPT = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
                   b"<script>alert(1)</script></svg>")
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zip_bomb(size):
    """A small ZIP whose one member inflates to `size` bytes, dressed as an XLSX (so it passes a look at the
    names inside)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * size)
    return buffer.getvalue()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "xlink:href", "poster") and value:
                # Browsers drop ASCII whitespace and control characters inside a scheme.
                cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
                if cleaned.startswith(DANGEROUS_SCHEMES):
                    self.found.append(f"<{tag} {name}={value!r}>")
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")


def problems(content):
    """What in an HTML response shows that user text was not escaped: raw markup, event handlers, links with a
    dangerous scheme. Empty when the page is safe."""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    found = [marker for marker in RAW_MARKERS if marker in text]
    parser = _Links()
    parser.feed(text)
    return found + parser.found


def as_json(response):
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return json.loads(response.content)
