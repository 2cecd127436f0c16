"""The web surface's headers: the Content-Security-Policy per kind of answer, Permissions-Policy, and the one
exception to "no other site may frame us" (the embeddable widgets).

Pages carry settings.CONTENT_SECURITY_POLICY (django-csp): scripts, styles, images and fonts from this origin only,
no inline code. Anything that is not an HTML page (JSON, CSV, downloads, images) gets a policy that allows nothing,
so that a file a browser is tricked into rendering as a document can run nothing and load nothing (PDFs: see
PDF_POLICY). Django's
SecurityMiddleware already sends nosniff, Referrer-Policy, Cross-Origin-Opener-Policy and, in production, HSTS.
"""
from functools import wraps

from csp.constants import NONE
from csp.middleware import CSPMiddleware
from django.views.decorators.clickjacking import xframe_options_exempt

NON_HTML_POLICY = {"default-src": [NONE], "frame-ancestors": [NONE]}
# Chrome shows a PDF in a generated page that the PDF's own policy governs: `default-src 'none'` blanks the viewer
# (crbug.com/271452), so PDFs (the annual report is read in the browser) only refuse to be framed.
PDF_POLICY = {"frame-ancestors": [NONE]}

# Powerful features the site never uses, switched off for every frame it serves. `browsing-topics` is the ad
# interest API; its predecessor `interest-cohort` (FLoC) is left out: browsers that dropped it log an error for it.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()" for feature in (
        "camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "display-capture",
        "serial", "hid", "midi", "magnetometer", "gyroscope", "accelerometer",
    )
)


def media_type(response):
    return response.get("Content-Type", "").split(";")[0].strip().lower()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the allow-nothing policy for every answer that is not an HTML page."""

    def process_response(self, request, response):
        if response.status_code == 304:
            # A cache revalidating its copy takes the new headers from a 304: without a body (and a content type)
            # this answer would get the allow-nothing policy and break a cached page. Sending none keeps the copy's.
            response._csp_exempt = True
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        kind = media_type(response)
        if not report_only and parts.config is None and kind not in {"text/html", "application/xhtml+xml"}:
            parts.config = PDF_POLICY if kind == "application/pdf" else NON_HTML_POLICY
            parts.update = parts.replace = None
        return parts


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header to every answer (a view may set its own)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def frameable(view):
    """Any page may show this one in an <iframe>: no X-Frame-Options and no CSP frame-ancestors.

    Not `frame-ancestors *`: that matches only http(s) origins, and host sites also frame from documents with an
    opaque origin (sandboxed frames, about:blank previews in a CMS). Only for public, read-only pages without forms
    or session-dependent content (a framed page could otherwise be used for clickjacking)."""

    @xframe_options_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_replace = {**(getattr(response, "_csp_replace", None) or {}), "frame-ancestors": None}
        return response

    return wrapped
