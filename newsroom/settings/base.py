"""The settings every other part reads: the environment, the site, the apps.

Unset, everything runs on SQLite with a cache in files beside the database
and console e-mail; DATABASE_URL and CACHE_URL switch to PostgreSQL and
Redis. See .env.example.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
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
    "library",
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
