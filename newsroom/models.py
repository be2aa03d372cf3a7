from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles import sanitize


class Page(models.Model):
    """A standing page such as the Terms of Service, edited in the admin."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text=_("“terms” and “privacy” are linked in the footer."),
    )
    body = models.TextField(help_text=_("Cleaned on save like an article body."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize.clean_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})


class SignInFailures(models.Model):
    """Failed admin sign-ins within one window, for one scope: an account
    tried from one address, or one address whatever the account."""

    scope = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name_plural = _("sign-in failures")

    def __str__(self):
        return f"{self.scope}: {self.count}"
