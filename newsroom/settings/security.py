"""Security: TLS, cookies, the Content Security Policy, sign-in throttling, logs."""

from django.utils.csp import CSP

from blocks import embeds
from blocks.clients import parse_trusted_proxies
from newsroom.settings.base import DEBUG, env

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
    # Players load only after a reader presses "Load content" (articles/body.py).
    "frame-src": [*embeds.FRAME_ORIGINS],
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
        # LOG_LEVEL=WARNING silences the request lines too (make bench does).
        "newsroom.request": {
            "level": env("REQUEST_LOG_LEVEL", default=env("LOG_LEVEL", default="INFO"))
        },
    },
}
