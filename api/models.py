"""Partner API keys, webhook endpoints and the deliveries made to them."""

import hashlib
import re
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "nrk_"
BAD_RATE = 'Write a rate as requests per period, e.g. "600/m", "20/s", "10000/h".'
RATE_FORMAT = re.compile(r"^(0|[1-9]\d{0,6}/([1-9]\d{0,5})?[smhd])$")


def validate_rate(value: str) -> None:
    if not RATE_FORMAT.match(value or ""):
        raise ValidationError(BAD_RATE, code="bad_rate")


def hash_key(raw: str) -> str:
    # A key is 256 random bits: no one can guess it by brute force, so a
    # fast hash suffices, and checking it costs each request next to nothing.
    return hashlib.sha256(raw.encode()).hexdigest()


def default_partner_rate() -> str:
    return settings.API_PARTNER_RATE


class PartnerKey(models.Model):
    """A key that lets a partner use the API with its own rate limit.

    Only a hash is kept; the key itself is shown once, when it is made.
    """

    name = models.CharField(
        max_length=120, help_text=_("Who uses it, e.g. “Morning newsletter”.")
    )
    prefix = models.CharField(
        max_length=16, editable=False, help_text=_("How the key starts.")
    )
    hashed = models.CharField(max_length=64, unique=True, editable=False)
    rate = models.CharField(
        max_length=20,
        default=default_partner_rate,
        validators=[validate_rate],
        help_text=_('Requests allowed per period: "1200/m", "50/s"; "0" for none.'),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to revoke the key at once.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("partner API key")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def issue(self) -> str:
        """Give this key a new secret value and return it: the only time it
        exists in clear."""
        raw = KEY_PREFIX + secrets.token_urlsafe(32)
        self.prefix = raw[: len(KEY_PREFIX) + 6]
        self.hashed = hash_key(raw)
        return raw

    @classmethod
    def find(cls, raw: str) -> "PartnerKey | None":
        """The active key whose value is `raw`, if any."""
        if not raw.startswith(KEY_PREFIX) or len(raw) > 100:
            return None
        return cls.objects.filter(hashed=hash_key(raw), is_active=True).first()


class Event(models.TextChoices):
    PUBLISHED = "story.published", _("Story published")
    UPDATED = "story.updated", _("Live story updated")
    WITHDRAWN = "story.withdrawn", _("Story withdrawn")
    CORRECTED = "story.corrected", _("Correction appended")
    COMMENT_APPROVED = "comment.approved", _("Comment approved")


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A partner's address that receives signed events as they happen."""

    url = models.URLField(
        _("URL"), max_length=500, help_text=_("Receives a POST for each event.")
    )
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(
        default=list, help_text=_("The events this endpoint receives.")
    )
    # Kept in clear: every delivery is signed with it.
    secret = models.CharField(max_length=80, default=new_secret, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["url", "id"]
        verbose_name = _("webhook endpoint")

    def __str__(self):
        return self.description or self.url

    def clean(self):
        unknown = set(self.events) - set(Event.values)
        if unknown:
            raise ValidationError({"events": f"Unknown events: {sorted(unknown)}"})

    def wants(self, event: str) -> bool:
        return self.is_active and event in self.events

    def rotate_secret(self) -> str:
        self.secret = new_secret()
        self.save(update_fields=["secret"])
        return self.secret


class Delivery(models.Model):
    """One event sent to one endpoint: the body, and how sending it went.

    Each attempt is a task in the database queue. Before an attempt goes out
    the next one is already queued, so a worker that dies mid-attempt loses
    nothing: the next worker sends it again when it falls due.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting or retrying")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Gave up")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=Event)
    body = models.TextField(help_text=_("The JSON sent, byte for byte."))
    status = models.CharField(
        max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # Bumped by "send again": attempts queued for an earlier round stand down.
    round = models.PositiveSmallIntegerField(default=0, editable=False)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_excerpt = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"

    @staticmethod
    def retry_delay(attempt: int) -> timedelta:
        """How long after attempt `attempt` (1, 2, …) the next one goes:
        doubling each time, and never before this one has timed out."""
        seconds = settings.WEBHOOK_RETRY_SECONDS * 2 ** (attempt - 1)
        return timedelta(seconds=max(seconds, settings.WEBHOOK_TIMEOUT + 1))

    def start(self) -> None:
        """Queue the first attempt of the current round. The queue lives in
        the same database, so the task commits (or not) with the caller's
        transaction."""
        from api.tasks import deliver

        deliver.enqueue(str(self.pk), self.round, 1)

    def send_again(self) -> None:
        """Start over: a new round of attempts, sent as soon as a worker can."""
        with transaction.atomic():
            self.round += 1
            self.status = self.Status.PENDING
            self.attempts = 0
            self.next_attempt_at = timezone.now()
            self.delivered_at = None
            self.error = ""
            self.save()
            self.start()
