"""Every public and admin address, each app's under its own prefix."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from newsroom import views
from newsroom.admin import view_on_site
from newsroom.sitemaps import SITEMAPS

urlpatterns = [
    # Before the admin's own "view on site", which answers for any object.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("csp-report/", views.csp_report, name="csp-report"),
    path(
        "sitemap.xml",
        views.sitemap_index,
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        views.sitemap_section,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("api/", include("api.urls")),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("", include("wordpress.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(path(f"{media_prefix}<path:path>", views.media, name="media"))

handler500 = "newsroom.views.server_error"

# Last, so that it never shadows an app's address: /terms/, /privacy/, ...
urlpatterns.append(path("<slug:slug>/", views.page, name="page"))
