"""CSRF tokens for the comment form, made in one draw of random bytes.

Every article page carries a comment form, so every reader's copy needs a
token, cached page or not. Django's get_token() draws each of the token's 64
characters with its own secrets.choice() (an os.urandom() call apiece), as
much work as the rest of a cache hit's own besides the cache round trip
(`make bench` measures it). This makes the same token from one
os.urandom() read: a secret (the cookie's value, as Django's middleware keeps
it) masked with a fresh random mask, exactly as django.middleware.csrf masks
it, so that middleware checks these tokens unchanged. tests/test_csrf.py
holds it to that.
"""

import secrets

from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.cache import patch_vary_headers
from markupsafe import Markup

CHARS = CSRF_ALLOWED_CHARS
INDEX = {char: i for i, char in enumerate(CHARS)}
# Bytes from this value up are dropped, so that every character is equally
# likely (256 is not a multiple of 62).
UNBIASED_BELOW = 256 - 256 % len(CHARS)


def _random_indices(count: int) -> list[int]:
    """`count` uniformly random positions in CHARS, from a CSPRNG."""
    found: list[int] = []
    while len(found) < count:
        # 8 spare bytes: a draw falls short about once in 300,000 calls.
        drawn = secrets.token_bytes(count - len(found) + 8)
        found += [byte % len(CHARS) for byte in drawn if byte < UNBIASED_BELOW]
    return found[:count]


def get_token(request) -> str:
    """A masked token for `request`, as django.middleware.csrf.get_token()
    returns: the reader's secret from their cookie, or a new one that the CSRF
    middleware (or set_cookie() below) then sends as the cookie."""
    secret = request.META.get("CSRF_COOKIE") or _secret_from_cookie(request)
    if secret is None:
        secret = "".join(CHARS[i] for i in _random_indices(CSRF_SECRET_LENGTH))
        request.META["CSRF_COOKIE"] = secret
    # Send the cookie in any case, renewing its expiry, as Django does.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_indices(CSRF_SECRET_LENGTH)
    cipher = (
        CHARS[(INDEX[char] + m) % len(CHARS)]
        for char, m in zip(secret, mask, strict=True)
    )
    return "".join(CHARS[m] for m in mask) + "".join(cipher)


def _secret_from_cookie(request) -> str | None:
    """The reader's secret, read as CsrfViewMiddleware reads it, for a page
    answered before that middleware runs (pagecache/middleware.py): a reader's
    open tabs must keep working with the cookie they already have."""
    secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if len(secret) == CSRF_SECRET_LENGTH and all(char in INDEX for char in secret):
        request.META["CSRF_COOKIE"] = secret
        return secret
    return None


def set_cookie(request, response) -> None:
    """Send the secret behind get_token()'s tokens as the CSRF cookie, with
    the settings CsrfViewMiddleware uses, for a response it does not see."""
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        request.META["CSRF_COOKIE"],
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    patch_vary_headers(response, ("Cookie",))


def csrf_field(request) -> Markup:
    """The form's hidden token field (Jinja's stand-in for {% csrf_token %})."""
    return Markup('<input type="hidden" name="csrfmiddlewaretoken" value="{}">').format(
        get_token(request)
    )
