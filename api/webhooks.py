"""Webhook bodies, their signature, and one HTTP attempt to deliver them.

A delivery is a POST of a JSON body with three headers:

    Webhook-Id:        the delivery's id (the same on every retry: dedupe on it)
    Webhook-Timestamp: seconds since the epoch when this attempt was signed
    Webhook-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the
                       endpoint's secret>

The receiver recomputes the HMAC over the raw bytes it got and refuses old
timestamps (README, "Webhooks", has a short example). A 2xx answer counts as
delivered; anything else, a timeout or a refused connection is retried.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from api import queries
from api.models import Event
from api.serializers import CorrectionSerializer, StorySerializer, absolute
from articles.models import Correction
from articles.workflow import Status
from comments.models import Comment

USER_AGENT = "newsroom-webhooks/1"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"v1={digest}"


def body(delivery_id, event: str, data: dict) -> str:
    return json.dumps(
        {
            "id": str(delivery_id),
            "event": event,
            "created_at": timezone.now(),
            "data": data,
        },
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
    )


# What each event says ----------------------------------------------------------


def event_data(event: str, **ids) -> dict | None:
    """The body's "data" for `event`, or None when the event no longer holds
    (the story was withdrawn or rescheduled since, the comment hidden)."""
    if event == Event.WITHDRAWN:
        return {"story": {"id": ids["story_id"], "url": ids["url"]}}
    if event == Event.COMMENT_APPROVED:
        return comment_data(ids["comment_id"])
    correction = None
    if event == Event.CORRECTED:
        correction = Correction.objects.filter(pk=ids["correction_id"]).first()
        if correction is None:
            return None
        ids["story_id"] = correction.article_id
    story = queries.story(ids["story_id"])  # None unless live now
    if story is None:
        return None
    expected = ids.get("publish_at")
    if expected and story.publish_at != datetime.fromisoformat(expected):
        return None  # rescheduled since: the later announcement speaks
    data = {"story": StorySerializer(story).data}
    if correction is not None:
        data["correction"] = CorrectionSerializer(correction).data
    return data


def comment_data(comment_id: int) -> dict | None:
    comment = Comment.objects.filter(pk=comment_id).select_related("article").first()
    if comment is None or not comment.article.is_published():
        return None
    if not comment.is_shown():  # a reply only under shown parents, say
        return None
    article = comment.article
    return {
        "comment": {
            "id": comment.pk,
            "parent_id": comment.parent_id,
            "name": comment.name,
            "body": comment.body,
            "created_at": comment.created_at,
        },
        "story": {
            "id": article.pk,
            "headline": article.headline,
            "url": absolute(article.get_absolute_url()),
            "comment_count": article.comment_count,
        },
    }


def is_live_status(status: str, publish_at) -> bool:
    return (
        status == Status.PUBLISHED
        and publish_at is not None
        and publish_at <= timezone.now()
    )


# Sending -------------------------------------------------------------------------


@dataclass
class Outcome:
    delivered: bool
    code: int | None = None
    excerpt: str = ""
    error: str = ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would re-send the body somewhere the admin never named.
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(url: str, secret: str, delivery_id, payload: str) -> Outcome:
    """One attempt: POST the signed body; what came of it."""
    data = payload.encode()
    timestamp = int(time.time())
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Webhook-Id": str(delivery_id),
            "Webhook-Timestamp": str(timestamp),
            "Webhook-Signature": signature(secret, timestamp, data),
        },
    )
    try:
        with _opener.open(request, timeout=settings.WEBHOOK_TIMEOUT) as response:
            excerpt = response.read(500).decode(errors="replace")
            return Outcome(200 <= response.status < 300, response.status, excerpt)
    except urllib.error.HTTPError as error:
        excerpt = error.read(500).decode(errors="replace")
        return Outcome(False, error.code, excerpt, f"HTTP {error.code}")
    except (OSError, ValueError) as error:  # refused, timed out, bad address
        reason = getattr(error, "reason", error)
        return Outcome(False, error=str(reason)[:300] or type(error).__name__)
