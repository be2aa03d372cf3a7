"""API answers kept in the page cache, purged with the pages (the same tags).

Each answer records the tags of what it shows (pagecache/tags.py): the list
of live stories, each story's card, sections, tags and correspondents. So a
story, its section page and its API answer go out of date together, and
expire when the next scheduled story goes live. The page-cache middleware
leaves /api/ alone: the API checks keys and limits before it answers from
the cache, and serves no CSRF token or cookie.

Every answer has an ETag (a hash of its bytes) and a Last-Modified (when it
was stored); If-None-Match and If-Modified-Since get a 304.
"""

import hashlib
import json
import logging
import time

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from pagecache import entries, expiry
from pagecache.tags import collecting, depends_on

logger = logging.getLogger(__name__)

ENTRY_FORMAT = "v1"
# What every answer may show besides its stories: the site's sections, its
# tags and correspondents, and which stories are live.
SHOWN_EVERYWHERE = ("live-list", "masthead", "tag:*", "correspondent:*")
CACHE_CONTROL = "public, max-age=60, s-maxage={seconds}, stale-while-revalidate=30"


def render(data) -> bytes:
    return json.dumps(
        data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")
    ).encode()


def _key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"api:{ENTRY_FORMAT}:{digest}"


def answer(request, build) -> HttpResponse:
    """The JSON of `build()` for this address, from the cache when current.

    `build` runs only on a miss; whatever it raises (NotFound, a bad filter)
    goes to the caller and nothing is stored.
    """
    key, entry, cached = _key(request), None, bool(settings.PAGE_CACHE_SECONDS)
    clock = None
    if cached:
        try:
            found, clock = entries.lookup([key])
            entry = found.get(key)
        except Exception:  # noqa: BLE001 - Redis down: answer uncached
            logger.warning("API cache unavailable; answering uncached", exc_info=True)
            cached = False
    outcome = "hit" if entry else "miss"
    if entry is None:
        with collecting(started=clock) as collector:
            depends_on(*SHOWN_EVERYWHERE)
            body = render(build())
        entry = {
            "body": body,
            "etag": quote_etag(hashlib.sha256(body).hexdigest()[:32]),
            "stored": int(time.time()),
        }
        if cached:
            try:
                entries.store(key, entry, collector, expiry.seconds_to_keep())
            except Exception:  # noqa: BLE001
                logger.warning("API cache store failed", exc_info=True)
    response = HttpResponse(entry["body"], content_type="application/json")
    response.headers["ETag"] = entry["etag"]
    response.headers["Last-Modified"] = http_date(entry["stored"])
    # A shared cache keeps it no longer than we do: never past the next
    # scheduled story.
    keep = entry["until"] - time.time() if "until" in entry else 0
    response.headers["Cache-Control"] = CACHE_CONTROL.format(seconds=max(0, int(keep)))
    # Last-Modified counts whole seconds, so two versions stored within
    # one second share it; the ETag, a hash of the bytes, tells them apart
    # and wins when a client sends both (as browsers do).
    response = get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["stored"], response=response
    )
    response.headers["X-Page-Cache"] = outcome
    return response
