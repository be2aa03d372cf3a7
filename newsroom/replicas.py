"""Read replicas: readers read from a replica, staff and fresh writers from the primary.

Routing is decided per request (a context variable set by the middleware):
requests from signed-in staff, anything under /admin/, any request that is
not a GET or HEAD, and a browser that wrote something in the last few
seconds (a short-lived cookie) all stay on the primary, so nobody misses
their own change because a replica lags.
"""

import contextvars
import random

from django.conf import settings

PIN_COOKIE = "use_primary"
PIN_SECONDS = 15
_pinned = contextvars.ContextVar("newsroom_pinned_to_primary", default=False)


def replica_aliases():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or _pinned.get():
            return "default"
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas mirror the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


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
        token = _pinned.set(pinned)
        try:
            response = self.get_response(request)
        finally:
            _pinned.reset(token)
        if request.method not in ("GET", "HEAD"):
            response.set_cookie(
                PIN_COOKIE, "1", max_age=PIN_SECONDS, httponly=True, samesite="Lax"
            )
        return response
