"""The writing desk's records: a writer's autosaved text, who has a story open."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Autosave(models.Model):
    """What a writer's form held a moment ago, not yet saved: one per writer
    and story (overwritten in place), and one per writer for a story not
    saved even once (`article` empty). Never the story itself: readers and
    the page cache never see it."""

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content = models.JSONField()
    # The story's version the writer's form started from.
    base_version = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="one_autosave_per_writer_and_story"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article=None),
                name="one_new_story_autosave_per_writer",
            ),
        ]

    def __str__(self):
        return f"{self.user} at {self.saved_at:%Y-%m-%d %H:%M}"


class Presence(models.Model):
    """Someone has a story's edit screen open: since when, last heard from,
    and whether an editor took the story over from them."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="presences"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)
    taken_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    taken_over_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="one_presence_per_person_and_story"
            )
        ]
        indexes = [models.Index(fields=["article", "seen_at"])]

    def __str__(self):
        return f"{self.user} on {self.article_id} since {self.opened_at:%H:%M}"
