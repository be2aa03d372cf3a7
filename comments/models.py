"""Comments and the blocklist: what readers see, and the moderation deciding it."""

import ipaddress
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, connections, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments import markup

logger = logging.getLogger(__name__)

# The permission to approve, reject and mark comments as spam (and reply).
MODERATE_CODENAME = "moderate_comment"
MODERATE = f"comments.{MODERATE_CODENAME}"


class CommentQuerySet(models.QuerySet):
    def submit(self, *, key: str = "", **fields) -> tuple["Comment", bool]:
        """Store a reader's comment once: (comment, True), or (the comment
        stored before, False) when the form carrying `key` was already sent
        (sent twice, or sent again after an answer was lost). A failure
        before the commit stores nothing and raises."""
        if key and (earlier := self.filter(submission_key=key).first()):
            return earlier, False
        comment = self.model(submission_key=key or None, **fields)
        try:
            with transaction.atomic(using=self.db):
                comment.save(using=self.db)
                if comment.status == Comment.Status.APPROVED:
                    self.model.objects.recount(comment.article)
        except IntegrityError:
            earlier = self.filter(submission_key=key).first() if key else None
            if earlier is None:
                raise
            return earlier, False
        except DatabaseError:
            # The connection can drop after the commit but before its answer:
            # ask again on a new connection before telling the reader it failed.
            earlier = self._stored_after_all(key)
            if earlier is None:
                raise
            return earlier, False
        return comment, True

    def _stored_after_all(self, key: str) -> "Comment | None":
        connection = connections[self.db]
        if not key or connection.in_atomic_block:
            return None  # inside a caller's transaction nothing was committed
        connection.close()
        try:
            return self.filter(submission_key=key).first()
        except DatabaseError:
            return None

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def render_html(self, *, batch: int = 500) -> int:
        """Store the HTML of these comments where it was made under an older
        markup format (or never, for rows bulk-created past save()); returns
        how many were rendered. No page changes: reads render such rows
        afresh until then."""
        stale = self.exclude(body_format=markup.FORMAT).only("id", "body")
        done = 0
        while rows := list(stale.order_by("pk")[:batch]):
            for comment in rows:
                comment.render_html()
            self.model.objects.bulk_update(rows, ["body_html", "body_format"])
            done += len(rows)
        return done

    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def visible(self, own_pending=()):
        """The comments readers may see: approved ones, plus those of
        `own_pending` (one browser's own comments, still waiting), shown to
        that browser alone. A reply among them shows only while every
        comment above it does: `threaded()` keeps to that, for the page and
        the count alike."""
        shown = Q(status=Comment.Status.APPROVED)
        if own_pending:
            shown |= Q(status=Comment.Status.PENDING, pk__in=list(own_pending))
        return self.filter(shown)

    def threaded(self) -> list["Node"]:
        """These comments as a thread, from the top, in one query: a reply
        past the depth limit joins its deepest ancestor that takes replies,
        in the order written, and a comment whose parent is not among them
        (rejected, say) is left out with every reply below it."""
        return threaded(self)

    def _shown_ids(self) -> set[int]:
        shown = self.visible().only("id", "parent_id", "created_at").threaded()
        return _ids(shown)

    def recount(self, article) -> int:
        """Store on `article` how many comments readers see on it."""
        count = len(self.filter(article=article)._shown_ids())
        article.comment_count = count
        Article.objects.filter(pk=article.pk).update(comment_count=count)
        return count

    def next_pending(self, *, after: "Comment") -> "Comment | None":
        """The pending comment the queue (newest first) shows below `after`,
        or, past the last, the newest still waiting."""
        waiting = self.pending().exclude(pk=after.pk).order_by("-created_at", "-pk")
        below = waiting.filter(
            Q(created_at__lt=after.created_at)
            | Q(created_at=after.created_at, pk__lt=after.pk)
        )
        return below.first() or waiting.first()


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REJECTED = "rejected", _("Rejected")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(
        max_length=254, help_text=_("Private: moderators only, never shown publicly.")
    )
    body = models.TextField(max_length=5000)
    # The body as readers see it (comments/markup.py), made when the body is
    # saved; used only while body_format is the current markup.FORMAT.
    body_html = models.TextField(blank=True, default="", editable=False)
    body_format = models.PositiveSmallIntegerField(default=0, editable=False)
    # The one-time key of the form that sent it (comments/forms.py): the same
    # form sent again finds this comment instead of making a second.
    submission_key = models.CharField(
        max_length=24, unique=True, null=True, blank=True, editable=False
    )
    status = models.CharField(
        max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ip_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text=_("Keyed hash; erased after the retention period."),
    )
    notified_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When moderators were e-mailed about it."),
    )
    signals = models.JSONField(
        _("spam signals"),
        default=list,
        blank=True,
        help_text=_("Why the spam checks held or flagged it."),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]
        permissions = [
            (MODERATE_CODENAME, "Can approve, reject and mark comments as spam")
        ]

    def __str__(self):
        return f"{self.name} on {self.article}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.render_html()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "body_html", "body_format"}
        super().save(*args, **kwargs)

    def render_html(self) -> None:
        """Store the body's HTML as comments/markup.py makes it now."""
        self.body_html = markup.render_body(self.body)
        self.body_format = markup.FORMAT

    def html(self) -> SafeString:
        """The body as readers see it: the stored HTML while it is current."""
        if self.body_format == markup.FORMAT:
            return mark_safe(self.body_html)  # noqa: S308 - made by render_body
        return markup.render_body(self.body)

    @property
    def depth(self) -> int:
        depth, node = 1, self
        while node.parent_id is not None:
            depth, node = depth + 1, node.parent
        return depth

    def reply_target(self) -> "Comment":
        """Where a reply to this comment goes: here, or, past the thread's
        depth limit, under the deepest ancestor that still takes replies."""
        target = self
        while target.parent_id is not None and (
            target.depth >= settings.COMMENT_MAX_DEPTH
        ):
            target = target.parent
        return target

    def is_shown(self) -> bool:
        """Whether readers see this comment on its story's thread."""
        return self.pk in Comment.objects.filter(article=self.article_id)._shown_ids()

    def reply(self, *, by, body: str) -> "Comment":
        """Approve this comment and publish `by`'s answer under it, signed
        with their public name."""
        if not by.has_perm(MODERATE):
            raise PermissionDenied
        with transaction.atomic():
            if self.status != self.Status.APPROVED:
                self.approve(by=by)
            answer = Comment.objects.create(
                article=self.article,
                parent=self,
                body=body,
                name=staff_name(by),
                email=by.email or settings.DEFAULT_FROM_EMAIL,
            )
            answer.approve(by=by)
        return answer

    def approve(self, *, by) -> None:
        self._moderate(self.Status.APPROVED, by=by)

    def reject(self, *, by) -> None:
        self._moderate(self.Status.REJECTED, by=by)

    def mark_spam(self, *, by) -> None:
        self._moderate(self.Status.SPAM, by=by)

    def _moderate(self, status: str, *, by) -> None:
        if not by.has_perm(MODERATE):
            raise PermissionDenied
        with transaction.atomic():
            self.status = status
            self.moderated_at = timezone.now()
            self.moderated_by = by
            self.save(update_fields=["status", "moderated_at", "moderated_by"])
            Comment.objects.recount(self.article)
        logger.info(
            "comment moderated",
            extra={
                "comment": self.pk,
                "status": status,
                "moderator": by.get_username(),
            },
        )


