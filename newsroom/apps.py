"""The project's app config: admin titles, sign-in throttle, page-cache signals."""

from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Site"

    def ready(self):
        from django.conf import settings
        from django.contrib import admin

        admin.site.site_header = f"{settings.SITE_NAME} newsroom"
        admin.site.site_title = f"{settings.SITE_NAME} newsroom"
        admin.site.index_title = "Today's work"
        admin.site.site_url = "/"

        from newsroom.auth import ThrottledAdminAuthenticationForm

        admin.site.login_form = ThrottledAdminAuthenticationForm

        from newsroom import cache

        cache.connect_signals()
