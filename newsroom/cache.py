"""The full-page cache for readers, and its invalidation.

Anonymous GETs of public pages are kept whole in the cache (Redis in
production). Every entry belongs to a *generation*; any change to what the
site shows (a story published, edited or withdrawn, a correction, a comment
approved, a profile or section edited) starts a new generation, so no reader
ever gets a stale page. An entry also expires when the next scheduled story
goes live, so that story appears on time with no cron job.

The CSRF token in a cached page is a placeholder, filled per request, so the
comment form works for every reader without JavaScript. Requests carrying a
session (staff, a commenter with a pending comment, a flash message) or a
remember-me cookie always get a fresh page, as do previews, which send
no-cache headers and are never stored.
"""

import hashlib
import logging
import re
import threading
import time
import urllib.request
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import Signal
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.http import http_date, quote_etag

from comments.forms import issue_start
from comments.thread import OWN_COOKIE, REMEMBER_COOKIES
from newsroom import csrf

logger = logging.getLogger(__name__)

GENERATION_KEY = "page:generation"
ENTRY_FORMAT = "v3"  # bump when a cached entry's shape changes
NEXT_CHANGE_KEY = "page:next-change"
NOTHING_SCHEDULED = "none"
CSRF_PLACEHOLDER = b"__newsroom_csrf_token__"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# The comment form's start token is per reader too (comments/forms.py).
STARTED_PLACEHOLDER = b"__newsroom_form_started__"
STARTED_INPUT = re.compile(rb'(name="started" value=")[^"]*(")')
# The slots a hit fills, as literal bytes (bytes.replace() finds them several
# times faster than a regular expression). Only the form's own input is
# filled in: the placeholder's text anywhere else (a comment quoting it)
# stays as written.
CSRF_INPUT_START = b'name="csrfmiddlewaretoken" value="'
CSRF_FILLED = CSRF_INPUT_START + CSRF_PLACEHOLDER + b'"'
STARTED_INPUT_START = b'name="started" value="'
STARTED_FILLED = STARTED_INPUT_START + STARTED_PLACEHOLDER + b'"'
BYPASS_COOKIES = (*REMEMBER_COOKIES.values(), OWN_COOKIE, "messages")
# What pages read from the query string (pagination, search, a sitemap's page,
# the comment a reader replies to); the page cache ignores the rest.
PAGE_PARAMETERS = {"page", "p", "q", "section", "since", "until", "reply_to"}
NUMERIC_PARAMETERS = {"page", "p", "reply_to"}
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/preview/",
    "/healthz",
    "/readyz",
    "/static/",
    "/media/",
    "/api/",  # api/caching.py stores its answers under the same generation
)
# A page with a reader's own form token: their browser may keep and
# revalidate it, a shared cache (CDN, proxy) must never store it.
PRIVATE_TOKEN_PAGE = "private, max-age=0, must-revalidate"
SHARED_PAGE = "public, max-age=60, s-maxage={seconds}, stale-while-revalidate=30"
# Headers a hit sets afresh rather than replaying from the stored response.
FRESH_HEADERS = {"content-length", "etag", "last-modified", "cache-control"}
# Headers that describe a body, which a 304 does not send.
BODY_HEADERS = {"content-type", "content-language"}

#: Sent after each invalidation; a CDN integration can listen to it.
pages_changed = Signal()
# What a shared cache is asked to drop after a change: every page, as the
# generation does.
PURGE_EVERYTHING = "^/"


def generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = str(time.time_ns())
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return str(value)


def current_entries(keys) -> tuple[str, dict]:
    """The current generation and those of `keys`' entries stored under it,
    in one cache round trip. An entry is a dict with a "generation" key; one
    stored under an older generation is out of date and left out. Raises
    whatever the cache raises when it is unreachable."""
    found = cache.get_many([GENERATION_KEY, *keys])
    gen = found.pop(GENERATION_KEY, None) or generation()
    return gen, {k: entry for k, entry in found.items() if entry["generation"] == gen}


def invalidate(**kwargs) -> None:
    """Start a new generation: every cached page is out of date from now on.

    Again once the change commits: a reader who rendered the page between the
    first new generation and the commit saw the old rows, and must not have
    stored them under a generation that is still current.
    """
    _new_generation()
    connection = transaction.get_connection()
    # One announcement per transaction, however many rows it changes.
    if not any(entry[1] is _announce for entry in connection.run_on_commit):
        transaction.on_commit(_announce)


