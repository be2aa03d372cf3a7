"""Signed, expiring preview links for reviewers outside the newsroom.

Each story keeps a secret of its own that its links are signed with, so all
of one story's links can be taken back at once by giving it a new secret:
withdrawing the story does that, and so does an editor's "Revoke preview
links". A withdrawn story is never shown through a link, however fresh.
"""

import logging
import secrets

from django.conf import settings
from django.core import signing
from django.urls import reverse

from articles.workflow import Status

logger = logging.getLogger(__name__)

SALT = "articles.preview-link"
WITHDRAWN_NOT_PREVIEWED = "A withdrawn story cannot be previewed by link."
REVOKED = "Every preview link made so far for this story has stopped working."


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def may_be_previewed(article) -> bool:
    return article.status != Status.WITHDRAWN


def make_url(article) -> str:
    token = _signer(article).sign(str(article.pk))
    return settings.SITE_URL + reverse("articles:preview", kwargs={"token": token})


def find(token: str, queryset):
    """The story in `queryset` that `token` opens, or None if the token is
    forged, altered, expired or revoked, or the story may not be previewed."""
    pk = token.partition(":")[0]
    if not (pk.isascii() and pk.isdigit()):
        return None
    article = queryset.filter(pk=pk).first()
    if article is None or not may_be_previewed(article):
        return None
    try:
        _signer(article).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return article


def revoke(article, *, by) -> None:
    """Stop every link made so far for `article`, and log who did it."""
    article.rotate_preview_secret()
    logger.info(
        "preview links revoked",
        extra={"article": article.pk, "actor": by.get_username()},
    )


def _signer(article):
    # The salt takes part in deriving the signing key, so a new secret
    # makes every earlier signature fail.
    return signing.TimestampSigner(salt=f"{SALT}:{article.preview_secret}")
