from http import HTTPStatus

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import ArticleDetailView
from comments import spam
from comments.forms import CommentForm

AWAITING_MODERATION = (
    "Thank you. Your comment is waiting for a moderator and will appear once approved."
)
CLOSED = "Comments are closed on this article."
SESSION_KEY = "my_pending_comments"


class ArticleWithCommentForm(ArticleDetailView):
    """The article page again, showing the submitted form with its errors."""

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


@require_POST
def post_comment(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    if not article.accepts_comments():
        messages.error(request, CLOSED)
        return _back_to_thread(article)
    form = CommentForm(request.POST)
    verdict = spam.assess(form, article=article, request=request)
    if verdict.refused:
        return _form_again(request, slug, form, status=verdict.status)
    comment = form.save(commit=False)
    comment.article = article
    comment.parent = verdict.parent
    comment.ip_hash = spam.ip_hash(request)
    comment.signals = verdict.signals
    comment.status = verdict.status_for_new_comment
    comment.save()
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), comment.pk][-50:]
    messages.success(request, AWAITING_MODERATION)
    return _back_to_thread(article)


def _back_to_thread(article):
    # 303: the browser follows with a GET, so a reload never posts twice.
    response = HttpResponseRedirect(article.get_absolute_url() + "#comments")
    response.status_code = HTTPStatus.SEE_OTHER
    return response


def _form_again(request, slug, form, *, status):
    view = ArticleWithCommentForm.as_view(extra_context={"comment_form": form})
    response = view(request, slug=slug)
    response.status_code = status
    return response
