"""The newsroom's own settings: the editor, reading, comments, API, webhooks."""

from js_asset import static_lazy

from newsroom.settings.base import SITE_NAME, SITE_URL, env

# Newsroom --------------------------------------------------------------------

# The body editor's own blocks (static/js/editor/, articles/editor.py); what
# is stored is decided by articles/sanitize.py.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/editor/library-figure.js")],
        "extensions": {"LibraryFigure": "articles.editor.library_figure"},
    },
    {
        "js": [static_lazy("js/editor/embeds.js")],
        "extensions": {
            "Embed": "articles.editor.embed",
            "PullQuote": "articles.editor.pull_quote",
        },
    },
]
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
