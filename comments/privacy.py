"""What a commenter may ask for: a copy of their data, or its erasure."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from comments.models import Comment

ERASED_NAME = "Former reader"
ERASED_BODY = "[This comment was removed at its author's request.]"
ERASED_FIELDS = ["name", "email", "body", "ip_hash", "signals"]


def export(email: str) -> dict:
    """Everything stored for `email`, as plain data."""
    comments = Comment.objects.filter(email__iexact=email.strip()).select_related(
        "article"
    )
    return {
        "email": email.strip(),
        "comments": [
            {
                "id": c.pk,
                "article": c.article.headline,
                "article_url": settings.SITE_URL + c.article.get_absolute_url(),
                "in_reply_to": c.parent_id,
                "name": c.name,
                "email": c.email,
                "body": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "moderated_at": c.moderated_at.isoformat() if c.moderated_at else None,
                "network_address_hash_kept": bool(c.ip_hash),
                "spam_signals": c.signals,
            }
            for c in comments
        ],
    }


def erase(email: str) -> int:
    """Remove the person from every comment; replies by others keep their place.

    Each comment is saved on its own rather than updated in bulk, so that
    the page cache, which listens for saves, drops every page and part that
    showed the words before this returns.
    """
    with transaction.atomic():
        comments = list(Comment.objects.filter(email__iexact=email.strip()))
        for comment in comments:
            comment.name, comment.email, comment.body = ERASED_NAME, "", ERASED_BODY
            comment.ip_hash, comment.signals = "", []
            comment.save(update_fields=ERASED_FIELDS)
    return len(comments)


def forget_old_addresses() -> int:
    """Drop the keyed IP hashes once the retention period has passed."""
    cutoff = timezone.now() - timedelta(days=settings.COMMENT_IP_RETENTION_DAYS)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .exclude(ip_hash="")
        .update(ip_hash="")
    )
