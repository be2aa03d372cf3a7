"""WordPress's old addresses, each answered with a redirect (see views.py).

Included before the catch-all page URL; the query-string ones (/?p=12) are
answered by middleware.py, since every query on "/" reaches the home page.
"""

from django.urls import path, re_path

from wordpress import views

app_name = "wordpress"
# Slugs are matched loosely: WordPress allows non-ASCII ones, percent-encoded.
urlpatterns = [
    re_path(
        r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[^/]+)/$",
        views.post,
        name="post_by_day",
    ),
    re_path(
        r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<slug>[^/]+)/$",
        views.post,
        name="post_by_month",
    ),
    re_path(
        r"^category/(?P<path>.+)/feed/$", views.category_feed, name="category_feed"
    ),
    re_path(r"^category/(?P<path>.+)/$", views.category, name="category"),
    path("tag/<str:slug>/feed/", views.tag_feed, name="tag_feed"),
    path("tag/<str:slug>/", views.tag, name="tag"),
    path("author/<str:slug>/feed/", views.author_feed, name="author_feed"),
    path("author/<str:slug>/", views.author, name="author"),
    path("comments/feed/", views.comments_feed, name="comments_feed"),
]
