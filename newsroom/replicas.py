"""Read replicas: readers read from a caught-up replica, all else from the primary.

Routing is decided per request (a context variable set by the middleware).
Only a reader's GET or HEAD may read from a replica: requests from signed-in
staff, anything under /admin/, any request that is not a GET or HEAD, a
browser that wrote something in the last few seconds (a short-lived cookie),
and everything outside a request (commands, the task worker) read from the
primary, so nobody misses their own change because a replica lags.

A lagging replica must not put an old page in the page cache as current.
Every change's purge moves the page cache's clock on after the change
commits (pagecache/tags.py), so a replica may serve a reader only if it has
replayed the primary's write-ahead log up to where the primary stood when
the clock already showed its current value: the first reader to need it
reads the primary's position once per clock value and keeps it in the cache;
each reader's request then checks its replica's replayed position with one
query, and reads from the primary when the replica has not reached it (or
cannot be reached).
"""

import contextvars
import logging
import random

from django.conf import settings
from django.core.cache import cache
from django.db import connections

from pagecache.tags import read_clock

logger = logging.getLogger(__name__)

PIN_COOKIE = "use_primary"
PIN_SECONDS = 15
POSITION_SECONDS = 3600  # the primary's position for a clock value, kept this long
# None outside a reader's request: read from the primary.
_route = contextvars.ContextVar("newsroom_read_route", default=None)


class _Route:
    """Where one reader's request reads, chosen at its first query."""

    alias = None


def replica_aliases():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        route = _route.get()
        if route is None:
            return "default"
        if route.alias is None:
            route.alias = choose_replica()
        return route.alias

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas mirror the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def choose_replica() -> str:
    """A replica that has seen every change announced so far, or the primary."""
    aliases = replica_aliases()
    if not aliases:
        return "default"
    alias = random.choice(aliases)
    try:
        if caught_up(alias):
            return alias
    except Exception:  # noqa: BLE001 - a replica or the cache down: use the primary
        logger.warning("replica %s unusable; reading from the primary", alias)
    return "default"


def caught_up(alias) -> bool:
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return True  # a copy with no log positions to compare (the tests' mirrors)
    with connection.cursor() as cursor:
        # NULL when the server is not a standby: it is as new as it gets.
        cursor.execute(
            "SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)",
            [position_needed()],
        )
        return cursor.fetchone()[0]


def position_needed() -> str:
    """Where the primary's log stood once the page cache's clock showed its
    current value.

    Every change commits before its purge moves the clock on, so a replica
    that has replayed this far shows every change purged so far: what it
    renders is fit to keep under the tags' current versions.
    """
    clock = read_clock()
    if clock is None:
        raise RuntimeError("the page cache's clock is unreadable")
    key = f"replica:position:{clock}"
    position = cache.get(key)
    if position is None:
        with connections["default"].cursor() as cursor:
            # The insert position: never behind a commit, however it was made.
            cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
            position = cursor.fetchone()[0]
        cache.set(key, position, POSITION_SECONDS)
    return position


class PrimaryPinMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pinned = (
            request.method not in ("GET", "HEAD")
            or request.path.startswith("/admin/")
            or PIN_COOKIE in request.COOKIES
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        )
        token = _route.set(None if pinned else _Route())
        try:
            response = self.get_response(request)
        finally:
            _route.reset(token)
        if request.method not in ("GET", "HEAD"):
            response.set_cookie(
                PIN_COOKIE, "1", max_age=PIN_SECONDS, httponly=True, samesite="Lax"
            )
        return response