def _new_generation():
    try:
        cache.set(GENERATION_KEY, str(time.time_ns()), None)
        cache.delete(NEXT_CHANGE_KEY)
    except Exception:  # noqa: BLE001 - a cache outage must not block an edit
        logger.warning(
            "page cache invalidation failed: cache unavailable", exc_info=True
        )


def _announce():
    _new_generation()
    pages_changed.send(sender=invalidate)
    if settings.CDN_PURGE_URL:
        # At once, before the editor's page or the command returns (a
        # proxy on the site's own network answers in a millisecond)...
        _purge_cdn()
        # ...and again a little later: a page whose render began before the
        # change and reached the proxy after the first purge would be kept.
        if settings.CDN_PURGE_AGAIN_SECONDS:
            again = threading.Timer(settings.CDN_PURGE_AGAIN_SECONDS, _purge_cdn)
            again.daemon = True
            again.start()


def _purge_cdn(pattern=PURGE_EVERYTHING):
    """Ask each shared cache in CDN_PURGE_URL (comma-separated) to drop the
    pages whose path and query match the regular expression `pattern`:
    Varnish's BAN, as newsroom/varnish/default.vcl takes it."""
    for url in settings.CDN_PURGE_URL.split(","):
        request = urllib.request.Request(
            url.strip(), method="BAN", headers={"X-Purge-Regex": pattern}
        )
        try:
            urllib.request.urlopen(request, timeout=2).close()  # noqa: S310 - operator's URL
        except Exception:  # noqa: BLE001 - the change is made; a purge is best effort
            logger.warning("CDN purge failed: %s", url, exc_info=True)


def connect_signals():
    from django.apps import apps

    from articles.models import Article, Byline, Correction, Page, Section, Tag
    from authors.models import Correspondent, ProfileLink
    from comments.models import Comment
    from library.models import Image

    for model in (
        Article,
        Byline,
        Correction,
        Section,
        Tag,
        Correspondent,
        ProfileLink,
        Page,
        Image,
    ):
        post_save.connect(
            invalidate, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}"
        )
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}"
        )
    m2m_changed.connect(
        invalidate, sender=Article.tags.through, dispatch_uid="page-cache-tags"
    )
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="page-cache-comment")
    post_delete.connect(
        invalidate, sender=Comment, dispatch_uid="page-cache-comment-delete"
    )
    # The default store outlives every process (files beside the database),
    # so a database created, replaced or migrated since must not be answered
    # from pages of the one before; `make run`, `make serve` and a deploy all
    # migrate first.
    post_migrate.connect(
        _migrated,
        sender=apps.get_app_config("newsroom"),
        dispatch_uid="page-cache-migrate",
    )


def _migrated(**kwargs):
    _new_generation()


def _comment_saved(sender, instance, created, update_fields=None, **kwargs):
    # A new pending comment changes no public page; a moderation decision does.
    if created and instance.status != "approved":
        return
    invalidate()


# The middleware ----------------------------------------------------------------


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(NEVER_CACHED_PREFIXES + settings.PAGE_CACHE_SKIPS):
        return False
    # What SecurityMiddleware and CommonMiddleware check before any page,
    # since a hit is served before they run: plain HTTP is redirected, and
    # an unknown Host is refused (get_host() raises; Django answers 400).
    request.get_host()
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    if not _sensible_parameters(request):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(
        name in cookies for name in BYPASS_COOKIES
    )


def _cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies.keys() - {settings.CSRF_COOKIE_NAME}
        and "no-cache" not in control
        and "private" not in control
        and "no-store" not in control
    )


def canonical_query(request) -> str:
    """The query string as the page cache keys it: only the parameters pages
    read, in a fixed order, spaces collapsed. Anything else (tracking tags,
    junk) would give every variant an entry of its own and let anyone fill
    the cache, so it is ignored: the page is the canonical one."""
    kept = []
    for name in sorted(PAGE_PARAMETERS):
        value = " ".join(request.GET.get(name, "").split())
        if value:
            kept.append((name, value))
    return urlencode(kept)


def _sensible_parameters(request) -> bool:
    """Values pages refuse (a page number that is no number, an overlong
    search) go to the view, which answers 4xx; such answers are not kept."""
    for name in PAGE_PARAMETERS & request.GET.keys():
        value = request.GET[name].strip()
        if len(value) > settings.PAGE_PARAMETER_MAX_LENGTH:
            return False
        if name in NUMERIC_PARAMETERS and value and not value.isdigit():
            return False
    return True


def canonicalise(request) -> None:
    """Make the request ask for its canonical page, so the page stored under
    the canonical key is the one it names."""
    query = canonical_query(request)
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


