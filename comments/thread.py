"""The public thread: which comments readers see, as a tree, and how bodies render."""

from dataclasses import dataclass, field
from functools import lru_cache

from bleach.linkifier import Linker
from django.conf import settings
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from comments.models import Comment

# This browser's pending comments, which it alone is shown until approved.
SESSION_KEY = "my_pending_comments"


@dataclass
class Node:
    comment: Comment
    depth: int
    replies: list["Node"] = field(default_factory=list)

    @property
    def can_reply(self) -> bool:
        return (
            self.comment.status == Comment.Status.APPROVED
            and self.depth < settings.COMMENT_MAX_DEPTH
        )


def visible_tree(article, own_pending_ids=()) -> list[Node]:
    """Approved comments, plus this browser's own pending ones, threaded.

    A reply shows only while every comment above it does: rejecting a
    comment hides its replies too. One query, whatever the thread's size.
    """
    comments = (
        Comment.objects.filter(article=article)
        .filter(
            Q(status=Comment.Status.APPROVED)
            | Q(status=Comment.Status.PENDING, pk__in=list(own_pending_ids))
        )
        .only("id", "parent_id", "name", "body", "status", "created_at")
    )
    children: dict[int | None, list[Comment]] = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)

    def grow(parent_id, depth):
        return [
            Node(comment, depth, grow(comment.pk, depth + 1))
            for comment in children.get(parent_id, [])
        ]

    return grow(None, 1)


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


# One linker for the process: building bleach's HTML parser is the costly part.
_linker = Linker(callbacks=[_nofollow], parse_email=False)


@lru_cache(maxsize=4096)
def render_body(text: str) -> SafeString:
    """Plain text to HTML: escaped, paragraphs and line breaks kept, URLs linked."""
    paragraphs = [
        p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()
    ]
    html = "".join(
        "<p>{}</p>".format(_linker.linkify(escape(p)).replace("\n", "<br>"))
        for p in paragraphs
    )
    return mark_safe(html)  # noqa: S308 - built from escaped text above
