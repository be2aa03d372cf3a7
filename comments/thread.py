"""The public thread: which comments readers see, as a tree, and the comment form."""

from dataclasses import dataclass, field
from typing import ClassVar

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from blocks.prepared import Prepared
from comments import forms
from comments.forms import CommentForm, issue_start, still_usable
from comments.models import Comment, Node, threaded
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
# What the public thread shows of a comment (body: if its HTML is out of date).
LIST_FIELDS = (
    "id",
    "parent_id",
    "name",
    "body",
    "body_html",
    "body_format",
    "status",
    "created_at",
)


def visible_tree(article, own_pending_ids=()) -> list[Node]:
    """What readers see under `article` (Comment.objects.visible()), plus
    this browser's own pending comments, threaded: one query, whose SQL is
    built once per connection when the reader has none pending."""
    if own_pending_ids:
        comments = (
            Comment.objects.filter(article=article)
            .visible(own_pending_ids)
            .only(*LIST_FIELDS)
        )
    else:
        comments = VISIBLE(pk=article.pk)
    return threaded(comments)


def _visible(pk):
    return Comment.objects.filter(article_id=pk).visible().only(*LIST_FIELDS)


VISIBLE = Prepared(_visible, pk=int)


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
    """What CommentForm shows on the page: each input's value and, after a
    failed post, the errors (`top` for those not tied to a visible input).
    The inputs themselves are the form's fields (comments/forms.py).

    The blank form is on every article page, so it is built from the
    remember-me cookies directly, without a CommentForm (whose fields are
    deep-copied for every instance).
    """

    typed: ClassVar = forms.TYPED
    honeypot: ClassVar = forms.HONEYPOT
    remember: ClassVar = forms.REMEMBER

    values: dict
    errors: dict = field(default_factory=dict)
    top: list = field(default_factory=list)

    @classmethod
    def blank(cls, request) -> "FormState":
        values = dict.fromkeys(CommentForm.base_fields, "")
        for name, cookie in REMEMBER_COOKIES.items():
            values[name] = request.COOKIES.get(cookie, "")
        values.update(parent=None, remember=False, started=issue_start(request))
        return cls(values=values)

    @classmethod
    def of(cls, form: CommentForm, request) -> "FormState":
        values = {name: form[name].value() for name in form.fields}
        values[cls.honeypot.name] = ""  # never shown again, whatever was sent
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
