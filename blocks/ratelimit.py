"""Fixed-window rate limits kept in the cache, so every process shares them.

Counting is atomic across processes (Redis's INCR in production, a file
lock on the default store: newsroom/file_cache.py), so two gunicorn workers
never lose each other's hits. If the cache is unreachable the limit is not
enforced (the request goes through) and the failure is logged: readers are
not locked out because Redis restarted.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse(rate: str) -> tuple[int, int] | None:
    """'5/m' -> (5, 60); '0' or '' -> None (no limit)."""
    rate = (rate or "").strip()
    if rate in ("", "0"):
        return None
    count, _, unit = rate.partition("/")
    return int(count), UNITS[unit[-1]] * int(unit[:-1] or 1)


def is_allowed(key: str, rate: str) -> bool:
    """Count one hit for `key`; False once the window's allowance is used up."""
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
    except Exception:  # noqa: BLE001 - the cache being down must not break posting
        logger.warning("rate limit not enforced: cache unavailable", exc_info=True)
        return True
