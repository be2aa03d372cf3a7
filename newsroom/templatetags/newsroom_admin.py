"""Waiting-work counts for the admin index and header."""

from django import template
from django.urls import reverse

from articles.models import Article
from articles.workflow import PUBLISH, Status
from comments import admin_views
from comments.models import MODERATE, Comment

register = template.Library()


@register.simple_tag
def pending_comment_count(user):
    if not user.has_perm(MODERATE):
        return None
    return Comment.objects.pending().count()


@register.simple_tag
def work_counts(user):
    """(label, count, link) for each queue this user works."""
    counts = []
    articles = reverse("admin:articles_article_changelist")
    if user.has_perm(PUBLISH):
        counts.append(
            (
                "Waiting for review",
                Article.objects.filter(status=Status.IN_REVIEW).count(),
                f"{articles}?queue=review",
            )
        )
        counts.append(
            (
                "Scheduled",
                Article.objects.scheduled().count(),
                f"{articles}?queue=scheduled",
            )
        )
    elif user.has_perm("articles.change_article"):
        mine = Article.objects.filter(bylines__correspondent__user=user)
        counts.append(
            (
                "My drafts",
                mine.filter(status=Status.DRAFT).count(),
                f"{articles}?queue=mine&status__exact=draft",
            )
        )
        counts.append(
            (
                "My stories in review",
                mine.filter(status=Status.IN_REVIEW).count(),
                f"{articles}?queue=mine&status__exact=in_review",
            )
        )
    pending = pending_comment_count(user)
    if pending is not None:
        counts.append(
            (
                "Comments waiting",
                pending,
                admin_views.waiting_url(),
            )
        )
    return counts
