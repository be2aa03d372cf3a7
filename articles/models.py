"""Sections, tags, stories and their bylines, events, corrections and revisions."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import body, checklist, preview, sanitize, workflow
from articles.checklist import (  # noqa: F401 - the messages tests match
    HERO_TOO_NARROW,
    MIN_HERO_WIDTH,
    NEEDS_BYLINE,
    NEEDS_SECTION,
)
from articles.queries import ArticleManager
from articles.reading import count_words, reading_minutes, words_in  # noqa: F401
from articles.taxonomy import Section, Tag
from articles.workflow import Status
from authors.models import Correspondent
from blocks.links import slug_url
from library import figures

logger = logging.getLogger(__name__)

RELATED_WINDOW = timedelta(days=90)
RELATED_CARD_FIELDS = [
    "headline",
    "slug",
    "publish_at",
    "reading_minutes",
    "comment_count",
    "section__name",
    "section__slug",
]
NOT_PUBLISHED = "Only a published article can be corrected."


class HeroFact:
    """One fact of a story's hero image (its file, width, alt text...), or
    `empty` for a story without one."""

    def __init__(self, name: str, empty=None):
        self.name, self.empty = name, empty

    def __get__(self, article, owner=None):
        if article is None:
            return self
        return getattr(article.hero, self.name) if article.hero_id else self.empty


SEARCHED_FIELDS = {"headline", "dek", "body"}


class Article(models.Model):
    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text=_("The end of the article's address.")
    )
    dek = models.CharField(
        _("standfirst"),
        max_length=300,
        blank=True,
        help_text=_("One sentence under the headline that says why it matters."),
    )
    body = models.TextField(
        blank=True,
        help_text=_("Cleaned on save: only basic formatting and links stay."),
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    correspondents = models.ManyToManyField(
        Correspondent, through="Byline", related_name="articles"
    )
    hero = models.ForeignKey(
        "library.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        verbose_name=_("hero image"),
        help_text=_(
            "Search the library by caption, alt text, credit or file name, or "
            "add a new image with +. At least 1200 px wide."
        ),
    )
    is_featured = models.BooleanField(
        _("lead story"),
        default=False,
        help_text=_("The newest live lead story tops the home page."),
    )
    comments_open = models.BooleanField(default=True)
    status = models.CharField(
        max_length=20, choices=Status, default=Status.DRAFT, editable=False
    )
    # Set only by the publish and reschedule moves, never by a form: a live
    # story's time decides whether readers see it.
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("Readers see it from this moment on; a future time schedules it."),
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    comment_count = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Approved comments only.")
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    preview_secret = models.CharField(
        max_length=64, default=preview.new_secret, editable=False
    )
    # PostgreSQL only (stays empty elsewhere): headline, standfirst and body,
    # weighted A/B/C, kept up to date on save and indexed with GIN.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        get_latest_by = "publish_at"
        indexes = [
            models.Index(fields=["status", "-publish_at"]),
            # A section's page counts and lists its live stories; without
            # this index the count reads every story in the section.
            models.Index(fields=["section", "status", "-publish_at"]),
        ]
        permissions = [
            ("publish_article", "Can publish, send back and withdraw articles"),
            ("schedule_article", "Can schedule articles for a future time"),
            ("withdraw_article", "Can withdraw published articles"),
            ("correct_article", "Can append corrections to published articles"),
            ("edit_any_article", "Can edit every article, not only their own"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body = sanitize.clean_body(self.body)
        self.word_count = words_in(self.body)
        self.reading_minutes = reading_minutes(self.word_count)
        self.version += 1
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCHED_FIELDS & set(update_fields):
            Article.objects.filter(pk=self.pk).update_search_vectors()

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    # The hero, read from its library image: templates, feeds and the API read
    # the picture through these as they did when it was a set of columns.
    hero_image = HeroFact("file")
    hero_width = HeroFact("width")
    hero_height = HeroFact("height")
    hero_alt = HeroFact("alt", "")
    hero_caption = HeroFact("caption", "")
    hero_credit = HeroFact("credit", "")

    def body_html(self):
        """The body as readers get it: library figures drawn as pictures."""
        return figures.render(self.body)

    def body_for_readers(self):
        """The body as the story page shows it (embeds load on request)."""
        return body.for_readers(self.body_html())

    def body_for_feeds(self):
        """The body for feed readers, which run no scripts: embeds as links."""
        return body.for_feeds(self.body_html())

    # State ------------------------------------------------------------------

    def is_published(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    def is_scheduled(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    def was_updated(self) -> bool:
        """Corrected, or changed visibly after it first went out (more than a
        few minutes on). A correction counts however soon it came."""
        if not self.first_published_at:
            return False
        went_out = max(self.first_published_at, self.publish_at)
        return (
            bool(self.corrections.all())
            or (self.updated_at - went_out).total_seconds() > 600
        )

    def can_be_edited_by(self, user) -> bool:
        if user.has_perm(workflow.EDIT_ANY):
            return True
        return (
            user.has_perm(workflow.WRITE)
            and Article.objects.filter(pk=self.pk).written_by(user).exists()
        )

    def is_written_by(self, user) -> bool:
        """Whether `user` is one of the story's writers: on its byline, or
        the one who put it up for review."""
        return (
            self.bylines.filter(correspondent__user=user).exists()
            or self.events.filter(to_status=Status.IN_REVIEW, actor_id=user.pk).exists()
        )

    def edits_need_review(self, user) -> bool:
        """Whether `user`'s edits to this story wait for an editor: readers
        keep the live (or scheduled) version until one publishes them."""
        return self.status == Status.PUBLISHED and not user.has_perm(workflow.PUBLISH)

    def accepts_comments(self) -> bool:
        """Open, live, and not yet past the newsroom's comment window."""
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        if days and self.first_published_at:
            if timezone.now() - self.first_published_at > timedelta(days=days):
                return False
        return self.comments_open and self.is_published()

    def checklist(self) -> list[checklist.Item]:
        """The pre-publish checklist, every item ticked or not."""
        return checklist.for_article(self)

    def publish_problems(self) -> list[str]:
        """What stops this article from going out, in words an editor can act on."""
        return checklist.problems(self.checklist())

    def related(self) -> list:
        """Live stories sharing the section or tags, most tags in common first.

        Only stories from the months around this one are candidates: news
        relates to its own time, and the publish_at index keeps the query
        small however long the archive grows. The query is in
        articles/page_parts.py, prepared once per process.
        """
        from articles import page_parts

        return page_parts.related(self, RELATED_WINDOW)

    # Transitions ------------------------------------------------------------

    def submit(self, *, by, note: str = "") -> None:
        self._move(Status.IN_REVIEW, by=by, note=note)

    def send_back(self, *, by, note: str) -> None:
        if not note.strip():
            raise ValidationError(workflow.NOTE_REQUIRED, code="note_required")
        self._move(Status.DRAFT, by=by, note=note, method="send_back")

    def pull_back(self, *, by, note: str = "") -> None:
        """The writer takes their story back from review, to work on it more."""
        note = note.strip() or workflow.PULLED_BACK
        self._move(Status.DRAFT, by=by, note=note, method="pull_back")

    def publish(self, *, by, at: datetime | None = None, note: str = "") -> None:
        at = at or timezone.now()
        if at > timezone.now() and not by.has_perm(workflow.SCHEDULE):
            raise PermissionDenied(workflow.SCHEDULE_NOT_PERMITTED)
        workflow.check(old=self.status, new=Status.PUBLISHED, user=by, method="publish")
        problems = self.publish_problems()
        if problems:
            raise ValidationError(problems, code="not_ready")
        with transaction.atomic():
            for byline in self.bylines.select_related("correspondent"):
                byline.job_title = byline.job_title or byline.correspondent.job_title
                byline.save(update_fields=["job_title"])
            self.publish_at = at
            self.first_published_at = self.first_published_at or at
            self._move(Status.PUBLISHED, by=by, note=note)

    def reschedule(self, *, by, at: datetime | None, note: str = "") -> None:
        """Move a live or scheduled story's publish time; the only way to."""
        workflow.check(
            old=self.status, new=Status.PUBLISHED, user=by, method="reschedule"
        )
        if at is None:
            raise ValidationError(workflow.RESCHEDULE_NEEDS_TIME, code="needs_time")
        was = self.publish_at
        never_live = was is None or was > timezone.now()
        self.publish_at = at
        if never_live:
            self.first_published_at = at
        when = "%d %b %Y, %H:%M %Z"
        moved = "Rescheduled from {} to {}.".format(
            timezone.localtime(was).strftime(when) if was else "none",
            timezone.localtime(at).strftime(when),
        )
        self._move(Status.PUBLISHED, by=by, note=f"{moved} {note}".strip())

    def withdraw(self, *, by, note: str = "") -> None:
        self._move(Status.WITHDRAWN, by=by, note=note)
        self.rotate_preview_secret()

    def return_to_draft(self, *, by, note: str = "") -> None:
        self._move(Status.DRAFT, by=by, note=note)

    def transition(self, new: str, *, by, note: str = "", at=None) -> None:
        """Make the move from the current status to `new`, as `by`: the method
        the workflow's table names for it."""
        move = workflow.check(
            old=self.status, new=new, user=by, is_writer=lambda: self.is_written_by(by)
        )
        method = getattr(self, move.method)
        if move.method in ("publish", "reschedule"):
            method(by=by, note=note, at=at)
        else:
            method(by=by, note=note)

    def rotate_preview_secret(self) -> None:
        """Give the story a new link secret: every preview link made so far stops."""
        self.preview_secret = preview.new_secret()
        # Links are never cached, so no page needs purging: skip save().
        Article.objects.filter(pk=self.pk).update(preview_secret=self.preview_secret)

    def last_send_back(self):
        """The editor's note from the most recent time the story was sent back,
        unless its writer pulled it back from review since."""
        back = self.events.filter(
            from_status=Status.IN_REVIEW, to_status=Status.DRAFT
        ).first()
        return None if back is None or back.move == "pull_back" else back

    def _move(self, new: str, *, by, note: str, method: str | None = None) -> None:
        old = self.status
        workflow.check(
            old=old,
            new=new,
            user=by,
            method=method,
            is_writer=lambda: self.is_written_by(by),
        )
        with transaction.atomic():
            self.status = new
            self.save()
            self.events.create(
                actor=by, from_status=old, to_status=new, note=note, move=method or ""
            )
        logger.info(
            "workflow transition",
            extra={
                "article": self.pk,
                "from": old,
                "to": new,
                "actor": by.get_username(),
            },
        )

    def add_correction(self, *, by, kind: str, note: str) -> "Correction":
        if not by.has_perm(workflow.CORRECT):
            raise PermissionDenied
        if self.status != Status.PUBLISHED:
            raise ValidationError(NOT_PUBLISHED, code="not_published")
        with transaction.atomic():
            correction = self.corrections.create(kind=kind, note=note, created_by=by)
            self.save(update_fields=["updated_at"])
        return correction


# Defined in modules of their own; imported here so Django registers them with
# the app and `from articles.models import ...` finds every model.
from articles.bylines import Byline  # noqa: E402, F401
from articles.desk import Autosave, Presence  # noqa: E402, F401
from articles.history import (  # noqa: E402, F401
    ArticleEvent,
    Correction,
    Revision,
    RevisionQuerySet,
)
from articles.pages import Page  # noqa: E402, F401
