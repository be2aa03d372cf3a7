"""A story's bylines: who wrote it, in order, with the title they held then."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from authors.models import Correspondent


class Byline(models.Model):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
    correspondent = models.ForeignKey(
        Correspondent, on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(default=0)
    job_title = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Kept as it was when the story was published; blank uses today's."),
    )

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "correspondent"], name="one_byline_per_person"
            )
        ]

    def __str__(self):
        return self.correspondent.name

    @property
    def title(self) -> str:
        return self.job_title or self.correspondent.job_title
