"""Admin sign-in throttling that cannot be turned against staff.

Failures are counted in the database (every process agrees, and no cache
filling up can reset them) per scope, in a window that starts with the
first failure:

- an account from one address: past LOGIN_FAILURES_PER_ACCOUNT that pair
  is paused, so a stranger guessing a name locks out only themselves;
- one address, whatever the names: past LOGIN_FAILURES_PER_ADDRESS that
  address is paused, so one client cannot walk through every account.

A name counts as the account it signs in as: Django compares names after
Unicode NFKC normalisation, so "ｍｏｄｅｒａｔｏｒ" is "moderator" here too.
The address is the client's, seen through TRUSTED_PROXIES.
"""

import hashlib
import logging
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from blocks.clients import client_ip
from newsroom.models import SignInFailures

logger = logging.getLogger(__name__)
LOCKED_OUT = (
    "Too many failed sign-in attempts. For your security, sign-in is paused for "
    "{minutes} minutes. Try again later, or ask an administrator to reset your "
    "password."
)


def account(username: str) -> str:
    """Who a typed name signs in as: the user's id when one has that name as
    Django compares it, otherwise a hash of the normalised name."""
    User = get_user_model()
    name = User.normalize_username(username or "")
    pk = (
        User._default_manager.filter(**{User.USERNAME_FIELD: name})
        .values_list("pk", flat=True)
        .first()
    )
    if pk is not None:
        return f"user:{pk}"
    return "name:" + hashlib.sha256(name.casefold().encode()).hexdigest()[:32]


def _scopes(request, username) -> dict[str, int]:
    address = client_ip(request) if request else ""
    return {
        f"pair:{account(username)}@{address}": settings.LOGIN_FAILURES_PER_ACCOUNT,
        f"address:{address}": settings.LOGIN_FAILURES_PER_ADDRESS,
    }


def is_locked_out(request, username) -> bool:
    limits = Q()
    for scope, limit in _scopes(request, username).items():
        limits |= Q(scope=scope, count__gte=limit)
    return (
        SignInFailures.objects.filter(limits)
        .filter(window_ends__gt=timezone.now())
        .exists()
    )


def record_failure(request, username) -> None:
    now = timezone.now()
    window = timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    for scope in _scopes(request, username):
        with transaction.atomic():
            row, _created = SignInFailures.objects.select_for_update().get_or_create(
                scope=scope, defaults={"window_ends": now + window}
            )
            if row.window_ends <= now:  # a new window starts
                row.count, row.window_ends = 0, now + window
            row.count += 1
            row.save(update_fields=["count", "window_ends"])
    SignInFailures.objects.filter(window_ends__lt=now - window).delete()
    logger.warning("admin sign-in failed", extra={"username": username[:150]})


def clear_failures(request, username) -> None:
    """After a good sign-in: the pair starts again (the address keeps its
    count, so a correct password does not buy more guesses elsewhere)."""
    pair = next(iter(_scopes(request, username)))
    SignInFailures.objects.filter(scope=pair).delete()


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
