"""Fixed-window rate limits in the counter store, shared by every process.

Counting is atomic across processes (Redis's INCR in production, a file
lock on the default store: newsroom/file_cache.py), so two gunicorn workers
never lose each other's hits. The counters live apart from the page cache
(settings.COUNTER_CACHE), so pages filling their store cannot reset them.
If the counter store is unreachable, a limit that guards something that
matters (comments) raises Unavailable and the caller refuses the request;
the others let it through, and the failure is logged.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse(rate: str) -> tuple[int, int] | None:
    """'5/m' -> (5, 60); '0' or '' -> None (no limit)."""
    rate = (rate or "").strip()
    if rate in ("", "0"):
        return None
    count, _, unit = rate.partition("/")
    return int(count), UNITS[unit[-1]] * int(unit[:-1] or 1)


class Unavailable(Exception):
    """The counter store could not be reached, so nothing was counted."""


def is_allowed(key: str, rate: str, *, fail_closed: bool = False) -> bool:
    """Count one hit for `key`; False once the window's allowance is used up.
    With the store unreachable: raise Unavailable if `fail_closed`, else True."""
    cache = caches[settings.COUNTER_CACHE]
    limit = parse(rate)
    if limit is None:
        return True
    count, period = limit
    window = int(time.time() // period)
    cache_key = f"ratelimit:{key}:{period}:{window}"
    try:
        if cache.add(cache_key, 1, timeout=period + 1):
            return True
        return cache.incr(cache_key) <= count
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=period + 1)
        return True
    except Exception as error:  # noqa: BLE001 - whatever the store raises
        if fail_closed:
            raise Unavailable from error
        logger.warning("rate limit not enforced: cache unavailable", exc_info=True)
        return True
