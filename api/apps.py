"""The api app: read-only content API, partner keys, webhooks."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API and webhooks"

    def ready(self):
        from api import events, schema  # noqa: F401 - registers the extension

        events.connect_signals()
