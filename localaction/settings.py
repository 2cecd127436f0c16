"""The one settings module: everything that differs between a laptop and production comes from the environment.

Defaults give the embedded set-up (SQLite file, console e-mail, local memory cache). Production sets at least
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; see .env.example.
"""
import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from localaction.core.db import SQLITE_OPTIONS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# DEBUG defaults to on so that `make run` needs no configuration; ALLOWED_HOSTS then only admits this machine,
# so a forgotten DEBUG=0 cannot serve the public.
DEBUG = env_bool("DEBUG", True)
DEFAULT_SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DEBUG is off but SECRET_KEY is the development default. Set the SECRET_KEY environment variable "
        "to a long random value (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
# Production is DEBUG off, read once from the environment (the test runner turns DEBUG off too, but is not
# production): localaction.core.checks then refuses development values at start-up.
LOCALACTION_PRODUCTION = not DEBUG
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "localaction.core",
    "localaction.accounts",
    "localaction.activity",
    "localaction.taxonomy",
    "localaction.governments",
    "localaction.campaigns",
    "localaction.actions",
    "localaction.search",
    "localaction.progress",
    "localaction.figures",
    "localaction.declarations",
    "localaction.notifications",
    "localaction.jobs",
    "localaction.workspace",
    "localaction.api",
    "localaction.opendata",
    "localaction.insights",
    "localaction.reports",
    "localaction.fund",
    "localaction.events",
    "localaction.contact",
    "localaction.resources",
    "localaction.sharing",
    "localaction.imports",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "localaction.core.logging.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are small but city staff are often on metered connections; Django's gzip includes a BREACH mitigation.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "localaction.urls"
WSGI_APPLICATION = "localaction.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "localaction" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "localaction.core.context_processors.site",
                "localaction.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL, IMMEDIATE transactions and a 20 s busy timeout: concurrent writers wait instead of failing (core/db.py).
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A PostgreSQL streaming replica serves the anonymous public's reads (localaction.core.routers).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["localaction.core.routers.ReplicaRouter"]
    MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
                      "localaction.core.routers.ReplicaMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOCALACTION_REDIS_URL = os.environ.get("REDIS_URL", "")
if LOCALACTION_REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": LOCALACTION_REDIS_URL}}
    # Sessions are read from Redis and written through to the database, so restarting Redis signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous readers' pages kept this many seconds (core/page_cache.py). Its invalidation lives in the cache, so it
# needs a cache shared by every worker: on by default with Redis, and in development (one process); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 60 if (LOCALACTION_REDIS_URL or DEBUG) else 0))

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en"
# Content is stored in one column per content language (title_en, title_fr, title_es): adding one needs a migration.
CONTENT_LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]


def interface_languages(content_languages, extra_codes):
    """The content languages plus interface-only ones (LOCALACTION_EXTRA_LANGUAGES=ar): pages are translated by
    the locale catalogs, content falls back to a content language. Django's own list names them (and its catalog
    translates the names); a code it does not know is refused rather than silently served untranslated."""
    from django.conf.locale import LANG_INFO

    languages = list(content_languages)
    known = {code for code, _name in languages}
    for code in extra_codes:
        code = code.lower()
        if code in known:
            continue
        info = LANG_INFO.get(code)
        if info is None or "name" not in info:
            raise ImproperlyConfigured(
                f"LOCALACTION_EXTRA_LANGUAGES: unknown language code {code!r}; use a code listed in "
                "django/conf/locale/__init__.py (LANG_INFO), such as 'ar'."
            )
        if len(code) > 5:  # accounts.User.language, the preferred language, holds five characters
            raise ImproperlyConfigured(f"LOCALACTION_EXTRA_LANGUAGES: {code!r} is longer than five characters.")
        languages.append((code, _(info["name"])))
        known.add(code)
    return languages


LANGUAGES = interface_languages(CONTENT_LANGUAGES, env_list("LOCALACTION_EXTRA_LANGUAGES", []))
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "localaction" / "static"]
STORAGES = {
    # Uploads and generated files (handover packages, reports, certificates): local disk by default; object storage
    # by naming another Django storage backend and its options, e.g. FILE_STORAGE_BACKEND=storages.backends.s3.S3Storage
    # FILE_STORAGE_OPTIONS='{"bucket_name": "localaction"}' (after installing django-storages[s3]).
    "default": {
        "BACKEND": os.environ.get("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(os.environ.get("FILE_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In development whitenoise serves straight from the app folders; production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads live outside the static tree; later issues serve them through permission checks.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Local Action <no-reply@localhost>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# Forms carry the token in a hidden field; no script reads the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "localaction.core.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Monitors may ask the application server for /health/ directly, over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    # Only correct behind a proxy that sets X-Forwarded-Proto itself, overwriting what the client sent (deploy.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# LOG_FORMAT=json: one JSON object per line (time, level, logger, message, request_id) for a log collector.
LOCALACTION_LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "localaction.core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOCALACTION_LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools report every font they subset at INFO, django-axes its version at every start:
    # noise, not news (axes' lockouts are logged at WARNING).
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "axes")},
}

