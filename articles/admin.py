"""Journalists' and editors' screens. Every state change calls a model method."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles import autosave, revisions, workflow
from articles.admin_desk import WritingDeskAdmin
from articles.admin_views import KEPT_FOR_REVIEW, ArticleAdminViews, refusal
from articles.desk_views import DeskViews
from articles.forms import (
    ArticleAdminForm,
    CorrectionForm,
)
from articles.models import (
    Article,
    Byline,
    Correction,
    Page,
    Revision,
    Section,
    Tag,
)
from articles.workflow import Status
from authors.models import Correspondent
from blocks.inlines import LabelledTabularInline
from library.widgets import ImagePicker

NOTHING_TO_REVIEW = _("Nothing changed, so there is nothing to review.")


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
                return queryset.written_by(request.user)
            case "review":
                return queryset.filter(
                    Q(status=Status.IN_REVIEW)
                    | Q(revisions__state=Revision.State.PENDING)
                ).distinct()
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
        return queryset


class CorrespondentFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [(c.pk, c.name) for c in Correspondent.objects.only("name")]


class BylineInline(LabelledTabularInline):
    model = Byline
    extra = 0
    min_num = 0
    autocomplete_fields = ["correspondent"]
    fields = ["correspondent", "position", "job_title"]
    readonly_fields = ["job_title"]
    verbose_name_plural = _("Bylines (first is the lead writer)")

    def get_extra(self, request, obj=None, **kwargs):
        # A row for the writer's own byline, filled in on a new story.
        own = getattr(request.user, "correspondent", None)
        return 1 if obj is None and own is not None else 0


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["created_at", "kind", "note", "created_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # added through the correction form, which checks the rules


@admin.register(Article)
class ArticleAdmin(DeskViews, WritingDeskAdmin, ArticleAdminViews, admin.ModelAdmin):
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
        "publish_at",
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
            {"fields": ["hero"]},
        ),
        (
            _("Publishing"),
            {
                "classes": ["collapse"],
                "fields": [
                    "status",
                    "publish_at",
                    "first_published_at",
                    "updated_at",
                    "word_count",
                    "reading_minutes",
                ],
            },
        ),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "hero":
            kwargs["widget"] = ImagePicker(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
            # Only editors choose which story leads the home page.
            fields += ["is_featured"]
        return fields

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and article.edits_need_review(request.user):
            article.pending_change = article.revisions.waiting()
        return article

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

    def save_model(self, request, obj, form, change):
        if change and obj.edits_need_review(request.user):
            return  # kept as a pending change once the bylines are cleaned too
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Saved (or kept for review): the writer's autosave has done its job.
        autosave.clear(form.instance if change else None, request.user)
        if change and form.instance.edits_need_review(request.user):
            content = revisions.content_of_change_form(form, formsets)
            request.pending_change = revisions.propose(
                form.instance, content, by=request.user
            )
            return
        super().save_related(request, form, formsets, change)
        article = form.instance
        own = getattr(request.user, "correspondent", None)
        if own and not article.bylines.exists():
            # A journalist's new story carries their byline, so they keep access.
            Byline.objects.create(article=article, correspondent=own)
        revisions.record(article, by=request.user)

    # The workflow panel and its views ---------------------------------------------

    def construct_change_message(self, request, form, formsets, add=False):
        if hasattr(request, "pending_change"):  # the formsets were not saved
            return "Kept a change to the live story for review."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not hasattr(request, "pending_change"):
            return super().response_change(request, obj)
        if request.pending_change is None:
            self.message_user(request, NOTHING_TO_REVIEW, messages.INFO)
        else:
            self.message_user(request, KEPT_FOR_REVIEW, messages.SUCCESS)
        return self._back(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if article is not None:
            extra_context.update(self.workflow_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, article):
        moves = workflow.allowed_moves(
            old=article.status,
            user=request.user,
            is_writer=lambda: article.is_written_by(request.user),
        )
        pending = article.revisions.waiting()
        return {
            "workflow_buttons": [(target, move.label) for target, move in moves],
            "pending_change": pending,
            "last_discarded": None
            if pending
            else revisions.last_turned_down(article, request.user),
            "can_schedule": request.user.has_perm(workflow.SCHEDULE),
            "can_correct": request.user.has_perm(workflow.CORRECT)
            and article.status == Status.PUBLISHED,
            "correction_form": CorrectionForm(),
            "events": article.events.select_related("actor")[:20],
            "sent_back": article.last_send_back()
            if article.status == Status.DRAFT
            else None,
            "publish_problems": article.publish_problems(),
            "revision_count": article.revisions.saved().count(),
            "newsroom_zone": timezone.get_current_timezone_name(),
        }

    # Bulk actions ---------------------------------------------------------------------

    @admin.action(description=_("Submit selected stories for review"))
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit")

    @admin.action(
        description=_("Publish selected stories now"), permissions=["publish"]
    )
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH)

    def _bulk(self, request, queryset, method):
        done = 0
        for article in queryset:  # one at a time, so checks and the audit log run
            try:
                getattr(article, method)(by=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                self.message_user(
                    request, f"{article}: {refusal(error)}", messages.ERROR
                )
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


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
