"""Newsroom settings: the only settings module, read from the environment.

Unset, everything runs on SQLite with a cache in files beside the database
and console e-mail; DATABASE_URL and CACHE_URL switch to PostgreSQL and
Redis. See .env.example.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from blocks.clients import parse_trusted_proxies

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
env.read_env(BASE_DIR / ".env")  # optional; real environment variables win

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off, set SECRET_KEY to a long random "
            "string (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "dev-only-not-secret-never-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. With DEBUG off, set ALLOWED_HOSTS to the "
            "comma-separated host names the site answers to, e.g. "
            "ALLOWED_HOSTS=news.example.com,www.news.example.com"
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

SITE_NAME = env("SITE_NAME", default="The Update Desk")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Where readers write, shown on Terms, Privacy and Corrections.
CORRECTIONS_EMAIL = env(
    "CORRECTIONS_EMAIL", default="corrections@theupdatedesk.example"
)
PRIVACY_EMAIL = env("PRIVACY_EMAIL", default="privacy@theupdatedesk.example")

INSTALLED_APPS = [
    "newsroom",  # before the admin: its templates/admin/ overrides the admin's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # full-text search on PostgreSQL; harmless elsewhere
    "django_prose_editor",
    "authors",
    "articles",
    "comments",
    "wordpress",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # the docs page's scripts, served locally
    "corsheaders",
    "django_tasks_db",
    "api",
]

MIDDLEWARE = [
    "newsroom.logs.RequestLogMiddleware",
    "newsroom.replicas.PrimaryPinMiddleware",
    # Above the page cache, so that preflights are answered at once; it only
    # acts on /api/ (CORS_URLS_REGEX below).
    "corsheaders.middleware.CorsMiddleware",
    # WordPress's old /?p=12 addresses are answered first: the page cache
    # keys pages on the parameters they read, which these are not.
    "wordpress.middleware.LegacyRedirectMiddleware",
    # Before the rest: a page from the cache needs none of them, and carries
    # the headers they gave it when it was stored (see its docstring).
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.AdminPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    # Readers' pages (templates/) are Jinja2: newsroom/jinja_env.py says why.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "newsroom.jinja_env.environment",
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
    # The admin (and each app's overrides of it), feeds and sitemaps use
    # Django's templates, from the apps' own templates/ folders.
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# Databases ------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer commits; IMMEDIATE takes the
    # write lock at BEGIN so two writers queue on the busy timeout instead of
    # failing with "database is locked" half-way through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Connections are kept between requests: opening one (and, on SQLite, running
# the PRAGMAs above) cost more than an uncached article's only query.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A restarted database must not break the next request on a kept connection.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Read replicas (newsroom/replicas.py): readers' queries go to them.
for _n, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), start=1):
    DATABASES[f"replica{_n}"] = env.db_url_config(_url) | {
        "CONN_MAX_AGE": DATABASES["default"].get("CONN_MAX_AGE", 0),
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["newsroom.replicas.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions, e-mail -----------------------------------------------------

# The cache holds what every process must agree on (the page cache's
# generation, rate limits, sign-in counters), so it is never per-process
# memory. Without CACHE_URL it is a folder of files shared by every worker
# and management command on this machine (newsroom/file_cache.py), kept
# beside the SQLite database whose pages it holds: each database (a
# checkout's db.sqlite3, a test's) has a cache of its own.
if env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache("CACHE_URL")}
else:
    _name = str(DATABASES["default"]["NAME"])
    _folder = f"{_name}-cache"
    if not DATABASES["default"]["ENGINE"].endswith("sqlite3") or _name.startswith(
        (":memory:", "file:")
    ):
        _folder = str(BASE_DIR / ".cache")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _folder,
        }
    }
if CACHES["default"]["BACKEND"].endswith(".filebased.FileBasedCache"):
    CACHES["default"]["BACKEND"] = "newsroom.file_cache.FileCache"
    # Django's default of 300 entries is fewer than a small site's pages and
    # their parts. Pages are stored uncompressed, 30-170 KB each, so the
    # folder stays within a few hundred MB.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 5_000)
# With Redis: a backend that reuses its client (newsroom/redis_cache.py).
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "newsroom.redis_cache.RedisCache"
# Counters that decide something (comment rate limits, the moderator-mail
# lock) live apart from the pages, so a page cache that fills up or evicts
# cannot switch them off: COUNTER_CACHE_URL, by default the page cache's
# server under a key prefix of its own (a folder of its own on the default
# store). In production give it its own Redis with `maxmemory-policy
# noeviction` (README, Production).
COUNTER_CACHE = "counters"
if env.str("COUNTER_CACHE_URL", default=""):
    CACHES[COUNTER_CACHE] = env.cache("COUNTER_CACHE_URL")
else:
    CACHES[COUNTER_CACHE] = dict(CACHES["default"], KEY_PREFIX="counters")
    if CACHES["default"]["BACKEND"] == "newsroom.file_cache.FileCache":
        CACHES[COUNTER_CACHE]["LOCATION"] = CACHES["default"]["LOCATION"] + "-counters"
if CACHES[COUNTER_CACHE]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES[COUNTER_CACHE]["BACKEND"] = "newsroom.redis_cache.RedisCache"
# Sessions (staff, and nobody else) live in the database: signing in must
# not depend on a cache that readers' pages can fill.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
_email = env.email_url("EMAIL_URL", default="consolemail://")
_email_options = {}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _email_options = {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"],
        "password": _email["EMAIL_HOST_PASSWORD"],
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
    }
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Whole pages kept for anonymous readers (pagecache/); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# "precise": a change purges the pages that show it (pagecache/tags.py);
# "generation": every change purges every page.
PAGE_CACHE_INVALIDATION = env.str("PAGE_CACHE_INVALIDATION", default="precise")
if PAGE_CACHE_INVALIDATION not in ("precise", "generation"):
    raise ImproperlyConfigured(
        "PAGE_CACHE_INVALIDATION must be 'precise' or 'generation'."
    )
# More path prefixes the page cache leaves alone (bench/settings.py adds one).
PAGE_CACHE_SKIPS = ()
# The longest query-string value the page cache keys on (a search's words).
PAGE_PARAMETER_MAX_LENGTH = 200
# Rendered story bodies (bylines, bios, related), kept across page-cache
# misses: staff, commenters and previews-turned-live render faster. 0: off.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
# Optional: POSTed to after every invalidation, to purge a CDN.
CDN_PURGE_URL = env("CDN_PURGE_URL", default="")

# Authentication --------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Time and language -----------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", default="Europe/London")  # the newsroom's own zone
USE_I18N = True
USE_TZ = True

# Static files and media ------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Serve uploads from Django (newsroom.views.media) unless a web server, CDN or
# object store does it; with S3 storage (below) this is off.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if env("S3_BUCKET", default=""):
    # Media on S3-compatible storage (AWS, MinIO, R2...) through django-storages;
    # install it with `pip install "newsroom[s3]"`.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "region_name": env("S3_REGION", default=None),
            "access_key": env("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("S3_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env("S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,  # public images, cacheable URLs
            "file_overwrite": False,
            "object_parameters": {
                "CacheControl": "public, max-age=31536000, immutable"
            },
        },
    }
    SERVE_MEDIA = False
WHITENOISE_MAX_AGE = 31536000  # hashed names, so a year is safe
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Newsroom --------------------------------------------------------------------

READING_WORDS_PER_MINUTE = env.int("READING_WORDS_PER_MINUTE", default=230)
ARTICLES_PER_PAGE = 12
PREVIEW_LINK_MAX_AGE = env.int("PREVIEW_LINK_MAX_AGE", default=3 * 24 * 3600)
COMMENT_RATE_LIMIT = env("COMMENT_RATE_LIMIT", default="5/m")
# Searches the page cache could not answer, per address; "0" turns it off.
SEARCH_RATE_LIMIT = env("SEARCH_RATE_LIMIT", default="30/m")
COMMENT_MIN_SECONDS = env.int("COMMENT_MIN_SECONDS", default=3)
COMMENT_MAX_DEPTH = env.int("COMMENT_MAX_DEPTH", default=3)
COMMENT_MAX_LINKS = env.int(
    "COMMENT_MAX_LINKS", default=2
)  # more are held as spam signals
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=30)  # 0: never
COMMENTS_AUTO_APPROVE_KNOWN = env.bool("COMMENTS_AUTO_APPROVE_KNOWN", default=False)
COMMENT_IP_RETENTION_DAYS = env.int("COMMENT_IP_RETENTION_DAYS", default=30)
# At most one "comments waiting" e-mail to moderators per this many seconds.
COMMENT_NOTIFY_INTERVAL = env.int("COMMENT_NOTIFY_INTERVAL", default=600)

# Content API and webhooks (api/) --------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],  # read-only
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.access.PartnerKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.access.ClientThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.handle",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} content API",
    "DESCRIPTION": "Published stories, sections, tags and correspondents. "
    "Read-only; anonymous use is rate-limited per address, partner keys "
    "(Authorization: Bearer …) have their own limits.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVERS": [{"url": SITE_URL}],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# GET from any origin, no cookies: the API is public content.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["authorization", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "retry-after"]
# Requests per window ("60/m"; "0" turns a limit off): anonymous clients per
# address (blocks/clients.py), and a new partner key's default.
API_ANON_RATE = env("API_ANON_RATE", default="60/m")
API_PARTNER_RATE = env("API_PARTNER_RATE", default="1200/m")

# Background work: django.tasks with a database queue; `manage.py db_worker`
# runs it (make run and make serve start one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Webhook deliveries: attempts, the first retry's delay (doubling after),
# and how long a receiver may take to answer.
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=8)
WEBHOOK_RETRY_SECONDS = env.float("WEBHOOK_RETRY_SECONDS", default=30)
WEBHOOK_TIMEOUT = env.float("WEBHOOK_TIMEOUT", default=10)

# Security --------------------------------------------------------------------
# Production defaults; `make serve` on plain HTTP turns the TLS ones off.

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The proxies in front whose X-Forwarded-For is believed (blocks/clients.py):
# a hop count ("1") or addresses and networks ("10.0.0.0/8,192.168.1.5").
TRUSTED_PROXIES = parse_trusted_proxies(env("TRUSTED_PROXIES", default=""))
if env.bool("BEHIND_TLS_PROXY", default=False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool(
    "SECURE_COOKIES", default=not DEBUG
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"

# Content Security Policy, enforced. Public pages need no inline script or
# style, so cached pages carry no nonce; violations are logged at /csp-report/.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "report-uri": ["/csp-report/"],
}
# The admin's editor loads its modules through an inline import map, which
# Django's admin templates mark with the request's nonce; the editor and the
# admin widgets apply inline styles, so only the admin allows those.
ADMIN_CSP = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
}

# Sitemaps and feeds hold no script. A browser shows them in its own XML
# viewer, which styles the page inline and draws its arrows as data: images:
# under SECURE_CSP it showed garbled text. (XSLT, the other way to style
# them, is deprecated in every browser.)
XML_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": ["data:"],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.NONE],
    "report-uri": ["/csp-report/"],
}

# Admin sign-in throttling (newsroom/auth.py): failures allowed per window.
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=5)
LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=20)
LOGIN_LOCKOUT_SECONDS = env.int("LOGIN_LOCKOUT_SECONDS", default=15 * 60)

# Logging ---------------------------------------------------------------------

LOG_FORMAT = env("LOG_FORMAT", default="plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "newsroom.logs.JsonFormatter"},
    },
    # Preview tokens and other secrets in addresses never reach a log line.
    "filters": {"redact_secrets": {"()": "newsroom.logs.RedactSecrets"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # "Not Found: <path>", before Django's own handlers see it too.
        "django.request": {"filters": ["redact_secrets"]},
        # Django's own console handler (DEBUG only) repeated what the root
        # handler prints: its records go to the root handler alone.
        "django": {"handlers": [], "level": "INFO"},
        # Every request is logged by newsroom.request, 4xx included; keep
        # runserver's access lines for what goes wrong in the server itself.
        "django.server": {"level": "ERROR"},
        # runserver prints "Watching for file changes" itself already.
        "django.utils.autoreload": {"level": "WARNING"},
        "newsroom.request": {"level": env("REQUEST_LOG_LEVEL", default="INFO")},
    },
}
