"""What happened to a story: its workflow events, corrections and revisions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.workflow import Status


class ArticleEvent(models.Model):
    """The audit log: every workflow move, who made it, when and why."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=Status)
    to_status = models.CharField(max_length=20, choices=Status)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The Article method that made it, when one step has several ways
    # ("send_back" by an editor, "pull_back" by the writer).
    move = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.CORRECTION)
    note = models.TextField(
        help_text=_("Plain text: what was wrong and what is right.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"


class RevisionQuerySet(models.QuerySet):
    def saved(self):
        """The story's own history: what it held after each save."""
        return self.filter(state=Revision.State.SAVED)

    def pending(self):
        """Edits to live stories waiting for an editor, oldest first."""
        return self.filter(state=Revision.State.PENDING).order_by("created_at", "id")

    def waiting(self) -> "Revision | None":
        """The change waiting for an editor (each replaces the one before)."""
        return self.pending().select_related("created_by").last()


class Revision(models.Model):
    """A snapshot of an article's editable content: after a save, or an edit
    to a live story that waits for an editor (pending)."""

    class State(models.TextChoices):
        SAVED = "saved", _("Saved")
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Published by an editor")
        DISCARDED = "discarded", _("Discarded by an editor")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="revisions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content = models.JSONField()
    note = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=20, choices=State, default=State.SAVED)
    base_version = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("The story's version the edit started from.")
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_note = models.TextField(blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.article} at {self.created_at:%Y-%m-%d %H:%M}"
