"""The moderation queue: pending first, one click per decision, bulk too.

The decision and reply pages are in comments/admin_views.py; the rows are
rendered from comments/templates/admin/comments/comment/queue_*.html.
"""

import json
from functools import partial
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments import admin_views, privacy, spam
from comments.models import MODERATE, BlockedTerm, Comment


class CommenterFilter(admin.SimpleListFilter):
    """All comments from one e-mail address: ?commenter=reader@example.com."""

    title = _("commenter")
    parameter_name = "commenter"

    def lookups(self, request, model_admin):
        value = self.value()
        return [(value, value)] if value else []

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(email__iexact=self.value())
        return queryset


class StoryFilter(admin.SimpleListFilter):
    """The stories with comments waiting, and how many wait on each."""

    title = _("story (comments waiting)")
    parameter_name = "article__id__exact"

    def lookups(self, request, model_admin):
        rows = (
            Comment.objects.pending()
            .values_list("article", "article__headline")
            .annotate(waiting=Count("pk"))
            .order_by("-waiting", "article__headline")
        )
        choices = [(str(pk), _label(headline, n)) for pk, headline, n in rows]
        chosen = self.value()
        if chosen and chosen.isdigit() and chosen not in dict(choices):
            # Still listed once its last comment is decided.
            headline = Article.objects.filter(pk=chosen).values_list(
                "headline", flat=True
            )
            choices += [(chosen, _label(h, 0)) for h in headline]
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if not self.value().isdigit():
            raise IncorrectLookupParameters(f"No story has the id {self.value()!r}.")
        return queryset.filter(article_id=self.value())


