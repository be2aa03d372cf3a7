"""Posting a comment: the form's one URL, and what the reader sees after."""

import logging
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from articles.models import Article
from articles.views import ArticleDetailView
from comments import notify, spam, thread
from comments.forms import CommentForm
from comments.models import Comment

logger = logging.getLogger(__name__)

AWAITING_MODERATION = (
    "Thank you. Your comment is waiting for a moderator and will appear once approved."
)
PUBLISHED_AT_ONCE = "Thank you. Your comment is published."
CLOSED = "Comments are closed on this article."
REMEMBER_SECONDS = 365 * 24 * 3600
# What each refusal answers: the story again, with the form and this status.
REFUSED = {
    spam.Reason.INVALID: HTTPStatus.BAD_REQUEST,
    spam.Reason.HONEYPOT: HTTPStatus.BAD_REQUEST,
    spam.Reason.EXPIRED: HTTPStatus.BAD_REQUEST,
    spam.Reason.TOO_FAST: HTTPStatus.BAD_REQUEST,
    spam.Reason.BAD_PARENT: HTTPStatus.BAD_REQUEST,
    spam.Reason.RATE_LIMITED: HTTPStatus.TOO_MANY_REQUESTS,
    spam.Reason.COUNTERS_DOWN: HTTPStatus.SERVICE_UNAVAILABLE,
    spam.Reason.DUPLICATE: HTTPStatus.CONFLICT,
}


class ArticleWithCommentForm(ArticleDetailView):
    """The article page again, showing the submitted form with its errors."""

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


@require_http_methods(["GET", "HEAD", "POST"])
def post_comment(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    if request.method != "POST":
        # The address a refused comment comes back at, reloaded or shared:
        # the story, at its comment form.
        return _back_to_thread(article, anchor="comment-form")
    if not article.accepts_comments():
        messages.error(request, CLOSED)
        return _back_to_thread(article)
    form = CommentForm(request.POST)
    verdict = spam.assess(form, article=article, request=request)
    if verdict.refused:
        return _form_again(request, slug, form, status=REFUSED[verdict.refused])
    data = form.cleaned_data
    comment, _created = Comment.objects.submit(
        key=verdict.key,
        article=article,
        parent=verdict.parent,
        name=data["name"],
        email=data["email"],
        body=data["body"],
        ip_hash=spam.ip_hash(request),
        signals=verdict.signals,
        status=verdict.status_for_new_comment,
    )
    # Stored: from here on nothing may turn the answer into an error.
    response = _back_to_thread(article)
    try:
        _after_storing(request, response, comment, form)
    except Exception:  # noqa: BLE001 - the comment is safe; say so regardless
        logger.exception("comment stored; follow-up work failed")
    return response


def _after_storing(request, response, comment, form):
    """Thank the reader, let them see their own pending comment, remember
    them if asked, and tell the moderators: nothing here can fail the post."""
    _remember(response, form)
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, PUBLISHED_AT_ONCE)
        return
    # Spam is kept for the moderator's review but looks the same to the sender.
    thread.remember_own(request, response, comment)
    messages.success(request, AWAITING_MODERATION)
    if comment.status == Comment.Status.PENDING:
        try:
            notify.maybe_notify()
        except DatabaseError:
            logger.warning("moderator notification postponed", exc_info=True)


def _remember(response, form):
    """Keep name and e-mail in this browser only if the reader asked for it."""
    if form.cleaned_data.get("remember"):
        for field, cookie in thread.REMEMBER_COOKIES.items():
            response.set_cookie(
                cookie,
                form.cleaned_data[field],
                max_age=REMEMBER_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
    else:
        for cookie in thread.REMEMBER_COOKIES.values():
            response.delete_cookie(cookie, samesite="Lax")


def _back_to_thread(article, anchor="comments"):
    # 303: the browser follows with a GET, so a reload never posts twice.
    response = HttpResponseRedirect(f"{article.get_absolute_url()}#{anchor}")
    response.status_code = HTTPStatus.SEE_OTHER
    return response


def _form_again(request, slug, form, *, status):
    """The story again, with the form and its errors: the form posts to its
    own anchor, so the browser shows it there, the summary taking focus."""
    view = ArticleWithCommentForm.as_view(comment_form=form)
    response = view(request, slug=slug)
    response.status_code = status
    return response
