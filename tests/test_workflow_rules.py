"""The transition table, with no database: every move, allowed and refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles import workflow
from articles.workflow import Status


class Actor:
    def __init__(self, *perms):
        self.perms = set(perms)

    def has_perm(self, perm):
        return perm in self.perms


JOURNALIST = Actor("articles.change_article")
EDITOR = Actor(
    "articles.change_article",
    workflow.PUBLISH,
    workflow.SCHEDULE,
    workflow.WITHDRAW,
    workflow.CORRECT,
)
MODERATOR = Actor("comments.moderate_comment")

ALLOWED = {
    "journalist": {(Status.DRAFT, Status.IN_REVIEW)},
    "editor": set(workflow.TRANSITIONS),
    "moderator": set(),
}
ACTORS = {"journalist": JOURNALIST, "editor": EDITOR, "moderator": MODERATOR}
ALL_MOVES = [(old, new) for old in Status for new in Status if old != new]


@pytest.mark.parametrize("role", ACTORS)
@pytest.mark.parametrize(("old", "new"), ALL_MOVES)
def test_every_move_for_every_role(role, old, new):
    actor = ACTORS[role]
    if (old, new) not in workflow.TRANSITIONS:
        with pytest.raises(ValidationError) as error:
            workflow.check(old=old, new=new, user=actor)
        assert error.value.messages == [
            workflow.NOT_ALLOWED.format(
                old=workflow.label(old), new=workflow.label(new)
            )
        ]
    elif (old, new) in ALLOWED[role]:
        workflow.check(old=old, new=new, user=actor)  # no exception
    else:
        with pytest.raises(PermissionDenied) as error:
            workflow.check(old=old, new=new, user=actor)
        assert str(error.value) == workflow.NOT_PERMITTED.format(
            old=workflow.label(old), new=workflow.label(new)
        )


def test_not_allowed_message_reads_plainly():
    with pytest.raises(ValidationError) as error:
        workflow.check(old=Status.DRAFT, new=Status.WITHDRAWN, user=EDITOR)
    assert error.value.messages == ["An article cannot move from draft to withdrawn."]


def test_allowed_targets_are_exactly_the_buttons_a_user_gets():
    assert workflow.allowed_targets(old=Status.DRAFT, user=JOURNALIST) == [
        Status.IN_REVIEW
    ]
    assert workflow.allowed_targets(old=Status.IN_REVIEW, user=JOURNALIST) == []
    assert workflow.allowed_targets(old=Status.IN_REVIEW, user=EDITOR) == [
        Status.DRAFT,
        Status.PUBLISHED,
    ]
    assert workflow.allowed_targets(old=Status.PUBLISHED, user=MODERATOR) == []


def writes_it():
    return True


def test_the_writer_pulls_back_what_an_editor_would_send_back():
    way = workflow.check(
        old=Status.IN_REVIEW, new=Status.DRAFT, user=JOURNALIST, is_writer=writes_it
    )
    assert (way.method, str(way.label)) == ("pull_back", "Pull back from review")
    assert workflow.allowed_targets(
        old=Status.IN_REVIEW, user=JOURNALIST, is_writer=writes_it
    ) == [Status.DRAFT]
    # An editor who wrote the story pulls it back too, and may still send back.
    moves = dict(
        workflow.allowed_moves(old=Status.IN_REVIEW, user=EDITOR, is_writer=writes_it)
    )
    assert moves[Status.DRAFT].method == "pull_back"
    editor_way = workflow.check(
        old=Status.IN_REVIEW,
        new=Status.DRAFT,
        user=EDITOR,
        method="send_back",
        is_writer=writes_it,
    )
    assert editor_way.method == "send_back"


def test_only_the_writer_pulls_back():
    with pytest.raises(PermissionDenied):
        workflow.check(
            old=Status.IN_REVIEW, new=Status.DRAFT, user=JOURNALIST, method="pull_back"
        )
    with pytest.raises(PermissionDenied):  # an editor who did not write it
        workflow.check(
            old=Status.IN_REVIEW, new=Status.DRAFT, user=EDITOR, method="pull_back"
        )
    with pytest.raises(PermissionDenied):  # a moderator who "writes" it
        workflow.check(
            old=Status.IN_REVIEW,
            new=Status.DRAFT,
            user=MODERATOR,
            is_writer=writes_it,
        )
    with pytest.raises(ValidationError):  # only from review
        workflow.check(
            old=Status.DRAFT,
            new=Status.IN_REVIEW,
            user=JOURNALIST,
            method="pull_back",
            is_writer=writes_it,
        )
