"""What cached pages depend on: tags, their versions in the cache, and purges.

Every cached page, part and API answer records the *tags* of what it shows
(`story:12`, `story-comments:12`, `card:12`, `correspondent:3`, `section:2`,
`tag:7`, `related:12`, `page:1`, `masthead`, `live-list`, ...), collected
while it renders: views, parts and templates call depends_on(). Each tag
has a version in the cache; an entry keeps the versions its tags had when
its render began and is current only while they all still match. A purge
gives each of its tags a new version, so exactly the entries that show
what changed go out of date, in every process, on every store.

The versions come from one counter in the cache (the *clock*), read before
a render starts: a purge that happens during the render leaves a version
newer than that reading, and the render is then not stored as current.

A page that shows more than WILDCARD_LIMIT things of one kind (a sitemap's
stories) records `kind:*` instead, which every purge of that kind bumps:
the check on a hit stays a bounded number of keys. Every entry also
depends on ALL, bumped by a migrate and, with PAGE_CACHE_INVALIDATION set
to "generation", by every change (the whole-cache purge of old).
"""

import logging
import re
import threading
import time
import urllib.request
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

from pagecache import expiry

logger = logging.getLogger(__name__)

ALL = "all"
WILDCARD = "*"
WILDCARD_LIMIT = 40
CLOCK_KEY = "page:clock"
# What a shared cache calls a page stored without its tags (see ban_headers).
UNTAGGED = "untagged"
KEY_PREFIX = "page:tag:"
PRECISE, GENERATION = "precise", "generation"

#: Sent once a change has committed, with `tags` (what changed, wildcards
#: included) and `everything` (True when every page changed).
pages_changed = Signal()


def key(tag: str) -> str:
    return KEY_PREFIX + tag


def precise() -> bool:
    return settings.PAGE_CACHE_INVALIDATION != GENERATION


# Collecting what a render shows --------------------------------------------


@dataclass
class Collector:
    """The tags one render (a page, a part, an API answer) has shown so far."""

    started: int | None  # the clock before the render read anything
    tags: set = field(default_factory=set)

    def recorded(self) -> set:
        """The tags to store: wildcards for kinds shown too often, and ALL."""
        if not precise():
            return {ALL}
        kept, kinds = {ALL}, {}
        for tag in self.tags:
            kind, _, _ = tag.partition(":")
            kinds.setdefault(kind, []).append(tag)
        for kind, tags in kinds.items():
            if len(tags) > WILDCARD_LIMIT:
                kept.add(f"{kind}:{WILDCARD}")
            else:
                kept.update(tags)
        return kept


_current: ContextVar[Collector | None] = ContextVar("pagecache_collector", default=None)


def depends_on(*tags) -> str:
    """Record that what is being rendered shows `tags`. Returns "" so that
    templates can call it inline."""
    collector = _current.get()
    if collector is not None:
        collector.tags.update(tags)
    return ""


def shows(kind: str, pk) -> str:
    """depends_on("kind:pk"), for templates."""
    return depends_on(f"{kind}:{pk}")


@contextmanager
def collecting(started: int | None = None):
    """Collect the tags of a render; they also count for the enclosing one.
    `started` is the clock as read before the render read anything; without
    it, the enclosing render's is used (or, at the top, the clock is read
    now)."""
    outer = _current.get()
    if started is None and outer is not None:
        started = outer.started
    elif started is None:
        started = read_clock()
    collector = Collector(started)
    token = _current.set(collector)
    try:
        yield collector
    finally:
        _current.reset(token)
        if outer is not None:
            outer.tags.update(collector.tags)


# Versions ----------------------------------------------------------------------


def read_clock() -> int | None:
    """The clock now (None when the cache cannot be read)."""
    try:
        value = cache.get(CLOCK_KEY)
        if value is None:
            cache.add(CLOCK_KEY, time.time_ns(), None)
            value = cache.get(CLOCK_KEY)
        return value
    except Exception:  # noqa: BLE001 - nothing will be stored then
        logger.warning("page cache clock unavailable", exc_info=True)
        return None


def _tick() -> int:
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:  # never set, or evicted: start again past every old value
        cache.add(CLOCK_KEY, time.time_ns(), None)
        return cache.incr(CLOCK_KEY)


def tag_of(cache_key: str) -> str:
    return cache_key.removeprefix(KEY_PREFIX)


