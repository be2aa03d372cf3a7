"""The project's own model: admin sign-in failures (newsroom/auth.py).
Standing pages live in articles/pages.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
