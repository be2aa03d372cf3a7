"""Tell moderators about waiting comments: one e-mail per batch, never per comment.

After a new pending comment, the first process to take the cache lock sends
one mail listing every comment not yet announced, then holds the lock for
COMMENT_NOTIFY_INTERVAL seconds. Comments arriving meanwhile wait for the
next batch, so a flood of a thousand comments is still a handful of mails.
`manage.py comment_housekeeping` (from cron, say) sends a trailing batch.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from comments import admin_views, privacy
from comments.models import MODERATE_CODENAME, Comment

logger = logging.getLogger(__name__)
LOCK_KEY = "comments:notify-lock"


def moderator_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(
        Q(groups__name="Moderator") | Q(user_permissions__codename=MODERATE_CODENAME)
    )
    return sorted(set(moderators.values_list("email", flat=True)))


def maybe_notify() -> int:
    """Send a batch unless one went out within the interval; return its size."""
    try:
        counters = caches[settings.COUNTER_CACHE]
        if not counters.add(LOCK_KEY, 1, timeout=settings.COMMENT_NOTIFY_INTERVAL):
            return 0
    except Exception:  # noqa: BLE001 - a cache outage must not lose the comment
        logger.warning(
            "moderator notification skipped: cache unavailable", exc_info=True
        )
        return 0
    privacy.forget_old_addresses()  # piggybacks on the same rare, locked moment
    return send_batch()


def send_batch() -> int:
    recipients = moderator_addresses()
    with transaction.atomic():
        batch = list(
            Comment.objects.pending()
            .filter(notified_at__isnull=True)
            .select_for_update(skip_locked=True)
            .select_related("article")[:200]
        )
        if not batch or not recipients:
            return 0
        Comment.objects.filter(pk__in=[c.pk for c in batch]).update(
            notified_at=timezone.now()
        )
    waiting = Comment.objects.pending().count()
    queue = settings.SITE_URL + admin_views.waiting_url()
    lines = [f"- {c.name} on “{c.article.headline}”: {c.body[:140]}" for c in batch]
    plural = "s" if len(batch) != 1 else ""
    subject = f"[{settings.SITE_NAME}] {len(batch)} new comment{plural} to moderate"
    try:
        send_mail(
            subject=subject,
            message=(
                f"{len(batch)} new comment{plural} since the last message; "
                f"{waiting} waiting in all.\n\n"
                + "\n".join(lines)
                + f"\n\nModeration queue: {queue}\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
    except OSError:  # smtplib's errors too: the comments are stored regardless
        logger.warning("moderator mail not sent", exc_info=True)
        return 0
    logger.info("moderators notified", extra={"comments": len(batch)})
    return len(batch)
