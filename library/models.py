"""The media library: each picture stored once, with its words and focal point."""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blocks import images
from blocks.markup import cropped_picture, picture

HERO_MIN_WIDTH = 1200
MIN_WIDTH = 480  # the smallest rendition: narrower would be blown up on screen
CARD_RATIO = (16, 9)
NOT_FOR_HERO = (
    "This image is {width} px wide: it can go inside a story, but a hero needs "
    "at least {minimum} px."
)


class ImageQuerySet(models.QuerySet):
    def matching(self, words: str):
        """Images whose alt text, caption, credit or file name has every word."""
        queryset = self
        for word in words.split():
            queryset = queryset.filter(
                Q(alt__icontains=word)
                | Q(caption__icontains=word)
                | Q(credit__icontains=word)
                | Q(original_name__icontains=word)
            )
        return queryset


class Image(models.Model):
    file = models.ImageField(
        upload_to="library/",
        width_field="width",
        height_field="height",
        validators=[images.validate_image],
        help_text=_(
            "A JPEG, PNG or WebP at least 480 px wide; 1200 px or more to be a "
            "story's hero. Location and camera data are removed on upload."
        ),
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    original_name = models.CharField(
        _("uploaded as"), max_length=200, blank=True, editable=False
    )
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=120, blank=True)
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the left edge, 1 the right. Crops keep this point."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the top edge, 1 the bottom."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("library image")

    def __str__(self):
        words = self.caption or self.alt or self.original_name or self.file.name
        return f"{words[:80]} ({self.width}×{self.height})"

    def save(self, *args, **kwargs):
        is_new = images.is_new_upload(self.file)
        if is_new:
            self.original_name = PurePosixPath(self.file.name).name[:200]
            self.file = images.clean_upload(self.file)
        super().save(*args, **kwargs)
        if is_new:
            images.make_renditions(self.file.name)
            self.make_crops()

    def make_crops(self) -> None:
        """Write the focal-point crops the site shows (idempotent): on upload,
        and again whenever the focal point moves."""
        if self.file:
            images.make_crop_renditions(self.file.name, CARD_RATIO, self.focal)

    @property
    def focal(self) -> tuple[float, float]:
        return (self.focal_x, self.focal_y)

    def can_be_hero(self) -> bool:
        return (self.width or 0) >= HERO_MIN_WIDTH

    def hero_warning(self) -> str:
        """What to say about this image as a hero: nothing if it will do."""
        if self.can_be_hero():
            return ""
        return NOT_FOR_HERO.format(width=self.width, minimum=HERO_MIN_WIDTH)

    # Markup --------------------------------------------------------------------

    def picture(self, alt=None, sizes="100vw", loading="lazy"):
        """The whole image, responsive, at its own ratio."""
        alt = self.alt if alt is None else alt
        return picture(self.file, self.width, self.height, alt, sizes, loading)

    def card_picture(self, alt="", sizes="100vw", loading="lazy"):
        """The 16:9 crop around the focal point, as story cards show it."""
        return cropped_picture(
            self.file, self.size, CARD_RATIO, self.focal, alt, sizes, loading
        )

    @property
    def size(self) -> tuple[int, int]:
        return (self.width or 0, self.height or 0)

    def thumbnail_url(self) -> str:
        """The card crop's smallest JPEG, for pickers and lists."""
        by_type, _size = images.crop_renditions(
            self.file.name, self.size, CARD_RATIO, self.focal
        )
        return by_type["image/jpeg"][0].url

    def preview_url(self) -> str:
        """The whole image at a width an editor's screen shows well."""
        jpegs = images.renditions(self.file.name, self.width or 0)["image/jpeg"]
        return next((r.url for r in jpegs if r.width >= 800), jpegs[-1].url)

    def picker_facts(self) -> dict:
        """What the story screen's picker and checklist know of this image."""
        return {
            "id": self.pk,
            "text": str(self),
            "thumbnail": self.thumbnail_url(),
            "preview": self.preview_url(),
            "alt": self.alt,
            "caption": self.caption,
            "credit": self.credit,
            "width": self.width,
            "height": self.height,
            "hero_ready": self.can_be_hero(),
        }

    # Where it is used ----------------------------------------------------------

    def uses(self) -> dict[str, list]:
        """The stories that show this image, as hero or inside the body; read
        from the stories themselves, never kept twice."""
        Story = self._meta.get_field("hero_of").related_model
        return {
            "hero": list(Story.objects.filter(hero=self).only("headline", "slug")),
            "body": list(
                Story.objects.filter(body__contains=f'data-image="{self.pk}"').only(
                    "headline", "slug"
                )
            ),
        }
