"""Dateline's one settings module. Everything that differs between machines comes from the environment.

Environment variables:
  DJANGO_DEBUG          "1"/"true" for local development; off unless asked.
  SECRET_KEY            required unless DJANGO_DEBUG is on.
  DATABASE_URL          e.g. postgres://user@127.0.0.1:5432/dateline; SQLite (db.sqlite3) when unset.
  ALLOWED_HOSTS         comma-separated; defaults to localhost names in debug, required otherwise.
  CSRF_TRUSTED_ORIGINS  comma-separated origins, for deployments behind a proxy.
  SECURE_SSL_REDIRECT   redirect http to https (default on when not in debug); likewise SECURE_HSTS_SECONDS,
                        SECURE_HSTS_PRELOAD; BEHIND_TLS_PROXY=1 trusts X-Forwarded-Proto.
  INGEST_MAX_BYTES      largest article file ingest accepts (default 2 MB).
  INGEST_FETCH_TIMEOUT  seconds allowed to fetch an article's URL (default 15).
  INGEST_FETCH_PRIVATE  "1" lets URLs on loopback, private and link-local addresses be fetched (off).
  TASKS_BACKEND         "database" (default: a worker, `manage.py db_worker`, runs the tasks) or "immediate".
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_str(name: str, default: str | None = None) -> str | None:
    raw = os.environ.get(name)
    return default if raw is None or raw.strip() == "" else raw.strip()


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_extensions",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks_db",
    "articles",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # dynamic pages compressed (WhiteNoise compresses static files itself); CSRF tokens are masked per
    # response, which keeps BREACH from reading them through compression
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "dateline.middleware.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "dateline.middleware.DatabaseUnavailableMiddleware",
    # last, so that it sees failed logins after authentication ran (django-axes)
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy: every script and style is a file of this site; nothing inline, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    # and the styles vis-timeline's standalone build injects, by hash (see static/vendor/vis-timeline/README.md)
    "style-src": [CSP.SELF, *(BASE_DIR / "static/vendor/vis-timeline/csp-style-hashes.txt").read_text().split()],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features no page of Dateline uses, switched off for every page.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a login while the address and name are locked out
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "dateline.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "dateline.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# The timeline's covering index (timeline.Event) carries extra columns on PostgreSQL; SQLite keeps its key
# columns only, which is all a development database needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# Production hardening: on unless debugging, so `manage.py check --deploy` is clean in production mode.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None

INGEST_MAX_BYTES = env_int("INGEST_MAX_BYTES", 2_000_000)

# Readers' pages (timeline, event, axis data) are kept this many seconds for anonymous readers, in each
# web process's memory (timeline/caching.py); signed-in editors always get fresh pages. 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 30)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
              "OPTIONS": {"MAX_ENTRIES": 500}},
}
# Exports are written once per version of a story and its filters, kept here and sent from disk
# (timeline/exports/files.py); EXPORT_FILES=0 writes every export afresh for each request instead.
EXPORT_FILES_DIR = env_str("EXPORT_FILES_DIR", str(BASE_DIR / "var" / "exports")) if env_bool("EXPORT_FILES", True) else ""

# Fetching an article from a URL: seconds allowed, and whether loopback, private and link-local addresses may
# be fetched (never in production: a URL given in a form must not reach the machine's own network).
INGEST_FETCH_TIMEOUT = env_int("INGEST_FETCH_TIMEOUT", 15)
INGEST_FETCH_PRIVATE = env_bool("INGEST_FETCH_PRIVATE", False)

# Background work (an ingest or a rebuild started from the browser): Django's tasks framework, queued in this
# database by django-tasks-db and run by `manage.py db_worker`. TASKS_BACKEND=immediate runs tasks inside
# the request instead (the tests do).
TASK_BACKENDS = {"database": "django_tasks_db.DatabaseBackend", "immediate": "django.tasks.backends.immediate.ImmediateBackend"}
if env_str("TASKS_BACKEND", "database") not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(TASK_BACKENDS)}, not {os.environ['TASKS_BACKEND']!r}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASKS_BACKEND", "database")]}}

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one user name from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
