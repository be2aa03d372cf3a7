"""The story screen's autosave, restore, presence and takeover addresses.

A mixin for ArticleAdmin: the rules live in articles/autosave.py and
articles/presence.py; these views read the request, call them, and answer
JSON to the screen's script (autosave.js) or redirect a plain form back.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import autosave, presence

RESTORE = "autosave"  # ?restore=autosave fills the form from the autosave


class DeskViews:
    """Autosave and presence pages under /admin/articles/article/."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "autosave/", wrap(self.autosave_view), name="articles_article_autosave"
            ),
            path(
                "autosave/discard/",
                wrap(self.discard_autosave_view),
                name="articles_article_autosave_discard",
            ),
            path(
                "<int:pk>/autosave/",
                wrap(self.autosave_view),
                name="articles_article_autosave",
            ),
            path(
                "<int:pk>/autosave/discard/",
                wrap(self.discard_autosave_view),
                name="articles_article_autosave_discard",
            ),
            path(
                "<int:pk>/presence/",
                wrap(self.presence_view),
                name="articles_article_presence",
            ),
            path(
                "<int:pk>/presence/leave/",
                wrap(self.leave_view),
                name="articles_article_presence_leave",
            ),
            path(
                "<int:pk>/take-over/",
                wrap(self.take_over_view),
                name="articles_article_take_over",
            ),
        ] + super().get_urls()

    def _story(self, request, pk):
        """The story `pk` if `request.user` may see it in the admin, else 404."""
        if pk is None:
            return None
        article = self.get_queryset(request).filter(pk=pk).first()
        if article is None:
            raise Http404
        return article

    # Autosave ----------------------------------------------------------------------

    @method_decorator(require_POST)
    def autosave_view(self, request, pk=None):
        article = self._story(request, pk)
        try:
            kept = autosave.keep(article, request.user, request.POST)
        except PermissionDenied:
            return JsonResponse(
                {"error": _("You may not change this story.")}, status=403
            )
        except ValidationError as error:
            fields = error.message_dict if hasattr(error, "error_dict") else {}
            return JsonResponse(
                {"error": _("The draft copy was not understood."), "fields": fields},
                status=400,
            )
        if kept is None:
            return JsonResponse({"saved": False})
        return JsonResponse(
            {
                "saved": True,
                "saved_at": kept.saved_at.isoformat(),
                "time": timezone.localtime(kept.saved_at).strftime("%H:%M"),
            }
        )

    @method_decorator(require_POST)
    def discard_autosave_view(self, request, pk=None):
        article = self._story(request, pk)
        autosave.clear(article, request.user)
        messages.info(request, _("The unsaved text is discarded."))
        if article is None:
            return HttpResponseRedirect(reverse("admin:articles_article_add"))
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    # Presence ----------------------------------------------------------------------

    @method_decorator(require_POST)
    def presence_view(self, request, pk):
        article = self._story(request, pk)
        mine = presence.beat(article, request.user)
        taken = None
        if mine.taken_over_by_id:
            taken = {
                "by": presence.name_of(mine.taken_over_by),
                "at": timezone.localtime(mine.taken_over_at).strftime("%H:%M"),
            }
        return JsonResponse(
            {
                "others": [
                    presence.describe(p) for p in presence.others(article, request.user)
                ],
                "taken_over": taken,
            }
        )

    @method_decorator(require_POST)
    def leave_view(self, request, pk):
        article = self._story(request, pk)
        presence.leave(article, request.user)
        return HttpResponse(status=204)

    @method_decorator(require_POST)
    def take_over_view(self, request, pk):
        article = self._story(request, pk)
        taken = presence.take_over(article, by=request.user)
        names = ", ".join(presence.name_of(p.user) for p in taken)
        if names:
            messages.success(
                request,
                _(
                    "You have taken this story over from %(names)s. Their screen "
                    "says so at once; their unsaved text is kept for them."
                )
                % {"names": names},
            )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    # The story screen ------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        article = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and (
            article is None or not self.has_change_permission(request, article)
        ):
            return super().changeform_view(request, object_id, form_url, extra_context)
        extra_context["desk"] = self.desk_context(request, article)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def desk_context(self, request, article):
        """What the screen's desk block shows: the restore offer, who else has
        the story open, and the addresses its script calls."""
        user = request.user
        pk_args = [article.pk] if article else []
        # Offered on opening the screen; a form sent back with errors holds
        # the writer's text already.
        offer = autosave.offer(article, user) if request.method == "GET" else None
        if request.method == "GET" and offer and request.GET.get("restore") == RESTORE:
            request.restoring_autosave = offer
        context = {
            "autosave_url": reverse("admin:articles_article_autosave", args=pk_args),
            "offer": offer,
            "restoring": getattr(request, "restoring_autosave", None) is not None,
            "discard_url": reverse(
                "admin:articles_article_autosave_discard", args=pk_args
            ),
            "heartbeat_seconds": presence.HEARTBEAT_SECONDS,
            "autosave_seconds": autosave.EVERY_SECONDS,
        }
        if article is None:
            return context
        if request.method == "GET":
            presence.arrive(article, user)
        context |= {
            "saved_since": offer is not None and autosave.saved_since(offer, article),
            "others": [presence.describe(p) for p in presence.others(article, user)],
            "presence_url": reverse("admin:articles_article_presence", args=pk_args),
            "leave_url": reverse("admin:articles_article_presence_leave", args=pk_args),
            "take_over_url": reverse("admin:articles_article_take_over", args=pk_args)
            if presence.may_take_over(article, user)
            else "",
        }
        return context

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        restoring = getattr(request, "restoring_autosave", None)
        if restoring is None:
            return form

        class RestoringForm(form):
            """The story form opened on the writer's unsaved text."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if not self.is_bound:
                    self.initial.update(autosave.form_initial(restoring))

        RestoringForm.__name__ = form.__name__
        return RestoringForm
