"""Public pages that list or show stories. Views only read."""

from http import HTTPStatus

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from articles import page_parts, preview, search, structured_data
from articles.models import Article, Correction, Section, Tag
from articles.navigation import NAV_PART, section_links
from authors.models import Correspondent
from blocks import ratelimit
from blocks.clients import client_ip
from blocks.markup import json_ld
from pagecache.parts import Parts
from pagecache.tags import depends_on

HOME_LATEST = 8
HOME_PER_SECTION = 4
HOME_CANDIDATES = 400


class PublishedMixin:
    """Every reader-facing list starts from what is live now."""

    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_cards()


class HomeView(PublishedMixin, TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        depends_on("live-list")
        live = self.get_queryset()
        latest = list(live[: HOME_LATEST + 1])
        lead = next((a for a in latest if a.is_featured), latest[0] if latest else None)
        # Rows come from the newest stories only, so the window function
        # ranks a few hundred rows, not the whole archive.
        recent = live.order_by("-publish_at").values_list("pk", flat=True)[
            :HOME_CANDIDATES
        ]
        ranked = (
            live.filter(pk__in=recent)
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("section_id")],
                    order_by=F("publish_at").desc(),
                )
            )
            .filter(rank__lte=HOME_PER_SECTION, section__isnull=False)
        )
        rows = {}
        for article in ranked:
            rows.setdefault(article.section, []).append(article)
        return super().get_context_data(
            lead=lead,
            latest=[a for a in latest if a != lead][:HOME_LATEST],
            section_rows=sorted(
                rows.items(), key=lambda row: (row[0].position, row[0].name)
            ),
            **kwargs,
        )


class SectionView(PublishedMixin, ListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        depends_on(f"section:{self.section.pk}")  # its words and its stories
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(PublishedMixin, ListView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        depends_on(f"tag:{self.tag.pk}")
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class CorrespondentView(PublishedMixin, ListView):
    template_name = "authors/correspondent_detail.html"

    def get_queryset(self):
        self.correspondent = get_object_or_404(
            Correspondent.objects.prefetch_related("links", "outlets"),
            slug=self.kwargs["slug"],
        )
        pk = self.correspondent.pk
        depends_on(f"correspondent:{pk}", f"correspondent-stories:{pk}")
        return super().get_queryset().filter(bylines__correspondent=self.correspondent)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            correspondent=self.correspondent,
            structured_data=structured_data.profile(self.correspondent),
            **kwargs,
        )


class CorrespondentListView(ListView):
    template_name = "authors/correspondent_list.html"

    def get_queryset(self):
        depends_on("correspondent:*")
        return Correspondent.objects.all()


class CorrectionListView(ListView):
    template_name = "articles/corrections.html"
    paginate_by = 30

    def get_queryset(self):
        depends_on("live-list")  # every change to a live story purges it
        live = Article.objects.published().values("pk")
        return (
            Correction.objects.filter(article__in=live)
            .select_related("article")
            .order_by("-created_at")
        )


class SearchView(PublishedMixin, ListView):
    template_name = "articles/search.html"

    def get(self, request, *args, **kwargs):
        self.form = search.SearchForm(request.GET)
        if not self.form.is_valid():
            response = super().get(request, *args, **kwargs)
            response.status_code = HTTPStatus.BAD_REQUEST
            return response
        # The page cache answers repeated searches; each new one costs a query.
        searching = bool(self.form.cleaned_data["q"])
        if searching and not ratelimit.is_allowed(
            f"search:{client_ip(request)}", settings.SEARCH_RATE_LIMIT
        ):
            self.form.add_error(None, search.TOO_MANY_SEARCHES)
            response = super().get(request, *args, **kwargs)
            response.status_code = HTTPStatus.TOO_MANY_REQUESTS
            return response
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        depends_on("live-list")
        if not self.form.is_valid() or not self.form.cleaned_data["q"]:
            return Article.objects.none()
        return search.run(super().get_queryset(), **self.form.cleaned_data)

    def get_context_data(self, **kwargs):
        query = self.form.cleaned_data.get("q", "") if self.form.is_valid() else ""
        other_params = self.request.GET.copy()
        other_params.pop("page", None)
        return super().get_context_data(
            form=self.form, query=query, query_prefix=other_params.urlencode(), **kwargs
        )


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    comment_form = None  # a submitted form to show again, with its errors

    def get_object(self, queryset=None):
        try:
            article = Article.objects.get_for_page(self.kwargs["slug"])
        except Article.DoesNotExist:
            raise Http404("No article found matching the query") from None
        self.is_preview = not article.is_published()
        if self.is_preview and not article.can_be_edited_by(self.request.user):
            raise Http404("No article found matching the query")
        return article

    def get_context_data(self, **kwargs):
        article = self.object
        # The parts come back from the cache in one round trip. The approved
        # comments (rendered by the comments app, through the template) show
        # reply links only while the story takes comments, hence the flag.
        depends_on(f"story:{article.pk}", f"story-comments:{article.pk}")
        parts = Parts(
            {
                "story": f"story:{article.pk}:{article.version}",
                "comments": f"comments:{article.pk}:{int(article.accepts_comments())}",
                "nav": NAV_PART,
            },
            enabled=not self.is_preview,
        )
        return super().get_context_data(
            is_preview=self.is_preview,
            story=parts.get("story", lambda: render_story(article)),
            nav=parts.get("nav", section_links),
            parts=parts,
            comment_form=self.comment_form,
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            add_never_cache_headers(response)
        return response


def render_story(article) -> dict:
    """The story as readers see it, bylines, bios and related stories
    included, and its part of <head> (social cards and JSON-LD): the same for
    every reader, so kept as a part."""
    depends_on(f"story:{article.pk}", f"related:{article.pk}")
    page_parts.load(article)
    context = {
        "article": article,
        "bylines": article.bylines.all(),
        "tags": article.tags.all(),
        "corrections": article.corrections.all(),
        "related": article.related(),
    }
    head = {
        "article": article,
        "card": structured_data.share_card(article),
        "json_ld": json_ld(structured_data.news_article(article)),
    }
    # Both templates autoescape; the parts are inserted as they are.
    return {
        "html": mark_safe(render_to_string("articles/_story.html", context)),  # noqa: S308
        "head": mark_safe(render_to_string("articles/_story_head.html", head)),  # noqa: S308
    }


class SharedPreviewView(ArticleDetailView):
    """A draft for an outside reviewer, through a signed, expiring link."""

    queryset = Article.objects.select_related("section")

    def get_object(self, queryset=None):
        article = preview.find(self.kwargs["token"], self.get_queryset())
        if article is None:
            raise Http404("This preview link is invalid, expired or revoked.")
        self.is_preview = not article.is_published()
        return article

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
