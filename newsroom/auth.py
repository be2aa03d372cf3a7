"""Admin sign-in throttling, shared by every process through the cache.

Failures are counted per account and per network address in a fixed window;
past the limit, sign-in is refused with a message before the password is
even checked, so guessing stops paying. Counts go up atomically and keep
their window on Redis and on the default file store (newsroom/file_cache.py)
alike. With the cache unreachable the
counters are skipped (and that is logged): staff can still sign in.
"""

import hashlib
import logging

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache

logger = logging.getLogger(__name__)
LOCKED_OUT = (
    "Too many failed sign-in attempts. For your security, sign-in is paused for "
    "{minutes} minutes. Try again later, or ask an administrator to reset your "
    "password."
)


def _keys(request, username):
    address = request.META.get("REMOTE_ADDR", "") if request else ""
    account = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return {
        f"login-fail:account:{account}": settings.LOGIN_FAILURES_PER_ACCOUNT,
        f"login-fail:address:{address}": settings.LOGIN_FAILURES_PER_ADDRESS,
    }


def is_locked_out(request, username) -> bool:
    keys = _keys(request, username)
    try:
        counts = cache.get_many(list(keys))
    except Exception:  # noqa: BLE001
        logger.warning("login throttle not enforced: cache unavailable", exc_info=True)
        return False
    return any(counts.get(key, 0) >= limit for key, limit in keys.items())


def record_failure(request, username) -> None:
    for key in _keys(request, username):
        try:
            if not cache.add(key, 1, settings.LOGIN_LOCKOUT_SECONDS):
                cache.incr(key)
        except ValueError:
            cache.add(key, 1, settings.LOGIN_LOCKOUT_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning(
                "login failure not counted: cache unavailable", exc_info=True
            )
            return
    logger.warning("admin sign-in failed", extra={"username": username[:150]})


def clear_failures(request, username) -> None:
    try:
        cache.delete(next(iter(_keys(request, username))))  # the account's count only
    except Exception:  # noqa: BLE001
        pass


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        username = self.data.get("username", "")
        if is_locked_out(self.request, username):
            raise forms.ValidationError(
                LOCKED_OUT.format(minutes=settings.LOGIN_LOCKOUT_SECONDS // 60),
                code="locked_out",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            record_failure(self.request, username)
            raise
        clear_failures(self.request, username)
        return cleaned