def staff_name(user) -> str:
    """How a member of staff signs a reply: their byline and title, or
    their name, or their username as a moderator."""
    person = getattr(user, "correspondent", None)
    if person:
        title = person.job_title or settings.SITE_NAME
        return f"{person.name} ({title})"
    return user.get_full_name() or f"{user.get_username()} (moderator)"


@dataclass
class Node:
    """A comment in the thread readers see, at its depth, with its replies."""

    comment: Comment
    depth: int
    replies: list["Node"] = field(default_factory=list)

    @property
    def can_reply(self) -> bool:
        return (
            self.comment.status == Comment.Status.APPROVED
            and self.depth < settings.COMMENT_MAX_DEPTH
        )

    @property
    def is_pending(self) -> bool:
        return self.comment.status == Comment.Status.PENDING


def threaded(comments) -> list[Node]:
    """`comments` (a queryset or a list) as the thread `threaded()` describes."""
    children: dict[int | None, list[Comment]] = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)
    return _grow(children)


def _grow(children: dict) -> list[Node]:
    """The tree from the top, without recursion (see `threaded()`)."""
    deepest = settings.COMMENT_MAX_DEPTH
    roots: list[Node] = []
    flattened = []
    todo = [(None, 1, roots)]
    while todo:
        parent_id, depth, siblings = todo.pop()
        for comment in children.pop(parent_id, []):
            node = Node(comment, depth)
            siblings.append(node)
            if depth < deepest:
                todo.append((comment.pk, depth + 1, node.replies))
            else:
                todo.append((comment.pk, depth, siblings))
                flattened.append(siblings)
    for siblings in flattened:
        siblings.sort(key=lambda node: (node.comment.created_at, node.comment.pk))
    return roots


def _ids(nodes: list[Node]) -> set[int]:
    ids, todo = set(), list(nodes)
    while todo:
        node = todo.pop()
        ids.add(node.comment.pk)
        todo.extend(node.replies)
    return ids


class BlockedTerm(models.Model):
    """A word, e-mail address or IP range whose comments go straight to spam."""

    class Kind(models.TextChoices):
        WORD = "word", _("Word or phrase (whole words, any case)")
        EMAIL = "email", _("E-mail address or @domain")
        IP_RANGE = "ip_range", _("IP address or range (CIDR, e.g. 203.0.113.0/24)")

    kind = models.CharField(max_length=10, choices=Kind)
    value = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "value"], name="unique_blocked_term"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        self.value = self.value.strip().lower()
        if self.kind == self.Kind.IP_RANGE:
            try:
                ipaddress.ip_network(self.value, strict=False)
            except ValueError as error:
                raise ValidationError(
                    {"value": "Enter an IP address or CIDR range."}
                ) from error
