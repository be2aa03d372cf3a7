"""The public thread: which comments readers see, as a tree, and how bodies render."""

from dataclasses import dataclass, field
from functools import lru_cache

from bleach.linkifier import Linker
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from comments.forms import CommentForm, issue_start, still_usable
from comments.models import Comment
from pagecache.tags import depends_on

# This browser's pending comments, which it alone is shown until approved:
# a signed cookie, so posting needs no session (nor a database write after
# the comment is stored).
OWN_COOKIE = "comment_pending"
# The name and e-mail a reader asked this browser to remember, by field.
REMEMBER_COOKIES = {"name": "comment_name", "email": "comment_email"}
OWN_SALT = "comments.own-pending"
OWN_KEPT = 50
OWN_SECONDS = 30 * 24 * 3600
# The comment form's inputs that show a value (the honeypot never does).
FORM_INPUTS = ("name", "email", "body", "parent", "started", "remember")


@dataclass
class Node:
    comment: Comment
    depth: int
    replies: list["Node"] = field(default_factory=list)

    @property
    def can_reply(self) -> bool:
        return (
            self.comment.status == Comment.Status.APPROVED
            and self.depth < settings.COMMENT_MAX_DEPTH
        )


def visible_tree(article, own_pending_ids=()) -> list[Node]:
    """Approved comments, plus this browser's own pending ones, threaded.

    A reply shows only while every comment above it does: rejecting a
    comment hides its replies too. One query, whatever the thread's size.
    """
    comments = (
        Comment.objects.filter(article=article)
        .filter(
            Q(status=Comment.Status.APPROVED)
            | Q(status=Comment.Status.PENDING, pk__in=list(own_pending_ids))
        )
        .only("id", "parent_id", "name", "body", "status", "created_at")
    )
    children: dict[int | None, list[Comment]] = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)
    return _grow(children)


def _grow(children: dict) -> list[Node]:
    """The tree from the top, without recursion: replies past the depth limit
    join their deepest ancestor that takes replies, in the order written.
    A comment whose chain never reaches the top (a loop) is never shown."""
    deepest = settings.COMMENT_MAX_DEPTH
    roots: list[Node] = []
    flattened = []
    todo = [(None, 1, roots)]
    while todo:
        parent_id, depth, siblings = todo.pop()
        for comment in children.pop(parent_id, []):
            node = Node(comment, depth)
            siblings.append(node)
            if depth < deepest:
                todo.append((comment.pk, depth + 1, node.replies))
            else:
                todo.append((comment.pk, depth, siblings))
                flattened.append(siblings)
    for siblings in flattened:
        siblings.sort(key=lambda node: (node.comment.created_at, node.comment.pk))
    return roots


def for_page(request, article, parts, form=None) -> dict:
    """The thread under a story as this reader sees it: `list` (HTML),
    `form` (a FormState) and `reply_to`, for includes/comment_thread.html.

    The approved comments are the same for every reader, so they come from
    the page's cached `parts` (pagecache/parts.py) when they can; a reader
    with a pending comment of their own, or replying to a particular comment,
    gets a thread of their own. `form` is a submitted CommentForm to show
    again with its errors; without one the form is blank.
    """
    own = own_pending(request)
    state = (
        FormState.of(form, request) if form is not None else FormState.blank(request)
    )
    reply_to = state.values["parent"] or request.GET.get("reply_to")
    if not own and not reply_to:
        html = parts.get("comments", lambda: render_list(article))
        return {"list": html, "form": state, "reply_to": None}
    nodes = visible_tree(article, own)
    return {
        "list": render_list(article, nodes),
        "form": state,
        "reply_to": _find(nodes, reply_to),
    }


def own_pending(request) -> list[int]:
    """The ids of the comments this browser sent that still wait."""
    value = request.get_signed_cookie(OWN_COOKIE, default="", salt=OWN_SALT)
    return [int(pk) for pk in value.split(",") if pk.isdigit()]


def remember_own(request, response, comment) -> None:
    kept = [*own_pending(request), comment.pk][-OWN_KEPT:]
    response.set_signed_cookie(
        OWN_COOKIE,
        ",".join(map(str, kept)),
        salt=OWN_SALT,
        max_age=OWN_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


@dataclass
class FormState:
    """What the comment form shows: each input's value and, after a failed
    post, the errors (`top` for those not tied to a visible input).

    The blank form is on every article page, so it is built from the
    remember-me cookies directly, without a CommentForm (whose fields are
    deep-copied for every instance).
    """

    values: dict
    errors: dict = field(default_factory=dict)
    top: list = field(default_factory=list)

    @classmethod
    def blank(cls, request) -> "FormState":
        return cls(
            values={
                "name": request.COOKIES.get(REMEMBER_COOKIES["name"], ""),
                "email": request.COOKIES.get(REMEMBER_COOKIES["email"], ""),
                "body": "",
                "parent": None,
                "started": issue_start(request),
                "remember": False,
            }
        )

    @classmethod
    def of(cls, form: CommentForm, request) -> "FormState":
        values = {name: form[name].value() for name in FORM_INPUTS}
        values["started"] = still_usable(values["started"], request)
        errors = {name: list(messages) for name, messages in form.errors.items()}
        top = [*form.non_field_errors()]
        for hidden in form.hidden_fields():
            top += hidden.errors
        return cls(values=values, errors=errors, top=top)


def render_list(article, nodes=None) -> SafeString:
    depends_on(f"story-comments:{article.pk}")
    if nodes is None:
        nodes = visible_tree(article)
    html = render_to_string(
        "includes/comment_list.html", {"nodes": nodes, "article": article}
    )
    return mark_safe(html)  # noqa: S308 - rendered by an autoescaping template


def _find(nodes, comment_id) -> Node | None:
    """The comment a reader is replying to, if it may still be replied to."""
    try:
        wanted = int(comment_id)
    except (TypeError, ValueError):
        return None
    for node in nodes:
        if node.comment.pk == wanted:
            return node if node.can_reply else None
        found = _find(node.replies, wanted)
        if found:
            return found
    return None


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


# One linker for the process: building bleach's HTML parser is the costly part.
_linker = Linker(callbacks=[_nofollow], parse_email=False)


@lru_cache(maxsize=4096)
def render_body(text: str) -> SafeString:
    """Plain text to HTML: escaped, paragraphs and line breaks kept, URLs linked."""
    paragraphs = [
        p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()
    ]
    html = "".join(
        "<p>{}</p>".format(_linker.linkify(escape(p)).replace("\n", "<br>"))
        for p in paragraphs
    )
    return mark_safe(html)  # noqa: S308 - built from escaped text above
