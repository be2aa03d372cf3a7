"""The moderation desk's own admin pages: one decision on one comment, and
approve-and-reply. Both then lead to the next comment waiting.

The decisions themselves are the comment's (`approve`, `reject`,
`mark_spam`); these views only take the request and say where to go next.
A decision posted by the queue's script gets JSON back; a plain form post
is redirected, so the queue works without JavaScript too. Both pages take
the list the moderator works as `?queue=<its query string>`.
"""

import copy
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import (
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from comments.models import MODERATE, Comment

DECISIONS = {"approve": "approve", "reject": "reject", "spam": "mark_spam"}
CHOOSE = "Choose approve, reject or spam."
DONE = "{status}: the comment by {name}."
QUEUE_CLEAR = "No more comments are waiting here."
REPLIED = "Approved, and your reply is published."


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        max_length=5000,
    )


def decide(model_admin, request, pk):
    """Approve, reject or mark one comment as spam; then the next one."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm(MODERATE):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    shown, query = queue(model_admin, request, request.GET.get("queue", ""))
    method = DECISIONS.get(request.POST.get("decision"))
    wants_json = "application/json" in request.headers.get("Accept", "")
    if method is None:
        if wants_json:
            return JsonResponse({"error": CHOOSE}, status=400)
        messages.error(request, CHOOSE)
        return HttpResponseRedirect(_list_url(query))
    getattr(comment, method)(by=request.user)
    done = DONE.format(status=comment.get_status_display(), name=comment.name)
    following = shown.next_pending(after=comment)
    if wants_json:
        return JsonResponse(
            {
                "status": comment.status,
                "label": comment.get_status_display(),
                "message": done,
                "next": following.pk if following else None,
                "waiting": Comment.objects.pending().count(),
                "story": comment.article_id,
                "waiting_on_story": Comment.objects.pending()
                .filter(article=comment.article_id)
                .count(),
            }
        )
    messages.success(request, done)
    return _onwards(request, query, following)


def reply(model_admin, request, pk):
    """Approve a comment and publish a staff reply under it."""
    if not request.user.has_perm(MODERATE):
        raise PermissionDenied
    comment = get_object_or_404(
        Comment.objects.select_related("article", "parent"), pk=pk
    )
    shown, query = queue(model_admin, request, request.GET.get("queue", ""))
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment.reply(by=request.user, body=form.cleaned_data["body"])
        messages.success(request, REPLIED)
        return _onwards(request, query, shown.next_pending(after=comment))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Approve and reply"),
        "subtitle": comment.name,
        "opts": Comment._meta,
        "comment": comment,
        "form": form,
        "list_url": _list_url(query),
    }
    return TemplateResponse(request, "admin/comments/comment/reply.html", context)


def queue(model_admin, request, query):
    """The comments the list the moderator is working shows (the queue with
    the filters and search in `query`, a query string), and that query; a
    query the list would refuse stands for the whole queue."""
    listing = copy.copy(request)
    listing.GET = QueryDict(query)
    try:
        return model_admin.get_changelist_instance(listing).queryset, query
    except (IncorrectLookupParameters, SuspiciousOperation):
        return Comment.objects.all(), ""


def waiting_url() -> str:
    """The moderation queue: the comments waiting for a decision."""
    return _list_url(urlencode({"status__exact": Comment.Status.PENDING}))


def _list_url(query: str) -> str:
    # Rebuilt from its parts, so the address can only ever be the queue's.
    params = QueryDict(query).urlencode()
    url = reverse("admin:comments_comment_changelist")
    return f"{url}?{params}" if params else url


def _onwards(request, query, following):
    """Back to the list at the next comment waiting, or to that comment's
    own page when the decision was made there."""
    if following is None:
        messages.info(request, QUEUE_CLEAR)
        return HttpResponseRedirect(_list_url(query))
    if request.POST.get("then") == "comment":
        url = reverse("admin:comments_comment_change", args=[following.pk])
        if query:
            # The admin's own way of keeping a list's filters on a change page.
            url += "?" + urlencode({"_changelist_filters": query})
        return HttpResponseRedirect(url)
    return HttpResponseRedirect(f"{_list_url(query)}#comment-{following.pk}")
