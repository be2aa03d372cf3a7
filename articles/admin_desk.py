"""The writing desk in the story admin: the checklist beside the form, the
writer's byline on a new story, the share-card preview and the review queue's
columns (who sent each story in, when, how long it has waited)."""

from dataclasses import replace

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles import checklist, queue, structured_data
from articles.models import Byline

# What the queue says a story still misses, item by item, in a word or two.
MISSING = {
    "headline": _("headline length"),
    "standfirst": _("standfirst"),
    "section": _("section"),
    "byline": _("byline"),
    "hero_alt": _("alt text"),
    "hero_width": _("hero width"),
}
QUEUE_COLUMNS = [
    "headline",
    "submitted_by",
    "waited",
    "section",
    "checklist_state",
    "status_label",
]


class WritingDeskAdmin:
    """Mixed into ArticleAdmin, before admin.ModelAdmin."""

    # The screen ---------------------------------------------------------------

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        article = context["adminform"].form.instance  # as posted, on an error
        items = checklist.for_article(article)
        if article.pk is None and getattr(request.user, "correspondent", None):
            # The writer's own byline is filled in below (and added on save).
            items = [
                replace(item, ok=True, problem="") if item.key == "byline" else item
                for item in items
            ]
        context.update(
            {
                "checklist_items": items,
                "checklist_done": sum(item.ok for item in items),
                "checklist_ready": all(item.ok for item in items),
                "share_card": _share_card(article) if article.pk else None,
                "site_domain": settings.SITE_URL.split("://", 1)[-1],
                "desk_data": {
                    **checklist.limits(),
                    "wordsPerMinute": settings.READING_WORDS_PER_MINUTE,
                    "hero": article.hero.picker_facts() if article.hero_id else None,
                },
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        own = getattr(request.user, "correspondent", None)
        if obj.pk is None and own is not None and inline.model is Byline:
            kwargs.setdefault("initial", [{"correspondent": own.pk, "position": 0}])
        return kwargs

    # The review queue ------------------------------------------------------------

    def get_queryset(self, request):
        match = request.resolver_match
        if not (match and match.url_name == "articles_article_changelist"):
            return super().get_queryset(request)
        # As ModelAdmin's, annotated first: the queue is ordered by the wait.
        queryset = queue.with_submission(self.model._default_manager.get_queryset())
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_list_display(self, request):
        if _in_queue(request):
            return QUEUE_COLUMNS
        return super().get_list_display(request)

    def get_ordering(self, request):
        if _in_queue(request):
            return ["waiting_since", "pk"]  # the longest wait first
        return super().get_ordering(request)

    @admin.display(description=_("Sent in"))
    def submitted_by(self, obj):
        who, since = queue.waiting(obj)
        if since is None:
            return who or "—"
        return format_html(
            '<span class="desk-who">{}</span><br><span class="desk-when">{}</span>',
            who or _("someone"),
            timezone.localtime(since).strftime("%-d %b, %H:%M"),
        )

    @admin.display(description=_("Waiting"))
    def waited(self, obj):
        _who, since = queue.waiting(obj)
        if since is None:
            return "—"
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            since.isoformat(),
            timezone.localtime(since).strftime("%d %b %Y, %H:%M %Z"),
            queue.waited(since),
        )

    @admin.display(description=_("Checklist"))
    def checklist_state(self, obj):
        items = checklist.for_article(obj)
        failing = [item for item in items if not item.ok]
        score = f"{len(items) - len(failing)}/{len(items)}"
        if not failing:
            return format_html(
                '<span class="desk-score desk-score--ready">✓ {} {}</span>',
                score,
                _("ready"),
            )
        return format_html(
            '<span class="desk-score">{}</span> '
            '<span class="desk-missing">{} {}</span>',
            score,
            _("Missing:"),
            ", ".join(str(MISSING[item.key]) for item in failing),
        )


def _share_card(article) -> dict:
    """The story's share card; its picture from this site's own address, as
    the admin's Content Security Policy allows."""
    card = structured_data.share_card(article)
    card["preview_image"] = article.hero_image.url if article.hero_image else ""
    return card


def _in_queue(request) -> bool:
    return request.GET.get("queue") == "review"
