"""The web surface: Content-Security-Policy and the other security headers on pages, JSON, files and widgets;
production's HSTS and cookies; CSRF on every view; uploads never served from MEDIA_URL; no inline code."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from localaction.factories import ActionFactory, GovernmentFactory
from localaction.resources.tests.factories import ResourceFactory, pdf_upload

PAGE_POLICY = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self'",
    "font-src": "'self'", "connect-src": "'self'", "frame-ancestors": "'none'", "form-action": "'self'",
    "base-uri": "'none'", "object-src": "'none'",
}
NON_HTML_POLICY = {"default-src": "'none'", "frame-ancestors": "'none'"}
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def policy(response):
    """The Content-Security-Policy header as {directive: sources}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {parts[0]: parts[1] if len(parts) > 1 else "" for parts in directives}


def assert_common_headers(response):
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"same-origin", "strict-origin-when-cross-origin"}
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(item.strip().split("=", 1) for item in response.headers["Permissions-Policy"].split(","))
    for feature in DENIED_FEATURES:
        assert features[feature] == "()", feature


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def published(db):
    government = GovernmentFactory(slug="villeneuve")
    action = ActionFactory(published=True, government=government, title_en="Welcome desks")
    return {"government": government, "action": action}


@pytest.mark.parametrize("name, args", [
    ("core:home", []), ("core:about", []), ("actions:list", []), ("governments:list", []), ("insights:index", []),
    ("insights:map", []), ("events:list", []), ("resources:list", []), ("fund:index", []),
    ("accounts:login", []), ("opendata:index", []), ("governments:detail", ["villeneuve"]),
])
def test_every_page_has_the_strict_policy_and_cannot_be_framed(client, published, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert policy(response) == PAGE_POLICY
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


def test_an_action_page_and_the_api_documentation_have_the_strict_policy(client, published):
    for url in (published["action"].get_absolute_url(), reverse("api_docs:index")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert policy(response) == PAGE_POLICY


def test_a_signed_in_workspace_page_has_the_strict_policy(client_for):
    response = client_for("member_a").get(reverse("workspace:home"))
    assert response.status_code == 200
    assert policy(response) == PAGE_POLICY
    assert_common_headers(response)


def test_an_error_page_has_the_strict_policy(client, db):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert policy(response) == PAGE_POLICY


def test_json_from_the_api_allows_nothing(client, published):
    for url in (reverse("api:action-list"), reverse("api:root")):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("application/json")
        assert policy(response) == NON_HTML_POLICY
        assert_common_headers(response)


def test_a_csv_export_allows_nothing(client, db):
    ResourceFactory()
    response = client.get(reverse("resources:csv"))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert policy(response) == NON_HTML_POLICY


def test_a_pdf_download_is_an_attachment_that_cannot_be_framed(client, db, media):
    resource = ResourceFactory(url="", file=pdf_upload())
    response = client.get(reverse("resources:file", args=[resource.pk]))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment")
    # Not default-src 'none': Chrome's PDF viewer lives in a page that the PDF's policy governs.
    assert policy(response) == {"frame-ancestors": "'none'"}
    assert response.headers["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


@pytest.mark.parametrize("name", ["sharing:government_widget", "sharing:government_snippet"])
def test_widgets_may_be_framed_by_any_site(client, published, name):
    url = reverse(name, args=["villeneuve"])
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert policy(response) == {key: value for key, value in PAGE_POLICY.items() if key != "frame-ancestors"}
    assert_common_headers(response)
    # A revalidation (304) sends no policy, so the cached copy keeps its own; refusals of bad options are framed too.
    again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert "Content-Security-Policy" not in again.headers
    refused = client.get(url, {"limit": "nonsense"})
    assert refused.status_code == 400
    assert "frame-ancestors" not in policy(refused) and "X-Frame-Options" not in refused.headers


def test_the_share_image_of_a_government_allows_nothing(client, published):
    response = client.get(reverse("sharing:government_image", args=["villeneuve", "x"]), follow=True)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/png"
    assert policy(response) == NON_HTML_POLICY


# ------------------------------------------------------------------------------------------------ production

def production_settings():
    """The settings module as production loads it (DEBUG=0 and a real secret), read in a fresh interpreter."""
    code = (
        "import json; from localaction import settings as s; print(json.dumps({name: getattr(s, name, None) for name "
        "in ('SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE',"
        " 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'SECURE_CONTENT_TYPE_NOSNIFF',"
        " 'X_FRAME_OPTIONS', 'CONTENT_SECURITY_POLICY', 'MIDDLEWARE')}))"
    )
    environment = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "localaction.example.org"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, cwd=django_settings.BASE_DIR, capture_output=True, text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_turns_on_hsts_and_secure_cookies():
    production = production_settings()
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_SSL_REDIRECT"] is True
    for name in ("SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY"):
        assert production[name] is True, name
    assert production["CONTENT_SECURITY_POLICY"] == django_settings.CONTENT_SECURITY_POLICY
    assert "localaction.core.security.ContentSecurityPolicyMiddleware" in production["MIDDLEWARE"]


def test_with_production_values_a_page_over_https_has_hsts_and_secure_cookies(client, db, settings):
    production = production_settings()
    for name in ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SESSION_COOKIE_SECURE",
                 "CSRF_COOKIE_SECURE"):
        setattr(settings, name, production[name])
    response = client.get(reverse("accounts:login"), secure=True)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith(f"max-age={production['SECURE_HSTS_SECONDS']}")
    assert "includeSubDomains" in response.headers["Strict-Transport-Security"]
    csrf_cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf_cookie["secure"] and csrf_cookie["httponly"]


# ------------------------------------------------------------------------------------------------------ CSRF

def all_callbacks(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from all_callbacks(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_only_token_authenticated_api_views_skip_the_csrf_check():
    """DRF views are csrf_exempt by design: that is safe only while none of them accepts a session cookie."""
    from rest_framework.authentication import SessionAuthentication

    exempt = [(route, callback) for route, callback in all_callbacks() if getattr(callback, "csrf_exempt", False)]
    assert exempt, "the API's views are expected here"
    for route, callback in exempt:
        view_class = getattr(callback, "cls", None)
        assert view_class is not None, f"{route} skips the CSRF check and is not an API view"
        authenticators = view_class().authentication_classes
        assert authenticators, route
        assert not any(issubclass(authenticator, SessionAuthentication) for authenticator in authenticators), route


def test_a_post_without_the_token_is_refused(db, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("accounts:login"), {"username": "someone@example.org", "password": "x"})
    assert response.status_code == 403
    assert policy(response) == PAGE_POLICY


# --------------------------------------------------------------------------------------------------- uploads

def test_uploads_are_kept_outside_everything_served_as_static_files():
    media = Path(django_settings.MEDIA_ROOT).resolve()
    served = [Path(django_settings.STATIC_ROOT), *map(Path, django_settings.STATICFILES_DIRS)]
    for folder in served:
        folder = folder.resolve()
        assert not media.is_relative_to(folder) and not folder.is_relative_to(media), folder
    assert getattr(django_settings, "WHITENOISE_ROOT", None) is None


def test_a_stored_upload_is_not_served_from_media_url(client, db, media):
    resource = ResourceFactory(url="", file=pdf_upload())
    assert (media / resource.file.name).exists()
    response = client.get(django_settings.MEDIA_URL + resource.file.name)
    assert response.status_code == 404
    # Stored under a random name with the extension of what it is, whatever the sender called it.
    assert re.fullmatch(r"resources/[0-9a-f]{32}\.pdf", resource.file.name)


# ---------------------------------------------------------------------------------------------- inline code

TEMPLATES = Path(django_settings.BASE_DIR) / "localaction" / "templates"
# E-mails and PDFs are not pages: no browser applies the policy to them.
NOT_PAGES = ("email/", "reports/pdf/")
INLINE_CODE = re.compile(
    r"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=\s*[\"']|javascript:", re.IGNORECASE
)


def test_no_page_template_has_inline_scripts_styles_or_event_handlers():
    found = []
    for template in sorted(TEMPLATES.rglob("*")):
        relative = template.relative_to(TEMPLATES).as_posix()
        if not template.is_file() or relative.startswith(NOT_PAGES) or template.suffix not in {".html", ".svg"}:
            continue
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if INLINE_CODE.search(line):
                found.append(f"{relative}:{number}: {line.strip()[:120]}")
    assert not found, "inline code the Content-Security-Policy blocks:\n" + "\n".join(found)


def test_the_world_map_has_no_style_element(client, published):
    response = client.get(reverse("insights:map"))
    html = response.content.decode()
    assert 'class="world-map"' in html
    assert not INLINE_CODE.search(html)
