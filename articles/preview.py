"""Signed, expiring preview links for reviewers outside the newsroom."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview-link"


def make_url(article) -> str:
    token = signing.TimestampSigner(salt=SALT).sign(f"{article.pk}:{article.slug}")
    return settings.SITE_URL + reverse("articles:preview", kwargs={"token": token})


def article_id(token: str) -> int | None:
    """The article a token names, or None if it is forged, altered or expired."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=settings.PREVIEW_LINK_MAX_AGE
        )
    except signing.BadSignature:
        return None
    pk, _, _slug = value.partition(":")
    return int(pk) if pk.isdigit() else None
