"""The authors app's config: it tells the page cache when a profile changes."""

from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"
    verbose_name = "Correspondents"

    def ready(self):
        from authors import caching

        caching.connect()
