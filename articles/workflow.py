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
    # The same step as the story's own writer makes it, if they may: they
    # need its permission and to be one of the story's writers.
    by_writer: "Move | None" = None

    def made_by(self, user, *, is_writer=lambda: False) -> "Move | None":
        """The way `user` makes this step (the writer's way first, when they
        write the story), or None when they may not. `is_writer` is asked
        only when the step has a writer's way."""
        for way in reversed(self.ways()):
            if self.allows(way, user, is_writer=is_writer):
                return way
        return None

    def ways(self) -> list["Move"]:
        return [self] + ([self.by_writer] if self.by_writer else [])

    def allows(self, way: "Move", user, *, is_writer) -> bool:
        """Whether `user` may make this step `way` (one of ways())."""
        if not user.has_perm(way.permission):
            return False
        return way is self or is_writer()


MOVES = {
    (Status.DRAFT, Status.IN_REVIEW): Move(WRITE, _("Submit for review"), "submit"),
    (Status.IN_REVIEW, Status.DRAFT): Move(
        PUBLISH,
        _("Send back to the writer"),
        "send_back",
        # The writer takes it back before an editor has decided.
        by_writer=Move(WRITE, _("Pull back from review"), "pull_back"),
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
PULLED_BACK = "Pulled back from review by the writer."
NOTE_REQUIRED = "Say what needs to change: sending a story back needs a note."
SCHEDULE_NOT_PERMITTED = "You may not schedule an article for a future time."
RESCHEDULE_NEEDS_TIME = "Choose the new publish time."
NOT_PERMITTED_CHANGE = "Only an editor may put a change to a live story live."


def label(status: str) -> str:
    return str(Status(status).label).lower()


def check(
    *,
    old: str,
    new: str,
    user,
    method: str | None = None,
    is_writer=lambda: False,
) -> Move:
    """Raise unless `user` may move an article from `old` to `new` (by way of
    `method`, when given: publishing a live story is no move, rescheduling is);
    return the way they make it. `is_writer()` says whether `user` writes the
    story, for steps its writer may make."""
    move = MOVES.get((old, new))
    if move is None or method not in (None, *(way.method for way in move.ways())):
        raise ValidationError(
            NOT_ALLOWED.format(old=label(old), new=label(new)), code="not_allowed"
        )
    if method is None:
        way = move.made_by(user, is_writer=is_writer)
    else:
        way = next(way for way in move.ways() if way.method == method)
        way = way if move.allows(way, user, is_writer=is_writer) else None
    if way is None:
        raise PermissionDenied(NOT_PERMITTED.format(old=label(old), new=label(new)))
    return way


def allowed_moves(*, old: str, user, is_writer=lambda: False) -> list[tuple[str, Move]]:
    """The (target status, move) pairs `user` may make from `old`, in order."""
    moves = []
    for (start, new), move in MOVES.items():
        way = move.made_by(user, is_writer=is_writer) if start == old else None
        if way is not None:
            moves.append((new, way))
    return moves


def allowed_targets(*, old: str, user, is_writer=lambda: False) -> list[str]:
    """The statuses `user` may move an article to from `old`, in table order."""
    return [
        new for new, _move in allowed_moves(old=old, user=user, is_writer=is_writer)
    ]
