"""Django settings for Dockwright, read from the environment here and nowhere else.

Without DATABASE_URL and REDIS_URL the service runs embedded (SQLite in the data folder, a local-memory
cache); with them it uses Postgres with persistent connections and Redis, and a Redis outage only costs
the cache. The variables are listed in .env.example and in the API contract.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.static_headers import add_spa_headers
from server.caches import cache_settings
from server.env import env_bool, env_choice, env_int, env_list, env_str

BACKEND_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BACKEND_DIR.parent

# The test suite runs with DJANGO_ENV=test (server.test_settings sets it), which allows the development
# fallbacks below without DEBUG.
DOCKWRIGHT_ENV = env_choice("DJANGO_ENV", ("development", "production", "test"), "development")
RUNNING_TESTS = DOCKWRIGHT_ENV == "test"
IS_PRODUCTION = DOCKWRIGHT_ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", False)
if DEBUG and IS_PRODUCTION:
    raise ImproperlyConfigured("DJANGO_DEBUG=1 is refused with DJANGO_ENV=production: it leaks settings and code.")

# Only a developer's machine (DEBUG on) or the test suite may run without real secrets, and never production
# (not even a production process started from a test); anything else fails at start-up instead of running
# with a guessable key or accepting any Host header.
_INSECURE_FALLBACKS_ALLOWED = (DEBUG or RUNNING_TESTS) and not IS_PRODUCTION

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not _INSECURE_FALLBACKS_ALLOWED:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DEBUG off Dockwright needs a long random secret key, e.g. "
            "DJANGO_SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "insecure-fallback-key-for-development-and-tests-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not _INSECURE_FALLBACKS_ALLOWED:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. With DEBUG off Dockwright needs the host names it serves, "
            "comma-separated, e.g. DJANGO_ALLOWED_HOSTS=dockwright.example.com."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

DATA_DIR = Path(env_str("DOCKWRIGHT_DATA_DIR") or BACKEND_DIR / "data")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so that runserver serves static files the way production does (through whitenoise).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_prometheus",
    "axes",
    "core",
    "analyses",
    "catalog",
    "knox",
    "projects",
    "tokens",
    "scans",
    "insights",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the admin, API error messages, rule texts and findings: `?lang=`, else the language cookie
    # the web app's switch sets, else Accept-Language (English or Simplified Chinese; see core.language).
    "django.middleware.locale.LocaleMiddleware",
    "core.language.QueryLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, so it is the first to see a response: it turns a locked-out sign-in into 429 before the others
    # (metrics included) see the answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "server.urls"
WSGI_APPLICATION = "server.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

# Database: Postgres (or anything dj-database-url knows) when DATABASE_URL is set, else embedded SQLite.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            # Persistent connections save a TCP + auth round trip per request; health checks make a
            # connection that Postgres dropped (restart, idle timeout) reconnect instead of failing a request.
            conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A database that is down or hung must cost a request seconds, not the worker: connecting gives up after
        # DOCKWRIGHT_DB_CONNECT_TIMEOUT (libpq's minimum is 2 s), and Postgres cancels a statement before
        # gunicorn would kill the worker (GUNICORN_TIMEOUT less 5 s, at least 1 s; 0 switches it off).
        # Either way the request is answered 503 (core.errors). `manage.py migrate` lifts the statement
        # timeout for itself (core/management/commands/migrate.py).
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["connect_timeout"] = env_int("DOCKWRIGHT_DB_CONNECT_TIMEOUT", 3, minimum=1)
        _statement_timeout = env_int(
            "DOCKWRIGHT_DB_STATEMENT_TIMEOUT", max(1, env_int("GUNICORN_TIMEOUT", 30, minimum=1) - 5)
        )
        if _statement_timeout:
            _options["options"] = " ".join(
                filter(None, [_options.get("options", ""), f"-c statement_timeout={_statement_timeout * 1000}"])
            )
else:
    # SQLite refuses to create its file in a missing folder; the data folder is Dockwright's own.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "db.sqlite3"),
            "OPTIONS": {
                # WAL and IMMEDIATE transactions let several gunicorn workers write without "database is locked".
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

# Cache: Redis when REDIS_URL is set, else per-process memory; the rate limiter's counters in an alias of
# their own, on REDIS_RATELIMIT_URL when set (server/caches.py says why). A Redis outage only costs the cache:
# calls give up after DOCKWRIGHT_CACHE_TIMEOUT_MS, after a failure the process skips Redis for
# DOCKWRIGHT_CACHE_RETRY_SECONDS, and errors are logged once a minute (core/cache.py).
REDIS_URL = env_str("REDIS_URL")
CACHES = cache_settings(
    redis_url=REDIS_URL,
    ratelimit_redis_url=env_str("REDIS_RATELIMIT_URL"),
    timeout_seconds=env_int("DOCKWRIGHT_CACHE_TIMEOUT_MS", 200, minimum=1) / 1000,
)
DOCKWRIGHT_CACHE_RETRY_SECONDS = env_int("DOCKWRIGHT_CACHE_RETRY_SECONDS", 5, minimum=1)
# A pickled analysis outcome is about 3 KB typically and 130 KB for the largest real files we measured (880
# findings); the engine's caps (2,000 findings a file) keep any outcome well below this.
DOCKWRIGHT_CACHE_MAX_VALUE_BYTES = env_int("DOCKWRIGHT_CACHE_MAX_VALUE_BYTES", 512 * 1024, minimum=1024)
# django-redis would log a traceback for every call it ignores; core.cache logs once a minute instead.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

# Password guessing (django-axes): after DOCKWRIGHT_LOGIN_FAILURE_LIMIT failed sign-ins for one user from one
# client address, that pair is refused with 429 for DOCKWRIGHT_LOGIN_COOLOFF_MINUTES, on the API sign-in and the
# admin login alike. Per user *and* address: locking by user alone would let anyone lock the owner out; the owner
# signs in from their own address meanwhile. Failures are kept in the database (every replica sees them, and a
# Redis eviction or outage cannot lift a lock). Tries during a lock-out are refused without being recorded: axes
# appends each recorded try's request data to its row, which must not grow without end.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DOCKWRIGHT_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("DOCKWRIGHT_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"  # core.sign_in_lockout reads its records
# The client address as the rate limiter sees it (DRF with NUM_PROXIES), and the refusal in the error shape.
AXES_CLIENT_IP_CALLABLE = "core.sign_in_lockout.client_address"
AXES_LOCKOUT_CALLABLE = "core.sign_in_lockout.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
# Our own texts (admin labels, API errors); Django, DRF and the admin bring their own catalogues, and the rules'
# texts and findings come from the engine's (dockwright/i18n/locale).
LOCALE_PATHS = [BACKEND_DIR / "locale"]
# The web app's language switch sets Django's language cookie (django_language, which Nginx's catalogue cache
# keys by too), so that the API and the admin follow the choice.
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Static files (admin, API docs) are collected into STATIC_ROOT and served by whitenoise. Hashed, compressed
# names only in production: they need `collectstatic` to have run, which the image build does.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BACKEND_DIR / "staticfiles")
if not IS_PRODUCTION:
    # Outside production static files come straight from the apps, so `make run` and the tests need no
    # collectstatic; an empty STATIC_ROOT keeps whitenoise from warning that it is missing.
    WHITENOISE_USE_FINDERS = True
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# The SPA (Vite build: index.html + hashed assets/) is served from the site root by whitenoise's
# WHITENOISE_ROOT (no view in the way, and whitenoise's compression and ETags for free); client-side
# routes fall back to index.html in core.spa. Hashed assets are cached for a year as immutable and
# index.html is revalidated on every load (core.static_headers.add_spa_headers).
DOCKWRIGHT_SPA_DIR = Path(env_str("DOCKWRIGHT_SPA_DIR") or REPO_DIR / "frontend" / "dist")
# A missing build is normal before `make run` (whitenoise would warn about it); the SPA view then explains.
WHITENOISE_ROOT = str(DOCKWRIGHT_SPA_DIR) if DOCKWRIGHT_SPA_DIR.is_dir() else None
WHITENOISE_INDEX_FILE = True
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/assets/|^/static/.+\.[0-9a-f]{12}\.\w+$"
WHITENOISE_ADD_HEADERS_FUNCTION = add_spa_headers

# Behind a TLS-terminating proxy (Nginx in the image): trust its X-Forwarded-Proto so Django knows a
# request was HTTPS, and count it when finding the client address for rate limiting.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
DOCKWRIGHT_NUM_PROXIES = env_int("DOCKWRIGHT_NUM_PROXIES", 1 if IS_PRODUCTION else 0)

SILENCED_SYSTEM_CHECKS: list[str] = []
if IS_PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # On by default; an operator whose proxy already redirects and sets HSTS may switch them off, and then the
    # matching deploy check is silenced because the edge covers it.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    if not SECURE_SSL_REDIRECT:
        SILENCED_SYSTEM_CHECKS.append("security.W008")
    if not SECURE_HSTS_SECONDS:
        SILENCED_SYSTEM_CHECKS.append("security.W004")
    if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
        SILENCED_SYSTEM_CHECKS.append("security.W005")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS.append("security.W021")
# Probes and the metrics scraper talk plain HTTP to the container; they must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^health(/|$)", r"^metrics(/scans)?$"]

DOCKWRIGHT_MAX_CONTENT_BYTES = env_int("DOCKWRIGHT_MAX_CONTENT_BYTES", 256 * 1024, minimum=1)
# JSON escaping (\n, \", \\) can make a body up to about twice the size of the text it carries; anything
# larger is refused with 413 before it is read (core.parsers.BoundedJSONParser).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * DOCKWRIGHT_MAX_CONTENT_BYTES + 16 * 1024
# How many files an analysis may carry beside its content (a compose file's override, .env, the Dockerfiles it
# builds: analyses.bundles); their texts count against DOCKWRIGHT_MAX_CONTENT_BYTES together with the content.
DOCKWRIGHT_MAX_BUNDLE_FILES = env_int("DOCKWRIGHT_MAX_BUNDLE_FILES", 16, minimum=0)
DOCKWRIGHT_RATE_LIMIT = env_int("DOCKWRIGHT_RATE_LIMIT", 60)
DOCKWRIGHT_LINT_CACHE_SECONDS = env_int("DOCKWRIGHT_LINT_CACHE_SECONDS", 24 * 3600)
# Shared analyses of anonymous visitors are deleted this many days after they were shared (their links then answer
# 410 Gone) by the retention task (CELERY_BEAT_SCHEDULE below; `manage.py expire_analyses` by hand); 0 keeps them
# forever. Signed-in users' analyses stay until their owner deletes them.
DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS = env_int("DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS", 30)
# Scans from CI older than this many days are deleted by the same schedule, except each project's latest finished
# scan of its default branch (the baseline new scans are compared with); 0 keeps them forever.
DOCKWRIGHT_SCAN_RETENTION_DAYS = env_int("DOCKWRIGHT_SCAN_RETENTION_DAYS", 90)
# Seconds between two runs of the retention tasks.
DOCKWRIGHT_RETENTION_INTERVAL_SECONDS = env_int("DOCKWRIGHT_RETENTION_INTERVAL_SECONDS", 3600, minimum=1)
# Accounts: by invitation link (site admins and project owners make them, valid this many days, single use) unless
# the site opens sign-up to anyone.
DOCKWRIGHT_OPEN_SIGNUP = env_bool("DOCKWRIGHT_OPEN_SIGNUP", False)
DOCKWRIGHT_INVITATION_DAYS = env_int("DOCKWRIGHT_INVITATION_DAYS", 7, minimum=1)
# A scan from CI (POST /api/v1/projects/<slug>/scans) holds at most this many files, each within
# DOCKWRIGHT_MAX_CONTENT_BYTES; the whole request within DATA_UPLOAD_MAX_MEMORY_SIZE.
DOCKWRIGHT_SCAN_MAX_FILES = env_int("DOCKWRIGHT_SCAN_MAX_FILES", 200, minimum=1)
# Files analysed while the client waits (POST /api/v1/projects/<slug>/lint, `dockwright lint --server`): past this
# many seconds no further file is started and the request is refused with 413 (a scan, on a worker, takes more).
# Half the web worker's timeout, so that the file in progress finishes within it.
DOCKWRIGHT_PROJECT_LINT_SECONDS = env_int(
    "DOCKWRIGHT_PROJECT_LINT_SECONDS", max(1, env_int("GUNICORN_TIMEOUT", 30, minimum=1) // 2), minimum=0
)
# A repository archive uploaded as a scan (scans.archive): its size, its members, their uncompressed total and the
# compression ratio beyond which it is taken for a bomb.
DOCKWRIGHT_ARCHIVE_MAX_BYTES = env_int("DOCKWRIGHT_ARCHIVE_MAX_BYTES", 20 * 1024 * 1024, minimum=1024)
DOCKWRIGHT_ARCHIVE_MAX_MEMBERS = env_int("DOCKWRIGHT_ARCHIVE_MAX_MEMBERS", 20_000, minimum=1)
DOCKWRIGHT_ARCHIVE_MAX_TOTAL_BYTES = env_int("DOCKWRIGHT_ARCHIVE_MAX_TOTAL_BYTES", 256 * 1024 * 1024, minimum=1024)
DOCKWRIGHT_ARCHIVE_MAX_RATIO = env_int("DOCKWRIGHT_ARCHIVE_MAX_RATIO", 100, minimum=2)
# The inventory across one's projects (insights.inventory) reads at most this many entries (images, root users,
# database ports) of a section per request, and a CSV export holds at most this many rows.
DOCKWRIGHT_INVENTORY_MAX_ENTRIES = env_int("DOCKWRIGHT_INVENTORY_MAX_ENTRIES", 50_000, minimum=1)
DOCKWRIGHT_INVENTORY_CSV_MAX_ROWS = env_int("DOCKWRIGHT_INVENTORY_CSV_MAX_ROWS", 10_000, minimum=1)

REST_FRAMEWORK = {
    # Session first: an unauthenticated request keeps answering 403, as before tokens (the first class decides).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "tokens.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["core.parsers.BoundedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "core.api_schema.DockwrightAutoSchema",
    "EXCEPTION_HANDLER": "core.errors.api_exception_handler",
    "NUM_PROXIES": DOCKWRIGHT_NUM_PROXIES,
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
}

# Celery (server/celery.py): Redis is the broker when REDIS_URL is set (DOCKWRIGHT_BROKER_URL may name another);
# without one, tasks run eagerly in the process that sends them. A task is acknowledged only once it has run (a
# worker killed mid-scan leaves it in the queue for another), one at a time per worker process, and its result is
# not kept: scans keep their own state in the database.
CELERY_BROKER_URL = env_str("DOCKWRIGHT_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message not acknowledged within this many seconds is delivered again (Redis's visibility timeout): longer than
# any scan, so a slow scan is not run twice at once. A worker that dies outright (its container killed) leaves its
# message unacknowledged: a worker starting after that long, or one sweeping (every 100 s), delivers it again.
# (A pool process that dies under a living worker is seen at once: its task goes back to the queue.)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("DOCKWRIGHT_TASK_VISIBILITY_SECONDS", 3600, minimum=1)}
# Losing the broker's connection does not stop a scan: it goes on in the database and, whether or not its late
# acknowledgement still arrives, a redelivered message of a finished scan changes nothing. Cancelling it would
# delay it by the visibility timeout instead.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
# A scan whose workers died on it this many times (requeued each time) is failed rather than tried forever.
DOCKWRIGHT_SCAN_MAX_ATTEMPTS = env_int("DOCKWRIGHT_SCAN_MAX_ATTEMPTS", 3, minimum=1)

# Celery beat (`start.sh scheduler`) sends the retention tasks every DOCKWRIGHT_RETENTION_INTERVAL_SECONDS to the
# workers. Exactly one beat may run per deployment: each beat sends its own copy of every task. A message no worker
# took within one interval expires, so workers that were down for a day run retention once, not 24 times.
CELERY_BEAT_SCHEDULE = {
    name: {
        "task": task,
        "schedule": float(DOCKWRIGHT_RETENTION_INTERVAL_SECONDS),
        "options": {"expires": DOCKWRIGHT_RETENTION_INTERVAL_SECONDS},
    }
    for name, task in (
        ("expire-anonymous-analyses", "analyses.tasks.analyses_expire"),
        ("expire-old-scans", "scans.tasks.scans_expire"),
    )
}

# API tokens (django-rest-knox with our model): "Authorization: Bearer dw_...", the prefix so that secret scanners
# recognise a leaked token. Expiry is per token (POST /api/v1/tokens), never renewed by use.
KNOX_TOKEN_MODEL = "tokens.ApiToken"
# knox's own migrations create its AuthToken table whatever KNOX_TOKEN_MODEL says; that table would be unused, and on
# Postgres it would keep the test suite's flush from truncating the users it references. Without them, no table.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {"AUTH_HEADER_PREFIX": "Bearer", "TOKEN_PREFIX": "dw_", "AUTO_REFRESH": False}

SPECTACULAR_SETTINGS = {
    "TITLE": "Dockwright API",
    "DESCRIPTION": "Reviews Dockerfiles and Docker Compose files against container best practices.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # A file's kind and a rule's target share their values; one enum name for both.
    "ENUM_NAME_OVERRIDES": {
        "FileKindEnum": "dockwright.detect.KINDS",
        # A rule's severity, its default and a finding's severity: one enum.
        "SeverityEnum": "catalog.selectors.RULE_SEVERITIES",
    },
}

# django-prometheus would query the database for unapplied migrations at import time; readiness covers that.
PROMETHEUS_EXPORT_MIGRATIONS = False

LOG_FORMAT = env_choice("DJANGO_LOG_FORMAT", ("text", "ecs"), "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_id.RequestIdLogFilter"}},
    "formatters": {
        # ECS JSON for log shippers; request_id is already there as http.request.id.
        "ecs": {"()": "ecs_logging.StdlibFormatter", "exclude_fields": ["request_id"]},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO").upper()},
    # Replaces Django's own console handler for its loggers, which would print every line twice.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
