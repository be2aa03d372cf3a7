"""Spam and abuse rules for new comments, with no third-party service.

assess() returns a Verdict: refused outright (with the Reason, and the form
carrying the message for the reader), or accepted as pending or spam, with
the signals that fired recorded on the comment for the moderator. What a
reason means over HTTP is the view's business (comments/views.py).
"""

import hashlib
import hmac
import ipaddress
import logging
import re
import time
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings

from blocks import ratelimit
from blocks.clients import client_ip
from comments.forms import read_start
from comments.models import BlockedTerm, Comment

logger = logging.getLogger(__name__)

HONEYPOT = "Your comment could not be accepted. Please leave the last field empty."
TOO_FAST = (
    "That was quicker than anyone can read and type. "
    "Please wait a moment and send it again."
)
EXPIRED = "The form had expired. Please send your comment again."
BAD_PARENT = "The comment you are replying to is not open for replies."
RATE_LIMITED = (
    "You have sent several comments in a short time. "
    "Please wait a minute and try again."
)
DUPLICATE = "You have already sent this comment; it is waiting for a moderator."
COUNTERS_DOWN = (
    "Comments cannot be taken for a moment; yours was not saved. "
    "Please send it again in a minute."
)

URL_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)

# The signals below as a few words each, for the moderation queue; the
# comment's own page shows them in full.
SHORT_LABELS = [
    (re.compile(r"(\d+) links "), "{} links"),
    (re.compile(r"blocked word “(.*)”"), "Blocked word: {}"),
    (re.compile(r"blocked e-mail"), "Blocked e-mail"),
    (re.compile(r"blocked IP range"), "Blocked IP range"),
    (re.compile(r"auto-approved"), "Known commenter"),
]


class Reason(StrEnum):
    """Why a comment was refused before anything was stored."""

    INVALID = "invalid"  # the form's own checks: a field missing or malformed
    HONEYPOT = "honeypot"
    EXPIRED = "expired"  # the form's start token is forged, another's or too old
    TOO_FAST = "too fast"
    BAD_PARENT = "bad parent"
    RATE_LIMITED = "rate limited"
    COUNTERS_DOWN = "counters down"  # the rate limits cannot be checked
    DUPLICATE = "duplicate"


@dataclass
class Verdict:
    refused: Reason | None = None
    parent: Comment | None = None
    signals: list[str] = field(default_factory=list)
    is_spam: bool = False
    is_trusted: bool = False
    key: str = ""  # the form's one-time key (comments/forms.py)

    @property
    def status_for_new_comment(self) -> str:
        if self.is_spam:
            return Comment.Status.SPAM
        return Comment.Status.APPROVED if self.is_trusted else Comment.Status.PENDING


def ip_hash(request) -> str:
    """A keyed hash: matches repeat visitors without keeping their address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, client_ip(request).encode(), hashlib.sha256).hexdigest()


def assess(form, *, article, request) -> Verdict:
    """Validate `form` and run every spam rule; errors are added to the form."""
    if not form.is_valid():
        return Verdict(refused=Reason.INVALID)
    data = form.cleaned_data
    if data.get("website"):
        return _refuse(form, None, Reason.HONEYPOT, HONEYPOT)
    start = read_start(data.get("started", ""), request)
    if start is None:
        return _refuse(form, None, Reason.EXPIRED, EXPIRED)
    if time.time() - start[0] < settings.COMMENT_MIN_SECONDS:
        return _refuse(form, None, Reason.TOO_FAST, TOO_FAST)

    verdict = Verdict(key=start[1])
    if data.get("parent"):
        verdict.parent = _valid_parent(form, article, data["parent"])
        if verdict.parent is None:
            return Verdict(refused=Reason.BAD_PARENT)

    try:
        within_limits = ratelimit.is_allowed(
            f"comment-ip:{ip_hash(request)}",
            settings.COMMENT_RATE_LIMIT,
            fail_closed=True,
        ) and ratelimit.is_allowed(
            f"comment-email:{data['email'].lower()}",
            settings.COMMENT_RATE_LIMIT,
            fail_closed=True,
        )
    except ratelimit.Unavailable:
        # Unthrottled posting is what a flood wants: refuse, and say so.
        logger.error("comment refused: rate-limit counters unavailable")
        return _refuse(form, None, Reason.COUNTERS_DOWN, COUNTERS_DOWN)
    if not within_limits:
        return _refuse(form, None, Reason.RATE_LIMITED, RATE_LIMITED)

    if Comment.objects.filter(
        article=article, email__iexact=data["email"], body=data["body"]
    ).exists():
        return _refuse(form, "body", Reason.DUPLICATE, DUPLICATE)

    links = len(URL_PATTERN.findall(data["body"]))
    if links > settings.COMMENT_MAX_LINKS:
        verdict.signals.append(
            f"{links} links (more than {settings.COMMENT_MAX_LINKS})"
        )
    blocked = blocklist_matches(data, client_ip(request))
    if blocked:
        verdict.signals.extend(blocked)
        verdict.is_spam = True
    elif not verdict.signals and _known_commenter(data["email"]):
        verdict.signals.append(
            "auto-approved: an earlier comment from this e-mail was approved"
        )
        verdict.is_trusted = True
    return verdict


def _known_commenter(email: str) -> bool:
    return settings.COMMENTS_AUTO_APPROVE_KNOWN and (
        Comment.objects.approved().filter(email__iexact=email).exists()
    )


def _refuse(form, field_name, reason: Reason, message: str) -> Verdict:
    form.add_error(field_name, message)
    return Verdict(refused=reason)


def _valid_parent(form, article, parent_id) -> Comment | None:
    parent = (
        Comment.objects.approved()
        .filter(article=article, pk=parent_id)
        .select_related("parent__parent")
        .first()
    )
    if parent is None:
        form.add_error(None, BAD_PARENT)
        return None
    return parent.reply_target()


def blocklist_matches(data, ip: str) -> list[str]:
    """The blocklist entries this comment hits, as moderator-readable signals."""
    hits = []
    text = f"{data['name']}\n{data['body']}".lower()
    email = data["email"].lower()
    for term in BlockedTerm.objects.all():
        if term.kind == BlockedTerm.Kind.WORD:
            # Whole words only: "ass" must not catch "classic" or "assessment".
            if re.search(rf"(?<!\w){re.escape(term.value)}(?!\w)", text):
                hits.append(f"blocked word “{term.value}”")
        elif term.kind == BlockedTerm.Kind.EMAIL:
            if email == term.value or (
                term.value.startswith("@") and email.endswith(term.value)
            ):
                hits.append(f"blocked e-mail “{term.value}”")
        elif term.kind == BlockedTerm.Kind.IP_RANGE and ip:
            try:
                if ipaddress.ip_address(ip) in ipaddress.ip_network(
                    term.value, strict=False
                ):
                    hits.append(f"blocked IP range {term.value}")
            except ValueError:
                continue
    return hits


def short_label(signal: str) -> str:
    """A signal in a few words: "3 links", "Blocked word: casino"."""
    for pattern, label in SHORT_LABELS:
        match = pattern.match(signal)
        if match:
            return label.format(*(_clip(part, 20) for part in match.groups()))
    return _clip(signal, 30)


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
