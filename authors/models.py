"""Correspondents, their profile links and the outlets they worked for."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blocks import images
from blocks.links import slug_url

# Linking an account hands it the profile's stories, so it takes the right
# to manage staff accounts, not only the right to edit profiles.
LINK_PERMISSION = "auth.change_user"
LINK_NOT_PERMITTED = "Only those who manage staff accounts may link one to a profile."
SEES_CONTACTS = "authors.change_correspondent"
FIRST_YEAR = 1900
YEAR_OUT_OF_RANGE = "Enter a year between {first} and {last}."
YEARS_OUT_OF_ORDER = "The first year comes before the last."


class Correspondent(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    job_title = models.CharField(
        max_length=120,
        blank=True,
        help_text=_('As readers see it: "Asia Pacific Correspondent".'),
    )
    beat = models.CharField(
        _("beat or region"),
        max_length=200,
        blank=True,
        help_text=_("What they cover, e.g. “Southeast Asia, trade and shipping”."),
    )
    based_in = models.CharField(max_length=120, blank=True)
    languages = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Comma-separated, e.g. “English, Japanese”."),
    )
    experience = models.TextField(
        blank=True,
        help_text=_(
            "Free text from before previous outlets were listed one by one "
            "below; readers see it only while no outlets are listed."
        ),
    )
    education = models.TextField(blank=True)
    bio = models.TextField(
        blank=True, help_text=_("Plain text; blank lines start paragraphs.")
    )
    photo = images.field("correspondents/", "photo")
    photo_width = images.dimension()
    photo_height = images.dimension()
    email = models.EmailField(
        _("private contact e-mail"),
        blank=True,
        help_text=_("For the newsroom only; never shown on the public site."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="correspondent",
        help_text=_("The staff account of this person, if any."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        with images.saving(self, "photo"):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:correspondent", self.slug)

    @staticmethod
    def may_link_accounts(user) -> bool:
        return user.has_perm(LINK_PERMISSION)

    def contact_visible_to(self, user) -> bool:
        """The private e-mail is for those who manage profiles, and its owner."""
        return user.has_perm(SEES_CONTACTS) or (
            self.user_id is not None and self.user_id == user.pk
        )

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(",") if part.strip()]

    @property
    def bio_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.bio.split("\n\n") if part.strip()]


class ProfileLink(models.Model):
    correspondent = models.ForeignKey(
        Correspondent, on_delete=models.CASCADE, related_name="links"
    )
    label = models.CharField(
        max_length=60, help_text=_("e.g. “Mastodon”, “Personal site”.")
    )
    url = models.URLField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.label}: {self.url}"


class PreviousOutlet(models.Model):
    """A newsroom the correspondent reported for before, with the years."""

    correspondent = models.ForeignKey(
        Correspondent, on_delete=models.CASCADE, related_name="outlets"
    )
    outlet = models.CharField(
        max_length=120, help_text=_("e.g. “Reuters, Jakarta bureau”.")
    )
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "-start_year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(start_year__lte=F("end_year")),
                name="outlet_years_in_order",
                violation_error_message=YEARS_OUT_OF_ORDER,
            )
        ]

    def __str__(self):
        return f"{self.outlet}, {self.years}" if self.years else self.outlet

    def clean(self):
        this_year = timezone.now().year
        for field in ("start_year", "end_year"):
            year = getattr(self, field)
            if year is not None and not FIRST_YEAR <= year <= this_year:
                raise ValidationError(
                    {field: YEAR_OUT_OF_RANGE.format(first=FIRST_YEAR, last=this_year)}
                )

    @property
    def years(self) -> str:
        """ "2013–2019", "from 2013", "until 2019", or nothing."""
        if self.start_year and self.end_year:
            if self.start_year == self.end_year:
                return str(self.start_year)
            return f"{self.start_year}–{self.end_year}"
        if self.start_year:
            return f"from {self.start_year}"
        if self.end_year:
            return f"until {self.end_year}"
        return ""
