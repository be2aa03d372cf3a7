"""When cached entries must expire by themselves: as a scheduled story goes live.

A story scheduled for later changes the site when its time comes, with no
cron job and no purge: every entry is kept at most until then. The moment
is remembered in the cache, so that storing costs no query, and looked up
again after a change to the list of live stories and once it has passed.
The articles app says how to find it (register()).
"""

import time

from django.conf import settings
from django.core.cache import cache

NEXT_CHANGE_KEY = "page:next-change"
NOTHING_SCHEDULED = "none"

_source = None


def register(next_change_at) -> None:
    """`next_change_at()` returns when the next scheduled change happens (an
    aware datetime) or None."""
    global _source
    _source = next_change_at


def next_change() -> float | None:
    """When the next scheduled story goes live (a timestamp), or None."""
    value = cache.get(NEXT_CHANGE_KEY)
    if value is None or (value != NOTHING_SCHEDULED and value <= time.time()):
        upcoming = _source() if _source is not None else None
        value = upcoming.timestamp() if upcoming else NOTHING_SCHEDULED
        cache.set(NEXT_CHANGE_KEY, value, None)
    return None if value == NOTHING_SCHEDULED else value


def forget() -> None:
    cache.delete(NEXT_CHANGE_KEY)


def seconds_to_keep(longest=None) -> int:
    """At most `longest` seconds, and never past the next scheduled story."""
    keep = settings.PAGE_CACHE_SECONDS if longest is None else longest
    upcoming = next_change()
    if upcoming is not None:
        keep = min(keep, max(1, int(upcoming - time.time())))
    return keep
