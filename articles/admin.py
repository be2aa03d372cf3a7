"""Journalists' and editors' screens. Every state change calls a model method."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles import preview, revisions, workflow
from articles.forms import ArticleAdminForm, CorrectionForm, TransitionForm
from articles.models import Article, Byline, Correction, Revision, Section, Tag
from articles.workflow import Status
from authors.models import Correspondent

BUTTON_LABELS = {
    (Status.DRAFT, Status.IN_REVIEW): _("Submit for review"),
    (Status.IN_REVIEW, Status.DRAFT): _("Send back to the writer"),
    (Status.IN_REVIEW, Status.PUBLISHED): _("Publish"),
    (Status.DRAFT, Status.PUBLISHED): _("Publish without review"),
    (Status.PUBLISHED, Status.WITHDRAWN): _("Withdraw"),
    (Status.WITHDRAWN, Status.DRAFT): _("Return to draft"),
}


class QueueFilter(admin.SimpleListFilter):
    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("mine", _("My stories")),
            ("review", _("Waiting for review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Live now")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "mine":
                return queryset.filter(bylines__correspondent__user=request.user)
            case "review":
                return queryset.filter(status=Status.IN_REVIEW)
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
        return queryset


class CorrespondentFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [(c.pk, c.name) for c in Correspondent.objects.only("name")]


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 0
    autocomplete_fields = ["correspondent"]
    fields = ["correspondent", "position", "job_title"]
    readonly_fields = ["job_title"]
    verbose_name_plural = _("Bylines (first is the lead writer)")


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["created_at", "kind", "note", "created_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # added through the correction form, which checks the rules


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    list_display = [
        "headline",
        "status_label",
        "section",
        "byline_names",
        "publish_time",
        "is_live",
    ]
    list_filter = [
        QueueFilter,
        "status",
        "section",
        ("bylines__correspondent", CorrespondentFilter),
    ]
    list_select_related = ["section"]
    search_fields = ["headline", "dek", "slug", "bylines__correspondent__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["tags"]
    readonly_fields = [
        "status",
        "first_published_at",
        "updated_at",
        "word_count",
        "reading_minutes",
    ]
    inlines = [BylineInline, CorrectionInline]
    actions = ["submit_selected", "publish_selected"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "body", "base_version"]}),
        (
            _("Placement"),
            {"fields": ["section", "tags", "is_featured", "comments_open"]},
        ),
        (
            _("Hero image"),
            {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "first_published_at",
                    "updated_at",
                    "word_count",
                    "reading_minutes",
                ]
            },
        ),
    ]

    # Who sees what ------------------------------------------------------------

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "bylines", queryset=Byline.objects.select_related("correspondent")
                )
            )
        )
        return queryset.editable_by(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_be_edited_by(request.user))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(workflow.PUBLISH):
            # Only editors choose when a story goes out or leads the home page.
            fields += ["publish_at", "is_featured"]
        return fields

    # Columns --------------------------------------------------------------------

    @admin.display(description=_("Status"), ordering="status")
    def status_label(self, obj):
        label = obj.get_status_display()
        if obj.is_scheduled():
            label = _("Scheduled")
        return format_html(
            '<span class="status status-{}">{}</span>', obj.status, label
        )

    @admin.display(description=_("Bylines"))
    def byline_names(self, obj):
        return ", ".join(b.correspondent.name for b in obj.bylines.all())

    @admin.display(description=_("Publish time"), ordering="publish_at")
    def publish_time(self, obj):
        if obj.publish_at is None:
            return "—"
        return timezone.localtime(obj.publish_at).strftime("%d %b %Y, %H:%M %Z")

    @admin.display(boolean=True, description=_("Live"))
    def is_live(self, obj):
        return obj.is_published()

    # Saving ------------------------------------------------------------------------

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        own = getattr(request.user, "correspondent", None)
        if own and not article.bylines.exists():
            # A journalist's new story carries their byline, so they keep access.
            Byline.objects.create(article=article, correspondent=own)
        revisions.record(article, by=request.user)

    # The workflow panel and its views ---------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if article is not None:
            extra_context.update(self.workflow_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, article):
        targets = workflow.allowed_targets(old=article.status, user=request.user)
        return {
            "workflow_buttons": [
                (target, BUTTON_LABELS[(article.status, target)]) for target in targets
            ],
            "can_schedule": request.user.has_perm(workflow.SCHEDULE),
            "can_correct": request.user.has_perm(workflow.CORRECT)
            and article.status == Status.PUBLISHED,
            "correction_form": CorrectionForm(),
            "events": article.events.select_related("actor")[:20],
            "sent_back": article.last_send_back()
            if article.status == Status.DRAFT
            else None,
            "publish_problems": article.publish_problems(),
            "revision_count": article.revisions.count(),
            "newsroom_zone": timezone.get_current_timezone_name(),
        }

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

    def transition_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._editable(request, pk)
        form = TransitionForm(request.POST, targets=[s.value for s in Status])
        if not form.is_valid():
            messages.error(
                request, _("That request was not understood; nothing changed.")
            )
            return self._back(article)
        data = form.cleaned_data
        try:
            article.transition(
                data["to"], by=request.user, note=data["note"], at=data["publish_at"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You may not do that."))
        else:
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

    def correct_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._editable(request, pk)
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("A correction needs a kind and a note."))
            return self._back(article)
        try:
            article.add_correction(by=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            messages.error(
                request,
                " ".join(getattr(error, "messages", [str(error)]))
                or _("You may not do that."),
            )
        else:
            messages.success(request, _("The correction is published on the story."))
        return self._back(article)

    def preview_link_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
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

    def revoke_preview_links_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._editable(request, pk)
        if not request.user.has_perm(workflow.PUBLISH):
            raise PermissionDenied
        preview.revoke(article, by=request.user)
        messages.success(request, preview.REVOKED)
        return self._back(article)

    def revisions_view(self, request, pk):
        article = self._editable(request, pk)
        history = list(article.revisions.select_related("created_by"))
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

    def restore_view(self, request, pk, revision_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._editable(request, pk)
        revision = get_object_or_404(Revision, pk=revision_id, article=article)
        revisions.restore(article, revision, by=request.user)
        messages.success(
            request, _("The old revision is restored, and kept as a new one.")
        )
        return self._back(article)

    # Bulk actions ---------------------------------------------------------------------

    @admin.action(description=_("Submit selected stories for review"))
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, Status.IN_REVIEW)

    @admin.action(
        description=_("Publish selected stories now"), permissions=["publish"]
    )
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, Status.PUBLISHED)

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH)

    def _bulk(self, request, queryset, target):
        done = 0
        for article in queryset:  # one at a time, so checks and the audit log run
            try:
                article.transition(target, by=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                reason = (
                    " ".join(getattr(error, "messages", []))
                    or str(error)
                    or _("not allowed")
                )
                self.message_user(request, f"{article}: {reason}", messages.ERROR)
        if done:
            self.message_user(request, _("%d stories moved.") % done, messages.SUCCESS)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
