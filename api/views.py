"""The API's read-only endpoints: thin views over api/queries.py.

Each answer is built only on a cache miss (api/caching.py); keys and rate
limits are checked before, by DRF (api/access.py).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from api import caching, paging, queries
from api import serializers as s

NO_STORY = "No live story has this id."

ERROR = OpenApiResponse(s.ErrorSerializer, description="See the error's message.")
ERRORS = {
    304: OpenApiResponse(description="Not modified since If-None-Match's ETag."),
    401: OpenApiResponse(s.ErrorSerializer, description="The key is not valid."),
    404: ERROR,
    429: OpenApiResponse(
        s.ErrorSerializer, description="Rate limit reached; see Retry-After."
    ),
}
LIST_ERRORS = {**ERRORS, 400: ERROR}
PAGE_PARAMETERS = [
    OpenApiParameter(
        "cursor", str, description="From the previous page's “next” link."
    ),
    OpenApiParameter(
        "limit",
        int,
        description=f"Items per page, 1–{paging.MAX_LIMIT} "
        f"(default {paging.DEFAULT_LIMIT}).",
    ),
]
STORY_PARAMETERS = [
    OpenApiParameter("section", str, description="A section's slug."),
    OpenApiParameter("tag", str, description="A tag's slug."),
    OpenApiParameter("correspondent", str, description="A correspondent's slug."),
    OpenApiParameter(
        "updated_since",
        OpenApiTypes.DATETIME,
        description="Only stories changed at or after this time (ISO 8601).",
    ),
    OpenApiParameter("q", str, description="Words to search for, as on the site."),
    OpenApiParameter(
        "ordering",
        str,
        enum=list(queries.STORY_ORDERINGS),
        description="newest (default): newest first. updated: least recently "
        "changed first, for keeping a copy in step with updated_since.",
    ),
    *PAGE_PARAMETERS,
]

StoryPage = s.page_serializer("StoryPage", s.StorySerializer)
SectionPage = s.page_serializer("SectionPage", s.SectionSerializer)
TagPage = s.page_serializer("TagPage", s.TagSerializer)
CorrespondentPage = s.page_serializer("CorrespondentPage", s.CorrespondentSerializer)


def next_link(request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    # From SITE_URL, never the Host header: the answer is cached for all.
    return f"{settings.SITE_URL}{request.path}?{urlencode(sorted(params.items()))}"


def listing(request, rows, ordering, serializer, query) -> dict:
    items, cursor = paging.page(
        rows, ordering, cursor=query.get("cursor"), limit=query["limit"]
    )
    return {
        "results": serializer(items, many=True).data,
        "next": next_link(request, cursor),
    }


class StoryList(APIView):
    @extend_schema(
        operation_id="stories_list",
        summary="Live stories, newest first",
        parameters=STORY_PARAMETERS,
        responses={200: StoryPage, **LIST_ERRORS},
    )
    def get(self, request):
        def build():
            query = queries.parse(queries.StoryQuery, request.GET)
            rows, ordering = queries.stories(query)
            return listing(request, rows, ordering, s.StorySerializer, query)

        return caching.answer(request, build)


class StoryDetail(APIView):
    @extend_schema(
        operation_id="stories_retrieve",
        summary="One live story",
        responses={200: s.StorySerializer, **ERRORS},
    )
    def get(self, request, pk):
        def build():
            queries.parse(queries.NoQuery, request.GET)
            story = queries.story(pk)
            if story is None:
                raise NotFound(NO_STORY)
            return s.StorySerializer(story).data

        return caching.answer(request, build)


def list_view(name, rows, ordering, serializer, page, summary):
    class View(APIView):
        @extend_schema(
            operation_id=f"{name}_list",
            summary=summary,
            parameters=PAGE_PARAMETERS,
            responses={200: page, **LIST_ERRORS},
        )
        def get(self, request):
            def build():
                query = queries.parse(queries.PageQuery, request.GET)
                return listing(request, rows(), ordering, serializer, query)

            return caching.answer(request, build)

    View.__name__ = View.__qualname__ = f"{name.title()}List"
    return View


def detail_view(name, rows, serializer, summary):
    class View(APIView):
        @extend_schema(
            operation_id=f"{name}_retrieve",
            summary=summary,
            responses={200: serializer, **ERRORS},
        )
        def get(self, request, slug):
            def build():
                queries.parse(queries.NoQuery, request.GET)
                return serializer(get_object_or_404(rows(), slug=slug)).data

            return caching.answer(request, build)

    View.__name__ = View.__qualname__ = f"{name.title()}Detail"
    return View


SectionList = list_view(
    "sections",
    queries.sections,
    queries.SECTION_ORDER,
    s.SectionSerializer,
    SectionPage,
    "Sections, in navigation order",
)
SectionDetail = detail_view(
    "sections", queries.sections, s.SectionSerializer, "One section"
)
TagList = list_view(
    "tags",
    queries.tags,
    queries.BY_NAME,
    s.TagSerializer,
    TagPage,
    "Tags on live stories, by name",
)
TagDetail = detail_view("tags", queries.tags, s.TagSerializer, "One tag")
CorrespondentList = list_view(
    "correspondents",
    queries.correspondents,
    queries.BY_NAME,
    s.CorrespondentSerializer,
    CorrespondentPage,
    "Correspondents' public profiles, by name",
)
CorrespondentDetail = detail_view(
    "correspondents",
    queries.correspondents,
    s.CorrespondentSerializer,
    "One correspondent's public profile",
)
