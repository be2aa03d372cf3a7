"""Readers' addresses for stories, sections, tags, search and feeds."""

from django.urls import path

from articles import feeds, views

app_name = "articles"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path(
        "correspondents/", views.CorrespondentListView.as_view(), name="correspondents"
    ),
    path(
        "correspondents/<slug:slug>/",
        views.CorrespondentView.as_view(),
        name="correspondent",
    ),
    path("search/", views.SearchView.as_view(), name="search"),
    path("preview/<str:token>/", views.SharedPreviewView.as_view(), name="preview"),
    path("feed/", feeds.LatestFeed(), name="feed"),
    path("feed/atom/", feeds.LatestAtomFeed(), name="feed_atom"),
    path("sections/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path(
        "correspondents/<slug:slug>/feed/",
        feeds.CorrespondentFeed(),
        name="correspondent_feed",
    ),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
]
