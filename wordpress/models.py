"""What the importer remembers: which WordPress record became which object."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class LegacyId(models.Model):
    """A WordPress record's id and old address, and what it became here.

    The importer finds last run's records through it (so a re-import updates
    instead of duplicating) and the old URLs redirect through it.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", _("Author")
        CATEGORY = "category", _("Category")
        TAG = "tag", _("Tag")
        POST = "post", _("Post")
        PAGE = "page", _("Page")
        COMMENT = "comment", _("Comment")

    kind = models.CharField(max_length=20, choices=Kind)
    wp_id = models.PositiveBigIntegerField(_("WordPress id"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    slug = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The WordPress slug or author nicename, as in the old URLs."),
    )
    path = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("A category's slug with its parents', e.g. “world/europe”."),
    )
    thumbnail_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        help_text=_("The attachment whose file is the post's hero image."),
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("WordPress id")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "wp_id"], name="unique_wordpress_id"
            )
        ]
        indexes = [
            models.Index(fields=["kind", "slug"]),
            models.Index(fields=["kind", "path"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wp_id}"

    def public_object(self):
        """The record readers may be sent to, or None for an unpublished story."""
        model = self.content_type.model_class()
        if model is Article:
            queryset = Article.objects.published()
        else:
            queryset = model._default_manager.all()
        return queryset.filter(pk=self.object_id).first()
