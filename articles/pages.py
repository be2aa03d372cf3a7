"""Standing pages such as the Terms of Service, edited in the admin."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles import body, sanitize


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
        # The table keeps the name it had when the project package owned pages.
        db_table = "newsroom_page"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize.clean_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    def body_for_readers(self):
        """The body as readers get it (embeds load on request)."""
        return body.for_readers(self.body)
