"""The full-page cache for readers: serve a current page whole, or store it.

Anonymous GETs of public pages are kept whole in the cache (Redis in
production), each with the tags of what it shows (pagecache/tags.py): a
change purges exactly the pages that show it, so no reader ever gets a
stale page. An entry also expires when the next scheduled story goes live
(pagecache/expiry.py), so that story appears on time with no cron job.

The CSRF token in a cached page is a placeholder, filled per request, so
the comment form works for every reader without JavaScript; so is any other
input an app asks to be filled per reader (fill_per_reader()). Requests
carrying a session (staff, a flash message) or a cookie an app names
(bypass_cookies(): a commenter's pending comment, remember-me) always get a
fresh page, as do previews, which send no-cache headers and are never stored.
"""

import hashlib
import logging
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.http import http_date, quote_etag

from pagecache import csrf, entries, expiry, tags

logger = logging.getLogger(__name__)

ENTRY_FORMAT = "v4"  # bump when a cached entry's shape changes
CSRF_PLACEHOLDER = b"__newsroom_csrf_token__"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# The slots a hit fills, as literal bytes (bytes.replace() finds them several
# times faster than a regular expression). Only the form's own input is
# filled in: the placeholder's text anywhere else (a comment quoting it)
# stays as written.
CSRF_INPUT_START = b'name="csrfmiddlewaretoken" value="'
CSRF_FILLED = CSRF_INPUT_START + CSRF_PLACEHOLDER + b'"'
# Cookies that mean "this reader's own page": registered by the apps.
BYPASS_COOKIES = {"messages"}
# Other inputs filled per reader on every hit, by name: (stored input, its
# placeholder, the input's start, its slot as stored, fill).
PER_READER_INPUTS: dict[str, tuple[re.Pattern, bytes, bytes, bytes, object]] = {}
# Lists the entry's tags, for a shared cache in front to purge by (BAN).
TAGS_HEADER = "Surrogate-Key"
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
    "/api/",  # api/caching.py stores its answers itself, with the same tags
)
# A page with a reader's own form token: their browser may keep and
# revalidate it, a shared cache (CDN, proxy) must never store it.
PRIVATE_TOKEN_PAGE = "private, max-age=0, must-revalidate"
SHARED_PAGE = "public, max-age=60, s-maxage={seconds}, stale-while-revalidate=30"
# Headers a hit sets afresh rather than replaying from the stored response.
FRESH_HEADERS = {"content-length", "etag", "last-modified", "cache-control"}
# Headers that describe a body, which a 304 does not send.
BODY_HEADERS = {"content-type", "content-language"}


def bypass_cookies(*names: str) -> None:
    """Readers carrying any of these cookies get pages of their own."""
    BYPASS_COOKIES.update(names)


def fill_per_reader(input_name: str, fill) -> None:
    """The value of the form input `input_name` is this reader's own:
    `fill(request)` makes it afresh on every hit (an app's ready() calls
    this)."""
    name = re.escape(input_name.encode())
    placeholder = b"__newsroom_" + input_name.encode() + b"__"
    stored = re.compile(rb'(name="' + name + rb'" value=")[^"]*(")')
    start = b'name="' + input_name.encode() + b'" value="'
    PER_READER_INPUTS[input_name] = (
        stored,
        placeholder,
        start,
        start + placeholder + b'"',
        fill,
    )


def shared_control(until: float) -> str:
    """Cache-Control for a page every reader shares: a shared cache (CDN,
    Varnish) may keep it as long as the page cache does, never past the
    next scheduled story."""
    return SHARED_PAGE.format(seconds=max(0, int(until - time.time())))


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


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous readers (see module docstring).

    It sits near the top of MIDDLEWARE: a hit is answered before sessions,
    CSRF, authentication and messages run, which would find nothing to do
    for a reader without cookies and cost as much as serving the page. The
    stored response has been through every middleware, so a hit replays its
    headers (security headers and CSP included) and sets the CSRF cookie for
    the token it fills in, as CsrfViewMiddleware would.

    Every other public GET is still rendered inside a tag collector, started
    with the clock read before the view reads anything, so that the page's
    cached parts are stored with versions no purge can have overtaken.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not _cacheable_request(request):
            return self._render(request)
        key = _key(request)
        try:
            entry, clock = self.current(key)
        except Exception:  # noqa: BLE001 - Redis down: serve uncached, and say so
            logger.warning("page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self._hit(request, entry)
        canonicalise(request)
        with tags.collecting(started=clock) as collector:
            response = self.get_response(request)
        if _cacheable_response(response):
            entry = self._store(key, collector, response)
            if entry:
                _label(response, entry, "miss")
        return response

    @staticmethod
    def current(key):
        """(The current entry under `key` or None, the clock): the hit path's
        one cache round trip, two for an entry's first hit after a purge."""
        found, clock = entries.lookup([key])
        return found.get(key), clock

    def _render(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not settings.FRAGMENT_CACHE_SECONDS
            or request.path.startswith(NEVER_CACHED_PREFIXES)
        ):
            return self.get_response(request)
        with tags.collecting():
            return self.get_response(request)

    def _store(self, key, collector, response):
        body, found = CSRF_INPUT.subn(
            rb"\g<1>" + CSRF_PLACEHOLDER + rb"\g<2>", response.content
        )
        for stored, placeholder, *_ in PER_READER_INPUTS.values():
            body = stored.sub(rb"\g<1>" + placeholder + rb"\g<2>", body)
        entry = {
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
            entry = entries.store(
                key, entry, collector, expiry.seconds_to_keep(), dress=_tag_header
            )
        except Exception:  # noqa: BLE001
            logger.warning("page cache store failed", exc_info=True)
            return None
        if entry is not None:
            response.headers[TAGS_HEADER] = entry["headers"][-1][1]
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
            for *_, start, slot, fill in PER_READER_INPUTS.values():
                if slot in body:
                    # Issued now, for this reader (the comment form's start token).
                    body = body.replace(slot, start + fill(request).encode() + b'"')
        response = HttpResponse(body)
        for name, value in entry["headers"]:
            response.headers[name] = value
        response.headers["Content-Length"] = str(len(body))
        if entry["csrf"]:
            csrf.set_cookie(request, response)
        return _label(response, entry, "hit")


def _tag_header(entry) -> None:
    shown = sorted(map(tags.tag_of, entry["deps"]))
    entry["headers"].append((TAGS_HEADER, " ".join(shown)))


def _label(response, entry, outcome: str):
    response.headers["ETag"] = entry["etag"]
    response.headers["Last-Modified"] = entry["last_modified"]
    control = entry["cache_control"]
    if control == SHARED_PAGE:
        control = shared_control(entry["until"])
    response.headers["Cache-Control"] = control
    response.headers["X-Page-Cache"] = outcome
    return response
