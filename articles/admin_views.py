"""The story admin's own pages: workflow moves, corrections, preview links,
revisions and the change waiting for review.

Each page checks who may act, calls the model method or articles/revisions.py
that makes the change, and says what happened; a refusal from the model
(ValidationError, PermissionDenied) becomes an error message and changes
nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles import preview, revisions, workflow
from articles.forms import CorrectionForm, PendingDecisionForm, TransitionForm
from articles.models import Revision
from articles.workflow import Status

KEPT_FOR_REVIEW = _(
    "Your change is saved and waits for an editor's review. Readers keep "
    "seeing the live version until an editor publishes it."
)


def refusal(error) -> str:
    """What a model's ValidationError or PermissionDenied tells the user."""
    return (
        " ".join(getattr(error, "messages", []))
        or str(error)
        or _("You may not do that.")
    )


def attempt(request, change) -> bool:
    """Make `change()`; if the model refuses, say why. True if it was made."""
    try:
        change()
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, refusal(error))
        return False
    return True


class ArticleAdminViews:
    """The pages ArticleAdmin adds under /admin/articles/article/<pk>/."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/transition/",
                wrap(self.transition_view),
                name="articles_article_transition",
            ),
            path(
                "<int:pk>/correct/",
                wrap(self.correct_view),
                name="articles_article_correct",
            ),
            path(
                "<int:pk>/preview-link/",
                wrap(self.preview_link_view),
                name="articles_article_preview_link",
            ),
            path(
                "<int:pk>/revoke-preview-links/",
                wrap(self.revoke_preview_links_view),
                name="articles_article_revoke_preview_links",
            ),
            path(
                "<int:pk>/revisions/",
                wrap(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<int:pk>/pending/",
                wrap(self.pending_view),
                name="articles_article_pending",
            ),
            path(
                "<int:pk>/revisions/<int:revision_id>/restore/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
        ] + super().get_urls()

    def _editable(self, request, pk):
        article = self.get_queryset(request).filter(pk=pk).first()
        if article is None:
            raise Http404
        if not article.can_be_edited_by(request.user):
            raise PermissionDenied
        return article

    def _back(self, article):
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    @method_decorator(require_POST)
    def transition_view(self, request, pk):
        article = self._editable(request, pk)
        form = TransitionForm(request.POST, targets=[s.value for s in Status])
        if not form.is_valid():
            messages.error(
                request, _("That request was not understood; nothing changed.")
            )
            return self._back(article)
        data = form.cleaned_data
        if attempt(
            request,
            lambda: article.transition(
                data["to"], by=request.user, note=data["note"], at=data["publish_at"]
            ),
        ):
            messages.success(
                request,
                _("“%(story)s” is now %(status)s.")
                % {
                    "story": article,
                    "status": workflow.label(article.status)
                    if not article.is_scheduled()
                    else _("scheduled"),
                },
            )
        return self._back(article)

    @method_decorator(require_POST)
    def correct_view(self, request, pk):
        article = self._editable(request, pk)
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("A correction needs a kind and a note."))
            return self._back(article)
        if attempt(
            request,
            lambda: article.add_correction(by=request.user, **form.cleaned_data),
        ):
            messages.success(request, _("The correction is published on the story."))
        return self._back(article)

    @method_decorator(require_POST)
    def preview_link_view(self, request, pk):
        article = self._editable(request, pk)
        if not request.user.has_perm(workflow.PUBLISH):
            raise PermissionDenied
        if not preview.may_be_previewed(article):
            messages.error(request, preview.WITHDRAWN_NOT_PREVIEWED)
            return self._back(article)
        days = round(settings.PREVIEW_LINK_MAX_AGE / 86400, 1)
        messages.success(
            request,
            format_html(
                _('Preview link, valid for {} days: <a href="{}">{}</a>'),
                days,
                preview.make_url(article),
                preview.make_url(article),
            ),
        )
        return self._back(article)

    @method_decorator(require_POST)
    def revoke_preview_links_view(self, request, pk):
        article = self._editable(request, pk)
        if not request.user.has_perm(workflow.PUBLISH):
            raise PermissionDenied
        preview.revoke(article, by=request.user)
        messages.success(request, preview.REVOKED)
        return self._back(article)

    def revisions_view(self, request, pk):
        article = self._editable(request, pk)
        history = list(article.revisions.saved().select_related("created_by"))
        by_id = {str(r.pk): r for r in history}
        old = by_id.get(request.GET.get("old")) or (
            history[1] if len(history) > 1 else None
        )
        new = by_id.get(request.GET.get("new")) or (history[0] if history else None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of “%s”") % article,
            "opts": self.model._meta,
            "original": article,
            "history": history,
            "old": old,
            "new": new,
            "diff": revisions.render_diff(revisions.diff(old.content, new.content))
            if old and new
            else "",
        }
        return TemplateResponse(
            request, "admin/articles/article/revisions.html", context
        )

    @method_decorator(require_POST)
    def restore_view(self, request, pk, revision_id):
        article = self._editable(request, pk)
        revision = get_object_or_404(
            Revision.objects.saved(), pk=revision_id, article=article
        )
        restored = revisions.restore(article, revision, by=request.user)
        if restored.state == Revision.State.PENDING:
            messages.success(request, KEPT_FOR_REVIEW)
        else:
            messages.success(
                request, _("The old revision is restored, and kept as a new one.")
            )
        return self._back(article)

    def pending_view(self, request, pk):
        """An editor reads the change waiting on a live story against the live
        text, and publishes it or discards it with a note."""
        article = self._editable(request, pk)
        if not request.user.has_perm(workflow.PUBLISH):
            raise PermissionDenied
        pending = article.revisions.waiting()
        if request.method == "POST":
            return self._decide_pending(request, article, pending)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change waiting on “%s”") % article,
            "opts": self.model._meta,
            "original": article,
            "pending": pending,
            "diff": revisions.render_diff(
                revisions.diff(revisions.snapshot(article), pending.content)
            )
            if pending
            else "",
            "live_changed_since": pending is not None
            and pending.base_version != article.version,
        }
        return TemplateResponse(request, "admin/articles/article/pending.html", context)

    def _decide_pending(self, request, article, pending):
        form = PendingDecisionForm(request.POST)
        if pending is None or not form.is_valid():
            messages.error(request, revisions.NOT_PENDING)
            return self._back(article)
        decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
        decide = (
            revisions.publish_pending
            if decision == "publish"
            else revisions.discard_pending
        )
        if not attempt(request, lambda: decide(pending, by=request.user, note=note)):
            return HttpResponseRedirect(
                reverse("admin:articles_article_pending", args=[article.pk])
            )
        if decision == "publish":
            messages.success(request, _("The change is live."))
        else:
            messages.success(
                request, _("The change is discarded; the writer sees why.")
            )
        return self._back(article)
