"""Production settings validated at start-up (every manage.py command, including migrate, and `check --deploy`).

They apply when the environment runs the platform in production (DEBUG off: settings.LOCALACTION_PRODUCTION), and
say in each message which environment variable to set. Django's own `check --deploy` covers the HTTPS settings
too; these add what is specific to us and turn Django's warnings about secrets into errors.
"""
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.checks.security.base import SECRET_KEY_MIN_LENGTH, SECRET_KEY_MIN_UNIQUE_CHARACTERS

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "testserver"}
ONE_YEAR = 365 * 24 * 3600


def secret_key_is_weak(key):
    return (
        len(key) < SECRET_KEY_MIN_LENGTH
        or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
        or key.startswith("django-insecure")
        or key == settings.DEFAULT_SECRET_KEY
        or key.startswith("change-me")
    )


def _secrets():
    if secret_key_is_weak(settings.SECRET_KEY):
        return [Error(
            "SECRET_KEY is too weak for production.",
            hint=f"Set SECRET_KEY to at least {SECRET_KEY_MIN_LENGTH} random characters, e.g. the output of "
                 "python -c 'import secrets; print(secrets.token_urlsafe(50))'.",
            id="localaction.E001",
        )]
    return []


def _hosts():
    hosts = set(settings.ALLOWED_HOSTS)
    if "*" in hosts or not hosts - LOCAL_HOSTS:
        return [Error(
            "ALLOWED_HOSTS does not name the site's public host name.",
            hint="Set ALLOWED_HOSTS to the host names the site answers on (comma-separated, no '*').",
            id="localaction.E002",
        )]
    return []


def _base_url():
    url = urlsplit(settings.LOCALACTION_BASE_URL)
    if url.scheme != "https" or url.hostname in {"localhost", "127.0.0.1", "::1"}:
        return [Error(
            "BASE_URL is not the public https address: links in e-mails would point elsewhere.",
            hint="Set BASE_URL, e.g. https://localaction.example.org.",
            id="localaction.E003",
        )]
    return []


def _https():
    problems = []
    if not settings.SECURE_SSL_REDIRECT:
        problems.append(Warning(
            "SECURE_SSL_REDIRECT is off: plain-http visitors are not sent to https.",
            hint="Leave SECURE_SSL_REDIRECT unset unless the proxy itself redirects every http request.",
            id="localaction.W001",
        ))
    if settings.SECURE_HSTS_SECONDS < ONE_YEAR:
        problems.append(Warning(
            "HSTS lasts less than a year.", hint="Leave SECURE_HSTS_SECONDS unset (one year).", id="localaction.W002"
        ))
    if settings.SECURE_PROXY_SSL_HEADER != ("HTTP_X_FORWARDED_PROTO", "https"):
        problems.append(Error(
            "SECURE_PROXY_SSL_HEADER is not set: behind the proxy every request would look like plain http.",
            hint="The reverse proxy must send X-Forwarded-Proto; see docs/deploy.md.",
            id="localaction.E004",
        ))
    return problems


def _mail():
    if settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend", "dummy.EmailBackend")):
        return [Warning(
            "E-mails are not sent: EMAIL_BACKEND writes them to the console.",
            hint="Set EMAIL_HOST (and EMAIL_HOST_USER/EMAIL_HOST_PASSWORD) to the mail server.",
            id="localaction.W003",
        )]
    return []


def _logging():
    if settings.LOCALACTION_LOG_FORMAT not in {"text", "json"}:
        return [Error("LOG_FORMAT must be 'text' or 'json'.", id="localaction.E005")]
    return []


def _cache():
    redis_url = settings.LOCALACTION_REDIS_URL
    if redis_url and urlsplit(redis_url).scheme not in {"redis", "rediss", "unix"}:
        return [Error(
            "REDIS_URL is not a redis://, rediss:// or unix:// address.", id="localaction.E006",
        )]
    return []


@register(Tags.security)
def production_settings(app_configs, **kwargs):
    """Refuse to run production on development values (only when DEBUG is off in the environment)."""
    problems = _logging() + _cache()
    if not settings.LOCALACTION_PRODUCTION:
        return problems
    return problems + _secrets() + _hosts() + _base_url() + _https() + _mail()
