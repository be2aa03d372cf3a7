"""The moderation queue: pending first, bulk decisions, reasons in view."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from comments import privacy
from comments.models import BlockedTerm, Comment

MODERATE = "comments.moderate_comment"


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


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    change_form_template = "admin/comments/comment/change_form.html"
    list_display = [
        "status_label",
        "excerpt",
        "name",
        "commenter_email",
        "article_link",
        "created_at",
        "signal_list",
    ]
    list_display_links = ["excerpt"]
    list_filter = [
        "status",
        CommenterFilter,
        ("article", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["article"]
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
    readonly_fields = [
        "article",
        "parent",
        "name",
        "email",
        "body",
        "status",
        "created_at",
        "moderated_at",
        "moderated_by",
        "signal_list",
        "ip_hash",
    ]
    fields = readonly_fields

    def get_ordering(self, request):
        # Pending first, then newest: the queue is what a moderator opens to.
        waiting_last = Case(
            When(status=Comment.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [waiting_last.asc(), "-created_at"]

    def has_add_permission(self, request):
        return False  # readers write comments; staff reply through "approve and reply"

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    # Columns ------------------------------------------------------------------

    @admin.display(description=_("Status"), ordering="status")
    def status_label(self, obj):
        return format_html(
            '<span class="status status-comment-{}">{}</span>',
            obj.status,
            obj.get_status_display(),
        )

    @admin.display(description=_("Comment"))
    def excerpt(self, obj):
        return Truncator(obj.body).chars(120)

    @admin.display(description=_("E-mail"), ordering="email")
    def commenter_email(self, obj):
        url = reverse("admin:comments_comment_changelist") + "?commenter=" + obj.email
        return format_html('<a href="{}">{}</a>', url, obj.email)

    @admin.display(description=_("Article"), ordering="article__headline")
    def article_link(self, obj):
        url = (
            reverse("admin:comments_comment_changelist")
            + f"?article__id__exact={obj.article_id}"
        )
        return format_html(
            '<a href="{}">{}</a>', url, Truncator(obj.article.headline).chars(60)
        )

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

    # Change page: one comment's decision buttons and approve-and-reply ---------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/decide/",
                wrap(self.decide_view),
                name="comments_comment_decide",
            ),
            path(
                "<int:pk>/reply/", wrap(self.reply_view), name="comments_comment_reply"
            ),
        ] + super().get_urls()

    def decide_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm(MODERATE):
            raise PermissionDenied
        comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
        method = {"approve": "approve", "reject": "reject", "spam": "mark_spam"}.get(
            request.POST.get("decision")
        )
        if method is None:
            messages.error(request, _("Choose approve, reject or spam."))
        else:
            getattr(comment, method)(by=request.user)
            messages.success(
                request,
                _("The comment is now %s.") % comment.get_status_display().lower(),
            )
        return HttpResponseRedirect(reverse("admin:comments_comment_changelist"))

    def reply_view(self, request, pk):
        if not request.user.has_perm(MODERATE):
            raise PermissionDenied
        comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if comment.status != Comment.Status.APPROVED:
                comment.approve(by=request.user)
            reply = Comment.objects.create(
                article=comment.article,
                parent=comment,
                body=form.cleaned_data["body"],
                name=self._staff_name(request.user),
                email=request.user.email or "newsroom@localhost",
                status=Comment.Status.PENDING,
                created_at=timezone.now(),
            )
            reply.approve(by=request.user)
            messages.success(request, _("Approved, and your reply is published."))
            return HttpResponseRedirect(reverse("admin:comments_comment_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Approve and reply"),
            "opts": self.model._meta,
            "comment": comment,
            "form": form,
        }
        return TemplateResponse(request, "admin/comments/comment/reply.html", context)

    @staticmethod
    def _staff_name(user):
        person = getattr(user, "correspondent", None)
        if person:
            return f"{person.name} ({person.job_title or 'The Update Desk'})"
        return user.get_full_name() or f"{user.get_username()} (moderator)"


@admin.register(BlockedTerm)
class BlockedTermAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value"]
