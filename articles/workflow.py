"""The publishing workflow: which moves exist, who may make them, their labels.

Rules only, no database writes. The admin builds its buttons from MOVES and
Article.transition() calls the method a move names; each method calls check()
before it changes anything.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


WRITE = "articles.change_article"
PUBLISH = "articles.publish_article"
SCHEDULE = "articles.schedule_article"
WITHDRAW = "articles.withdraw_article"
CORRECT = "articles.correct_article"
EDIT_ANY = "articles.edit_any_article"


@dataclass(frozen=True)
class Move:
    permission: str  # what the actor needs
    label: str  # the button an editor presses
    method: str  # the Article method that makes the move


MOVES = {
    (Status.DRAFT, Status.IN_REVIEW): Move(WRITE, _("Submit for review"), "submit"),
    (Status.IN_REVIEW, Status.DRAFT): Move(
        PUBLISH, _("Send back to the writer"), "send_back"
    ),
    (Status.IN_REVIEW, Status.PUBLISHED): Move(PUBLISH, _("Publish"), "publish"),
    # Breaking news skips review.
    (Status.DRAFT, Status.PUBLISHED): Move(
        PUBLISH, _("Publish without review"), "publish"
    ),
    # A live or scheduled story's time changes only here, never in the form.
    (Status.PUBLISHED, Status.PUBLISHED): Move(SCHEDULE, _("Reschedule"), "reschedule"),
    (Status.PUBLISHED, Status.WITHDRAWN): Move(WITHDRAW, _("Withdraw"), "withdraw"),
    # Reworked and resubmitted.
    (Status.WITHDRAWN, Status.DRAFT): Move(
        PUBLISH, _("Return to draft"), "return_to_draft"
    ),
}
TRANSITIONS = {key: move.permission for key, move in MOVES.items()}

NOT_ALLOWED = "An article cannot move from {old} to {new}."
NOT_PERMITTED = "You may not move an article from {old} to {new}."
NOTE_REQUIRED = "Say what needs to change: sending a story back needs a note."
SCHEDULE_NOT_PERMITTED = "You may not schedule an article for a future time."
RESCHEDULE_NEEDS_TIME = "Choose the new publish time."
NOT_PERMITTED_CHANGE = "Only an editor may put a change to a live story live."


def label(status: str) -> str:
    return str(Status(status).label).lower()


def check(*, old: str, new: str, user, method: str | None = None) -> None:
    """Raise unless `user` may move an article from `old` to `new` (by way of
    `method`, when given: publishing a live story is no move, rescheduling is)."""
    move = MOVES.get((old, new))
    if move is None or method not in (None, move.method):
        raise ValidationError(
            NOT_ALLOWED.format(old=label(old), new=label(new)), code="not_allowed"
        )
    if not user.has_perm(move.permission):
        raise PermissionDenied(NOT_PERMITTED.format(old=label(old), new=label(new)))


def allowed_moves(*, old: str, user) -> list[tuple[str, Move]]:
    """The (target status, move) pairs `user` may make from `old`, in order."""
    return [
        (new, move)
        for (start, new), move in MOVES.items()
        if start == old and user.has_perm(move.permission)
    ]


def allowed_targets(*, old: str, user) -> list[str]:
    """The statuses `user` may move an article to from `old`, in table order."""
    return [new for new, _move in allowed_moves(old=old, user=user)]
