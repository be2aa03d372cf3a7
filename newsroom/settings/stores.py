"""Where things are kept: databases, caches, sessions, e-mail, files."""

from django.core.exceptions import ImproperlyConfigured

from newsroom.settings.base import BASE_DIR, DEBUG, env

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
# Optional: shared caches (Varnish, newsroom/varnish/default.vcl) sent a BAN
# after every invalidation, and again this many seconds later (0: once).
CDN_PURGE_URL = env("CDN_PURGE_URL", default="")
CDN_PURGE_AGAIN_SECONDS = env.int("CDN_PURGE_AGAIN_SECONDS", default=5)

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