def stamp(collector: Collector) -> dict | None:
    """The versions to store a render with ({tag's cache key: version}), or
    None when it must not be stored: a tag was purged after the render
    began, or the clock could not be read. A tag with no version yet gets
    the render's start reading, unless some purge happened meanwhile (it
    may have been this one's, since lost to eviction)."""
    started = collector.started
    if started is None:
        return None
    keys = {key(tag) for tag in collector.recorded()}
    versions = cache.get_many([CLOCK_KEY, *keys])
    clock = versions.pop(CLOCK_KEY, None)
    if any(version > started for version in versions.values()):
        return None
    missing = keys - versions.keys()
    if missing:
        if clock != started:
            for name in missing:
                cache.add(name, started, None)
            return None
        for name in missing:
            if not cache.add(name, started, None):
                return None
            versions[name] = started
    return versions


def is_current(deps: dict, versions: dict) -> bool:
    """Whether an entry stored with `deps` still matches `versions` (both
    {tag's cache key: version})."""
    return deps.items() <= versions.items()


# Purging -------------------------------------------------------------------------


def purge(*tags: str) -> None:
    """Make every entry that shows any of `tags` out of date.

    Now, and again once the change commits: a reader who rendered the page
    between now and the commit saw the old rows, and stored it with versions
    this second purge makes old. What changed is announced once per
    transaction (pages_changed, CDN_PURGE_URL), however many rows changed.
    """
    tags = _expand(tags)
    if not tags:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump(tags)
        _announce(tags)
        return
    _bump(tags)
    # Any announcement still waiting will be made if this change commits: a
    # savepoint rolled back takes its own announcements with it.
    for _sids, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Announcement):
            callback.tags |= tags
            return
    transaction.on_commit(_Announcement(set(tags)))


def generation():
    """The version of ALL: changes on every whole-cache purge."""
    return cache.get(key(ALL))


def new_generation() -> None:
    """Every entry out of date (a migrate: another database, perhaps)."""
    _bump({ALL})


def _expand(tags) -> set:
    if not precise():
        return {ALL} if tags else set()
    expanded = set()
    for tag in tags:
        expanded.add(tag)
        kind, colon, _ = tag.partition(":")
        if colon:
            expanded.add(f"{kind}:{WILDCARD}")
    return expanded


def _bump(tags) -> None:
    try:
        version = _tick()
        cache.set_many({key(tag): version for tag in tags}, None)
        # Moved on again once the versions are written: a process that read
        # the old versions while the clock showed `version` reads them anew.
        _tick()
        if ALL in tags or "live-list" in tags:
            expiry.forget()  # a schedule may have changed
    except Exception:  # noqa: BLE001 - a cache outage must not block an edit
        logger.warning("page cache purge failed: cache unavailable", exc_info=True)


class _Announcement:
    def __init__(self, tags: set):
        self.tags = tags

    def __call__(self):
        _bump(self.tags)
        _announce(self.tags)


def _announce(tags) -> None:
    tags = sorted(tags)
    everything = ALL in tags
    pages_changed.send(sender=purge, tags=tags, everything=everything)
    if settings.CDN_PURGE_URL:
        ban = ban_headers(tags, everything)
        # At once, before the editor's page or the command returns (a proxy
        # on the site's own network answers in a millisecond)...
        _purge_cdn(ban)
        # ...and again a little later: a page whose render began before the
        # change and reached the proxy after the first purge would be kept.
        if settings.CDN_PURGE_AGAIN_SECONDS:
            again = threading.Timer(
                settings.CDN_PURGE_AGAIN_SECONDS, _purge_cdn, args=(ban,)
            )
            again.daemon = True
            again.start()


def ban_headers(tags, everything: bool) -> dict:
    """What a shared cache is asked to drop, as newsroom/varnish/default.vcl
    takes it: the pages whose Surrogate-Key names any of `tags` (and pages
    stored without one), or every page."""
    if everything:
        return {"X-Purge-Regex": "^/"}
    names = "|".join(re.escape(tag) for tag in (UNTAGGED, *tags))
    return {"X-Purge-Keys": rf"(^|\s)({names})(\s|$)"}


def _purge_cdn(headers: dict) -> None:
    """BAN on each shared cache in CDN_PURGE_URL (comma-separated)."""
    for url in settings.CDN_PURGE_URL.split(","):
        request = urllib.request.Request(url.strip(), method="BAN", headers=headers)
        try:
            urllib.request.urlopen(request, timeout=2).close()  # noqa: S310 - operator's URL
        except Exception:  # noqa: BLE001 - the change is made; a purge is best effort
            logger.warning("CDN purge failed: %s", url, exc_info=True)
