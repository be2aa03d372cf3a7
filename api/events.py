"""Webhook events, read from the signals the domain's models already send.

articles/ and comments/ know nothing of webhooks: this module listens to
their saves and queues an announcement (api/tasks.py) in the same
transaction, so an event exists exactly when its change commits. A story
scheduled for later is announced by a task that waits until it goes live.

    story.published   a story goes live (now, or at its scheduled time)
    story.updated     a live story is saved again (an editor's edit, an
                      accepted pending change, a new date in the past)
    story.withdrawn   a live story is withdrawn, unpublished, moved to a
                      future time or deleted
    story.corrected   a correction is appended to a live story
    comment.approved  a comment becomes visible on a live story
"""

from django.db.models.signals import post_delete, post_save, pre_save

from api.models import Event, WebhookEndpoint
from api.serializers import absolute
from api.webhooks import is_live_status
from articles.models import Article, Correction
from articles.workflow import Status
from comments.models import Comment

# A correction bumps only this; the correction itself is the event.
CORRECTION_BUMP = frozenset({"updated_at"})


def connect_signals():
    pre_save.connect(_remember, sender=Article, dispatch_uid="api-article-before")
    post_save.connect(_article_saved, sender=Article, dispatch_uid="api-article")
    post_delete.connect(
        _article_deleted, sender=Article, dispatch_uid="api-article-deleted"
    )
    post_save.connect(
        _correction_saved, sender=Correction, dispatch_uid="api-correction"
    )
    pre_save.connect(_remember, sender=Comment, dispatch_uid="api-comment-before")
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="api-comment")


def announce(event: str, *, at=None, **ids) -> None:
    """Queue `event` (at time `at`, if later) when any endpoint listens."""
    from api import tasks

    if not WebhookEndpoint.objects.filter(is_active=True).exists():
        return
    task = tasks.announce if at is None else tasks.announce.using(run_after=at)
    task.enqueue(event, **ids)


def _remember(sender, instance, raw=False, using=None, **kwargs):
    """Before a save: the row as it was, to tell what the save changes."""
    instance._api_was = None
    if raw or instance.pk is None:
        return
    if sender is Comment:
        if instance.status == Comment.Status.APPROVED:  # only then it matters
            instance._api_was = (
                Comment.objects.using(using)
                .filter(pk=instance.pk)
                .values_list("status", flat=True)
                .first()
            )
        return
    instance._api_was = (
        Article.objects.using(using)
        .filter(pk=instance.pk)
        .values_list("status", "publish_at")
        .first()
    )


def _article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    was = getattr(instance, "_api_was", None)
    was_live = was is not None and is_live_status(*was)
    story = {"story_id": instance.pk}
    if instance.status != Status.PUBLISHED:
        if was_live:
            _withdrawn(instance)
        return
    moved = was is None or was != (instance.status, instance.publish_at)
    if not moved:
        if instance.is_published() and set(update_fields or ()) != CORRECTION_BUMP:
            announce(Event.UPDATED, **story)
        return
    if was_live and instance.is_published():
        announce(Event.UPDATED, **story)
        return
    if was_live:  # a live story moved to a future time: gone until then
        _withdrawn(instance)
    at = instance.publish_at if instance.is_scheduled() else None
    announce(
        Event.PUBLISHED, at=at, publish_at=instance.publish_at.isoformat(), **story
    )


def _withdrawn(instance) -> None:
    announce(
        Event.WITHDRAWN,
        story_id=instance.pk,
        url=absolute(instance.get_absolute_url()),
    )


def _article_deleted(sender, instance, **kwargs):
    if instance.is_published():
        _withdrawn(instance)


def _correction_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        announce(Event.CORRECTED, correction_id=instance.pk)


def _comment_saved(sender, instance, created, raw=False, **kwargs):
    if raw or instance.status != Comment.Status.APPROVED:
        return
    if created or getattr(instance, "_api_was", None) != Comment.Status.APPROVED:
        announce(Event.COMMENT_APPROVED, comment_id=instance.pk)