def _label(headline, waiting):
    return f"{Truncator(headline).chars(60)} ({waiting})"


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    change_list_template = "admin/comments/comment/change_list.html"
    change_form_template = "admin/comments/comment/change_form.html"
    list_display = ["__str__"]  # the queue's own columns: get_list_display()
    list_display_links = None  # each row links to its comment's page itself
    list_filter = ["status", CommenterFilter, StoryFilter]
    list_select_related = ["article", "parent"]
    search_fields = ["name", "email", "body", "article__headline"]
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = [
        "approve_selected",
        "reject_selected",
        "spam_selected",
        "export_data",
        "erase_data",
    ]
    # No field here links to another admin page a moderator may not open
    # (a story's or a user's): the story shows as its public page instead.
    readonly_fields = [
        "story",
        "in_reply_to",
        "name",
        "email",
        "body",
        "status",
        "created_at",
        "moderated_at",
        "moderator",
        "signal_list",
        "ip_hash",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        waiting = (
            Comment.objects.pending()
            .filter(article=OuterRef("article"))
            .order_by()
            .values("article")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(waiting_on_story=Coalesce(Subquery(waiting), 0))
        )

    def get_ordering(self, request):
        # Pending first, then newest: the queue is what a moderator opens to.
        waiting_last = Case(
            When(status=Comment.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [waiting_last.asc(), "-created_at", "-pk"]

    def has_add_permission(self, request):
        return False  # readers write comments; staff reply through "approve and reply"

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    # The queue's rows ---------------------------------------------------------

    def get_list_display(self, request):
        """The columns, built for this request: each row's buttons and links
        carry the list's filters, so every decision returns to this list."""
        queue = request.GET.copy()
        queue.pop("p", None)  # after a decision the list is shorter
        query = queue.urlencode()
        can_moderate = request.user.has_perm(MODERATE)

        @admin.display(description=_("Comment"))
        def comment(obj):
            return self._render("queue_comment.html", obj, query, can_moderate)

        @admin.display(description=_("Story"))
        def story(obj):
            return self._render("queue_story.html", obj, query, can_moderate)

        return [comment, story]

    def changelist_view(self, request, extra_context=None):
        waiting = request.GET.get("status__exact") == Comment.Status.PENDING
        title = _("Comments waiting") if waiting else _("Comments")
        context = {
            "title": title,
            "subtitle": None,
            "can_moderate": request.user.has_perm(MODERATE),
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def _render(self, template, obj, query, can_moderate):
        on_queue = {"queue": query} if query else {}
        context = {
            "comment": obj,
            "is_approved": obj.status == Comment.Status.APPROVED,
            "can_moderate": can_moderate,
            "signals": [(spam.short_label(s), s) for s in obj.signals],
            "change_url": reverse("admin:comments_comment_change", args=[obj.pk]),
            "decide_url": _with(
                reverse("admin:comments_comment_decide", args=[obj.pk]), on_queue
            ),
            "reply_url": _with(
                reverse("admin:comments_comment_reply", args=[obj.pk]), on_queue
            ),
            "commenter_url": _with(self._list_url(), {"commenter": obj.email}),
            "story_url": _with(
                self._list_url(),
                {
                    "article__id__exact": obj.article_id,
                    "status__exact": Comment.Status.PENDING,
                },
            ),
            "public_url": public_url(obj),
        }
        return render_to_string(f"admin/comments/comment/{template}", context)

    @staticmethod
    def _list_url():
        return reverse("admin:comments_comment_changelist")

    # The comment's own page -----------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Every field is read-only: the decisions are the buttons at the top,
        # which post to their own views; a post here would change nothing.
        if request.method == "POST":
            raise PermissionDenied
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "can_moderate": request.user.has_perm(MODERATE),
            "queue": request.GET.get("_changelist_filters", ""),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("Story"))
    def story(self, obj):
        url = public_url(obj)
        headline = obj.article.headline
        if url is None:
            return format_html("{} ({})", headline, _("not live"))
        return format_html('<a href="{}">{}</a>', url, headline)

    @admin.display(description=_("In reply to"))
    def in_reply_to(self, obj):
        if obj.parent is None:
            return "—"
        url = reverse("admin:comments_comment_change", args=[obj.parent_id])
        return format_html('<a href="{}">{}</a>', url, obj.parent)

    @admin.display(description=_("Moderated by"))
    def moderator(self, obj):
        return obj.moderated_by.get_username() if obj.moderated_by else "—"

    @admin.display(description=_("Spam signals"))
    def signal_list(self, obj):
        if not obj.signals:
            return "—"
        return format_html(
            '<ul class="signals">{}</ul>',
            format_html_join("", "<li>{}</li>", ((s,) for s in obj.signals)),
        )

    # Decisions ---------------------------------------------------------------------

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE)

    @admin.action(description=_("Approve selected comments"), permissions=["moderate"])
    def approve_selected(self, request, queryset):
        self._decide(request, queryset, "approve", _("approved"))

    @admin.action(
        description=_("Reject selected comments (their replies are hidden too)"),
        permissions=["moderate"],
    )
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, "reject", _("rejected"))

    @admin.action(
        description=_("Mark selected comments as spam"), permissions=["moderate"]
    )
    def spam_selected(self, request, queryset):
        self._decide(request, queryset, "mark_spam", _("marked as spam"))

    def _decide(self, request, queryset, method, done):
        count = 0
        for comment in queryset.select_related("article"):  # one by one: counts and log
            getattr(comment, method)(by=request.user)
            count += 1
        self.message_user(
            request,
            _("%(count)d comment(s) %(done)s.") % {"count": count, "done": done},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Export everything stored for these commenters"),
        permissions=["moderate"],
    )
    def export_data(self, request, queryset):
        emails = sorted({c.email.lower() for c in queryset if c.email})
        payload = [privacy.export(email) for email in emails]
        response = HttpResponse(
            json.dumps(payload, indent=2, ensure_ascii=False),
            content_type="application/json",
        )
        response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
        return response

    @admin.action(
        description=_("Erase everything stored for these commenters"),
        permissions=["moderate"],
    )
    def erase_data(self, request, queryset):
        emails = sorted({c.email.lower() for c in queryset if c.email})
        erased = sum(privacy.erase(email) for email in emails)
        self.message_user(
            request,
            _("Erased %(people)d commenter(s) from %(count)d comment(s).")
            % {"people": len(emails), "count": erased},
            messages.SUCCESS,
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/decide/",
                wrap(partial(admin_views.decide, self)),
                name="comments_comment_decide",
            ),
            path(
                "<int:pk>/reply/",
                wrap(partial(admin_views.reply, self)),
                name="comments_comment_reply",
            ),
        ] + super().get_urls()


def public_url(comment) -> str | None:
    """Where the comment shows on the story's page (or would, once approved),
    while the story is live; a story that is not gives no address."""
    if not comment.article.is_published():
        return None
    if comment.status == Comment.Status.APPROVED:
        anchor = f"comment-{comment.pk}"
    elif comment.parent_id:
        anchor = f"comment-{comment.parent_id}"
    else:
        anchor = "comments"
    return f"{comment.article.get_absolute_url()}#{anchor}"


def _with(url, params):
    return f"{url}?{urlencode(params)}" if params else url


@admin.register(BlockedTerm)
class BlockedTermAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value"]