# Absolute links in e-mails (jobs have no request to build them from).
LOCALACTION_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Uploaded letters and documents: at most this many bytes.
LOCALACTION_MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
# Invitations to join a government expire after this many days.
LOCALACTION_INVITATION_DAYS = 7

# Page size of public lists; kept small for slow connections.
LOCALACTION_PAGE_SIZE = 20

# ---------------------------------------------------------------------------------------------- open data and API
# Read endpoints are open to everyone; write endpoints take a member's API token (Authorization: Token …), never a
# session, so no browser can be tricked into writing through the API.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["localaction.api.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "localaction.api.throttling.AnonymousRateThrottle", "localaction.api.throttling.TokenRateThrottle",
    ],
    "EXCEPTION_HANDLER": "localaction.api.throttling.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/min"),
        "user": os.environ.get("API_USER_RATE", "600/min"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Local Action API",
    "VERSION": "1.0.0",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    # Choice sets that share a field name ("kind", "status") get distinct, readable enum names.
    "ENUM_NAME_OVERRIDES": {
        "ActionKindEnum": "localaction.actions.models.Action.Kind",
        "ActionStatusEnum": "localaction.actions.models.Action.Status",
        "PartnerKindEnum": "localaction.actions.models.Partner.Kind",
        "ProgressUpdateStatusEnum": "localaction.progress.models.ProgressUpdate.Status",
        "ActionStageEnum": "localaction.actions.models.Action.Stage",
        "GovernmentKindEnum": "localaction.governments.models.Government.Kind",
        "LanguageEnum": "localaction.settings.CONTENT_LANGUAGES",
    },
}
# Where `manage.py backup` writes when not given --output.
LOCALACTION_BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
# /health/ answers 503 when a due job has waited longer than this many seconds (the worker is stopped or stuck).
LOCALACTION_HEALTH_MAX_JOB_DELAY = int(os.environ.get("HEALTH_MAX_JOB_DELAY", "900"))

# Where `export_archive` writes its snapshots (the latest is offered for download).
LOCALACTION_ARCHIVE_DIR = Path(os.environ.get("ARCHIVE_DIR", BASE_DIR / "var" / "archive"))

# --- Accounts hardening (axes, two-factor, sessions) ---
# django-axes counts failed sign-ins per e-mail address and client address (main site and admin alike) and locks
# that pair out for a while; django-otp holds the TOTP and backup-code devices that privileged users must use.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static", "axes"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                  "localaction.accounts.middleware.IdleSessionMiddleware")
MIDDLEWARE.insert(MIDDLEWARE.index("localaction.accounts.middleware.IdleSessionMiddleware") + 1,
                  "django_otp.middleware.OTPMiddleware")
MIDDLEWARE.insert(MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
                  "localaction.accounts.middleware.TwoFactorMiddleware")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # axes wants to be last: it turns lock-outs into a page
AUTHENTICATION_BACKENDS = ["localaction.accounts.backends.LockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")) / 60  # in hours, as axes counts
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in forms name the e-mail box "username", as Django does
AXES_USERNAME_CALLABLE = "localaction.accounts.backends.username_for_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "localaction.accounts.views.locked_out"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = "Local Action"
# Platform roles whose holders (and every staff user) must confirm sign-ins with a second factor.
LOCALACTION_TWO_FACTOR_ROLES = ["reviewers", "fund_managers"]
# A session unused for this long is ended (checked on each request, its timestamp written at most once a minute);
# SESSION_COOKIE_AGE caps a session's whole life.
LOCALACTION_SESSION_IDLE_SECONDS = int(os.environ.get("SESSION_IDLE_HOURS", "12")) * 3600
SESSION_COOKIE_AGE = 14 * 24 * 3600
# Public forms: a sign-up or reset sent sooner than this after the page was shown is a robot; at most this many
# sign-ups an hour from one address.
LOCALACTION_FORM_MIN_SECONDS = 3
LOCALACTION_SIGNUPS_PER_HOUR = int(os.environ.get("SIGNUPS_PER_HOUR", "5"))

# --- Web surface (CSP, security headers) ---
# Pages load scripts, styles, images and fonts from this origin only and run no inline code (no nonce needed: the
# templates have no inline script, style element or style attribute; no stylesheet, ours or the admin's, uses a
# data: URI). Answers that are not HTML get `default-src 'none'` (core/security.py); the embeddable widgets drop
# frame-ancestors (core.security.frameable).
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "localaction.core.security.ContentSecurityPolicyMiddleware")
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "localaction.core.security.PermissionsPolicyMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# ---------------------------------------------------------------------------------------------- Abuse limits
# The number of reverse proxies in front of gunicorn (deploy.md's nginx: 1). Their X-Forwarded-For gives the
# client's address to every per-address limit (core/ratelimit.py); 0 ignores the header, which a client could forge.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
MIDDLEWARE.insert(0, "localaction.core.ratelimit.ClientAddressMiddleware")
# Catalog searches with a text query per address and minute (a person types a few; a scraper thousands). 0: none.
SEARCH_RATE_PER_MINUTE = int(os.environ.get("SEARCH_RATE_PER_MINUTE", "60"))
