"""The project's app config: admin titles, sign-in throttle, page cache on migrate."""

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

        # The default store outlives every process (files beside the
        # database), so a database created, replaced or migrated since must
        # not be answered from pages of the one before; `make run`, `make
        # serve` and a deploy all migrate first.
        from django.db.models.signals import post_migrate

        from pagecache import tags

        post_migrate.connect(
            lambda **kwargs: tags.new_generation(),
            sender=self,
            weak=False,
            dispatch_uid="page-cache-migrate",
        )
