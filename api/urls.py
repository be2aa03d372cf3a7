"""The API's addresses, all under /api/v1/; anything else under /api/ is a JSON 404."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from api import errors, views

app_name = "api"
urlpatterns = [
    path("v1/stories/", views.StoryList.as_view(), name="stories"),
    path("v1/stories/<int:pk>/", views.StoryDetail.as_view(), name="story"),
    path("v1/sections/", views.SectionList.as_view(), name="sections"),
    path("v1/sections/<slug:slug>/", views.SectionDetail.as_view(), name="section"),
    path("v1/tags/", views.TagList.as_view(), name="tags"),
    path("v1/tags/<slug:slug>/", views.TagDetail.as_view(), name="tag"),
    path(
        "v1/correspondents/",
        views.CorrespondentList.as_view(),
        name="correspondents",
    ),
    path(
        "v1/correspondents/<slug:slug>/",
        views.CorrespondentDetail.as_view(),
        name="correspondent",
    ),
    path("v1/schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/docs.html"
        ),
        name="docs",
    ),
    re_path(r"^", errors.not_found),
]