def _key(request) -> str:
    path = request.path + "?" + canonical_query(request)
    digest = hashlib.sha256(path.encode()).hexdigest()
    return f"page:{ENTRY_FORMAT}:{digest}"


def next_change() -> float | None:
    """When the next scheduled story goes live (a timestamp), remembered in
    the cache so that storing a page costs no query; looked up again after
    every edit and once that moment has passed."""
    from articles.models import Article

    value = cache.get(NEXT_CHANGE_KEY)
    if value is None or (value != NOTHING_SCHEDULED and value <= time.time()):
        upcoming = Article.objects.next_change_at()
        value = upcoming.timestamp() if upcoming else NOTHING_SCHEDULED
        cache.set(NEXT_CHANGE_KEY, value, None)
    return None if value == NOTHING_SCHEDULED else value


def seconds_to_keep(longest=None) -> int:
    """At most `longest` seconds, and never past the next scheduled story."""
    keep = settings.PAGE_CACHE_SECONDS if longest is None else longest
    upcoming = next_change()
    if upcoming is not None:
        keep = min(keep, max(1, int(upcoming - time.time())))
    return keep


def shared_control(expires: float) -> str:
    """Cache-Control for a page every reader shares: a shared cache (CDN,
    Varnish) may keep it as long as the page cache does, never past the
    next scheduled story."""
    return SHARED_PAGE.format(seconds=max(0, int(expires - time.time())))


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous readers (see module docstring).

    It sits near the top of MIDDLEWARE: a hit is answered before sessions,
    CSRF, authentication and messages run, which would find nothing to do
    for a reader without cookies and cost as much as serving the page. The
    stored response has been through every middleware, so a hit replays its
    headers (security headers and CSP included) and sets the CSRF cookie for
    the token it fills in, as CsrfViewMiddleware would.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        try:
            gen, found = current_entries([key])
        except Exception:  # noqa: BLE001 - Redis down: serve uncached, and say so
            logger.warning("page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        if key in found:
            return self._hit(request, found[key])
        canonicalise(request)
        response = self.get_response(request)
        if _cacheable_response(response):
            entry = self._store(key, gen, response)
            if entry:
                _label(response, entry, "miss")
        return response

    def _store(self, key, gen, response):
        body, found = CSRF_INPUT.subn(
            rb"\g<1>" + CSRF_PLACEHOLDER + rb"\g<2>", response.content
        )
        body = STARTED_INPUT.sub(rb"\g<1>" + STARTED_PLACEHOLDER + rb"\g<2>", body)
        entry = {
            "generation": gen,
            "body": body,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in FRESH_HEADERS
            ],
            "etag": quote_etag(hashlib.sha256(body).hexdigest()[:32]),
            "last_modified": http_date(time.time()),
            "csrf": bool(found),
            # Pages with a comment form carry a per-reader token: browsers may
            # keep and revalidate them, but a shared cache (CDN) must not.
            "cache_control": PRIVATE_TOKEN_PAGE if found else SHARED_PAGE,
        }
        try:
            keep = seconds_to_keep()
            entry["expires"] = time.time() + keep
            cache.set(key, entry, keep)
        except Exception:  # noqa: BLE001
            logger.warning("page cache store failed", exc_info=True)
            return None
        return entry

    def _hit(self, request, entry):
        if request.META.get("HTTP_IF_NONE_MATCH") == entry["etag"]:
            response = HttpResponseNotModified()
            for name, value in entry["headers"]:
                if name.lower() not in BODY_HEADERS:
                    response.headers[name] = value
            return _label(response, entry, "hit")
        body = entry["body"]
        if entry["csrf"]:
            token = csrf.get_token(request).encode()
            body = body.replace(CSRF_FILLED, CSRF_INPUT_START + token + b'"')
            if STARTED_FILLED in body:
                # Issued now, for this reader: when they were shown the form.
                started = issue_start(request).encode()
                body = body.replace(
                    STARTED_FILLED, STARTED_INPUT_START + started + b'"'
                )
        response = HttpResponse(body)
        for name, value in entry["headers"]:
            response.headers[name] = value
        response.headers["Content-Length"] = str(len(body))
        if entry["csrf"]:
            csrf.set_cookie(request, response)
        return _label(response, entry, "hit")


def _label(response, entry, outcome: str):
    response.headers["ETag"] = entry["etag"]
    response.headers["Last-Modified"] = entry["last_modified"]
    control = entry["cache_control"]
    if control == SHARED_PAGE:
        control = shared_control(entry["expires"])
    response.headers["Cache-Control"] = control
    response.headers["X-Page-Cache"] = outcome
    return response
