"""The publishing workflow: which moves exist and who may make them.

Rules only, no database writes; the transition methods on Article call
check() before they change anything.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PUBLISH = "articles.publish_article"
SCHEDULE = "articles.schedule_article"
WITHDRAW = "articles.withdraw_article"
CORRECT = "articles.correct_article"

TRANSITIONS = {  # (from, to): the permission the actor needs
    (Status.DRAFT, Status.IN_REVIEW): "articles.change_article",  # submitted
    (Status.IN_REVIEW, Status.DRAFT): PUBLISH,  # sent back with a note
    (Status.IN_REVIEW, Status.PUBLISHED): PUBLISH,
    (Status.DRAFT, Status.PUBLISHED): PUBLISH,  # breaking news skips review
    (Status.PUBLISHED, Status.WITHDRAWN): WITHDRAW,
    (Status.WITHDRAWN, Status.DRAFT): PUBLISH,  # reworked and resubmitted
}

NOT_ALLOWED = "An article cannot move from {old} to {new}."
NOT_PERMITTED = "You may not move an article from {old} to {new}."
NOTE_REQUIRED = "Say what needs to change: sending a story back needs a note."
SCHEDULE_NOT_PERMITTED = "You may not schedule an article for a future time."


def label(status: str) -> str:
    return str(Status(status).label).lower()


def check(*, old: str, new: str, user) -> None:
    """Raise unless `user` may move an article from `old` to `new`."""
    permission = TRANSITIONS.get((old, new))
    if permission is None:
        raise ValidationError(
            NOT_ALLOWED.format(old=label(old), new=label(new)), code="not_allowed"
        )
    if not user.has_perm(permission):
        raise PermissionDenied(NOT_PERMITTED.format(old=label(old), new=label(new)))


def allowed_targets(*, old: str, user) -> list[str]:
    """The statuses `user` may move an article to from `old`, in table order."""
    return [
        new
        for (start, new), permission in TRANSITIONS.items()
        if start == old and user.has_perm(permission)
    ]
