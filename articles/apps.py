"""The articles app's config: it tells the page cache what its changes purge."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import caching

        caching.connect()
