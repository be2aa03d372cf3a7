"""The comments app's config: it tells the page cache what moderation changes."""

from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"

    def ready(self):
        from comments import caching

        caching.connect()
