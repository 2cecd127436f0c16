"""Production settings: development values stop the platform at start-up, and a complete production environment
passes Django's deployment checks with warnings counted as failures (what `make prod-check` runs)."""
import json
import os
import secrets
import subprocess
import sys

from django.conf import settings
from django.test import RequestFactory

from localaction.core.routers import ReplicaMiddleware, ReplicaRouter

PRODUCTION = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "localaction.example.org",
    "BASE_URL": "https://localaction.example.org",
    "EMAIL_HOST": "smtp.example.org",
}
# Variables of the developer's or CI's own environment that would change the outcome.
CLEARED = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL", "EMAIL_HOST", "EMAIL_BACKEND", "SECURE_SSL_REDIRECT",
           "SECURE_HSTS_SECONDS", "LOG_FORMAT", "REDIS_URL"}


def manage(*arguments, **env):
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *arguments], cwd=settings.BASE_DIR, env=environment,
                          capture_output=True, text=True, timeout=120)


def strong_key():
    return secrets.token_urlsafe(50)


def test_a_complete_production_environment_passes_the_deployment_checks():
    # The security checks (Django's and ours); the full set, which also builds the API schema from a migrated
    # database, is `make prod-check`.
    result = manage("check", "--deploy", "--fail-level", "WARNING", "--tag", "security",
                    SECRET_KEY=strong_key(), **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_weak_secret_key_stops_the_platform_at_start_up():
    result = manage("check", SECRET_KEY="x" * 60, **PRODUCTION)

    assert result.returncode != 0
    assert "localaction.E001" in result.stderr and "SECRET_KEY is too weak" in result.stderr


def test_missing_host_and_address_are_named_with_the_variable_to_set():
    result = manage("check", DEBUG="0", SECRET_KEY=strong_key())

    assert result.returncode != 0
    assert "localaction.E002" in result.stderr and "ALLOWED_HOSTS" in result.stderr
    assert "localaction.E003" in result.stderr and "BASE_URL" in result.stderr
    assert "localaction.W003" in result.stderr  # e-mails on the console


def test_turning_https_redirects_off_is_a_warning_that_fails_the_deployment_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", "--tag", "security",
                    SECRET_KEY=strong_key(), SECURE_SSL_REDIRECT="0", **PRODUCTION)

    assert result.returncode != 0
    assert "localaction.W001" in result.stderr


def test_development_needs_none_of_this():
    result = manage("check")
    assert result.returncode == 0, result.stderr


def test_production_turns_on_https_cookies_and_headers():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps(["
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER, "
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, "
        "s.SECURE_REFERRER_POLICY, s.SECURE_CONTENT_TYPE_NOSNIFF]))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(PRODUCTION, SECRET_KEY=strong_key(), DJANGO_SETTINGS_MODULE="localaction.settings")
    result = subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, env=environment,
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '[true, 31536000, true, ["HTTP_X_FORWARDED_PROTO", "https"], true, true, true, true, "same-origin", true]'
    )


def test_json_logs_are_one_object_per_line():
    script = (
        "import django, json, logging; django.setup(); logging.getLogger('localaction.test').warning('hello %s', 'there'); "
        "logging.getLogger('weasyprint').info('font noise')"
    )
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(LOG_FORMAT="json", DJANGO_SETTINGS_MODULE="localaction.settings")
    result = subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, env=environment,
                            capture_output=True, text=True, timeout=60)

    lines = [json.loads(line) for line in result.stderr.strip().splitlines()]
    assert [(entry["level"], entry["logger"], entry["message"]) for entry in lines] == [
        ("WARNING", "localaction.test", "hello there")
    ]
    assert lines[0]["time"].endswith("+00:00")


def test_a_replica_url_adds_the_replica_and_its_router():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps(["
        "s.DATABASES['replica']['HOST'], s.DATABASE_ROUTERS, 'localaction.core.routers.ReplicaMiddleware' in s.MIDDLEWARE]))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(DATABASE_URL="postgres://la@primary.example.org/la", DJANGO_SETTINGS_MODULE="localaction.settings",
                       DATABASE_REPLICA_URL="postgres://la@replica.example.org/la")
    result = subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, env=environment,
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["replica.example.org", ["localaction.core.routers.ReplicaRouter"], True]


def read_alias_while_serving(request):
    seen = []
    ReplicaMiddleware(lambda r: seen.append(ReplicaRouter().db_for_read(None)))(request)
    return seen[0]


def test_only_the_anonymous_public_reads_from_the_replica():
    requests = RequestFactory()
    signed_in = requests.get("/en/actions/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"

    assert read_alias_while_serving(requests.get("/en/actions/")) == "replica"
    assert read_alias_while_serving(signed_in) == "default"
    assert read_alias_while_serving(requests.post("/en/contact/")) == "default"
    assert read_alias_while_serving(requests.get("/api/v1/actions/", HTTP_AUTHORIZATION="Token x")) == "default"
    assert ReplicaRouter().db_for_read(None) == "default"  # outside a request: jobs, commands
    assert ReplicaRouter().db_for_write(None) == "default"
    assert not ReplicaRouter().allow_migrate("replica", "actions")
