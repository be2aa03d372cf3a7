"""The review desk: who sent each waiting story in, when, and how long ago."""

from datetime import datetime

from django.db.models import Case, F, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles.history import ArticleEvent, Revision
from articles.workflow import Status


def with_submission(queryset):
    """Annotate each story with who last sent it for review and when: the
    submit move for a story in review, the waiting change for a live one."""
    submits = ArticleEvent.objects.filter(
        article=OuterRef("pk"), to_status=Status.IN_REVIEW
    ).order_by("-created_at", "-id")
    changes = Revision.objects.filter(
        article=OuterRef("pk"), state=Revision.State.PENDING
    ).order_by("-created_at", "-id")
    return queryset.annotate(
        submitted_at=Subquery(submits.values("created_at")[:1]),
        submitted_by=Subquery(_who(submits, "actor")[:1]),
        change_at=Subquery(changes.values("created_at")[:1]),
        change_by=Subquery(_who(changes, "created_by")[:1]),
    ).annotate(
        waiting_since=Case(
            When(status=Status.IN_REVIEW, then=F("submitted_at")),
            default=F("change_at"),
        )
    )


def _who(rows, user_field):
    """The person's byline name when they have one, else their username."""
    return rows.annotate(
        who=Coalesce(
            F(f"{user_field}__correspondent__name"), F(f"{user_field}__username")
        )
    ).values("who")


def waiting(article) -> tuple[str | None, datetime | None]:
    """(who, since when) for a story annotated by with_submission()."""
    if article.status == Status.IN_REVIEW:
        return article.submitted_by, article.submitted_at
    return article.change_by, article.change_at


def waited(since: datetime, now: datetime | None = None) -> str:
    """How long since `since`, as a desk says it: "2 h 15 min", "3 d 4 h"."""
    minutes = int(((now or timezone.now()) - since).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"
