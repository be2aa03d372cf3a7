"""Site-wide views: standing pages, media, robots.txt and the load balancer's probes."""

import json
import logging
import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.cache import cache, caches
from django.db import InterfaceError, OperationalError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.static import serve as static_serve

from articles.models import Page
from blocks import ratelimit
from blocks.clients import client_ip
from pagecache.tags import depends_on

logger = logging.getLogger(__name__)


@require_GET
def page(request, slug):
    page = get_object_or_404(Page, slug=slug)
    depends_on(f"page:{page.pk}")
    return render(request, "page.html", {"page": page})


# Only what blocks/images.py writes; anything else in MEDIA_ROOT is not served.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


@require_GET
def media(request, path):
    """Uploaded images, when no web server or object store serves MEDIA_ROOT."""
    content_type = MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404("No such image.")
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type  # never a type a browser would execute
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=31536000, immutable"  # random names
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def healthz(request):
    """The process is up and answering."""
    return JsonResponse({"status": "ok"})


@require_GET
def readyz(request):
    """Ready for traffic while the database and the counter store answer. A
    page cache that cannot take more (full, or down) only makes pages slower:
    it is reported as degraded, and the node stays in the pool."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - any failure means not ready
        checks["database"] = f"error: {type(error).__name__}"
    checks["counters"] = _round_trip(caches[settings.COUNTER_CACHE])
    page_cache = _round_trip(cache)
    checks["page_cache"] = "ok" if page_cache == "ok" else f"degraded: {page_cache}"
    ready = checks["database"] == "ok" and checks["counters"] == "ok"
    return JsonResponse(checks, status=200 if ready else 503)


def _round_trip(store) -> str:
    try:
        store.set("readyz", "1", 5)
        return "ok" if store.get("readyz") == "1" else "error: no round trip"
    except Exception as error:  # noqa: BLE001 - whatever the store raises
        return f"error: {type(error).__name__}"


# What each sitemap lists (with when each item changed), as page-cache tags.
SITEMAPS_SHOW = {
    "articles": ("live-list",),
    "news": ("live-list",),
    "sections": ("masthead",),
    "tags": ("live-list", "tag:*"),
    "correspondents": ("correspondent:*",),
    "pages": ("page:*",),
}


@x_robots_tag
def sitemap_index(request, sitemaps):
    """The sitemap index. Django's own builds its addresses from the request's
    Host; these come from SITE_URL, like every sitemap's (SiteSitemap)."""
    for section in sitemaps:
        depends_on(*SITEMAPS_SHOW.get(section, ("all",)))
    items, lastmods = [], []
    for section, sitemap_class in sitemaps.items():
        sitemap = sitemap_class()
        url = settings.SITE_URL + reverse("sitemap-section", args=[section])
        lastmod = sitemap.get_latest_lastmod()
        lastmods.append(lastmod)
        items.append(SitemapIndexItem(url, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{url}?p={page}", lastmod))
    headers = None
    if lastmods and None not in lastmods:
        headers = {"Last-Modified": http_date(max(lastmods).timestamp())}
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
        headers=headers,
    )


def sitemap_section(request, sitemaps, section):
    """One sitemap of the index; the news one in Google News's own format."""
    template = "sitemaps/news.xml" if section == "news" else "sitemap.xml"
    depends_on(*SITEMAPS_SHOW.get(section, ("all",)))
    return sitemap_views.sitemap(
        request, sitemaps, section=section, template_name=template
    )


DATABASE_ERRORS = (OperationalError, InterfaceError)


def server_error(request):
    """500, or 503 with Retry-After while the database is unreachable.

    Renders without touching the database, and never shows a traceback.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        logger.error("database unavailable", extra={"path": request.path})
        comment_lost = request.method == "POST" and request.path.endswith("/comments/")
        response = render(
            request, "503.html", {"comment_lost": comment_lost}, status=503
        )
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason=""):
    """A plain 403 that says what to do, instead of Django's developer page."""
    return render(request, "403_csrf.html", status=403)


CSP_REPORT_MAX_BYTES = 8 * 1024
CSP_REPORT_RATE = "20/m"
CSP_LOGGED_CHARS = 1000


@csrf_exempt
@require_POST
def csp_report(request):
    """Log Content Security Policy violations that browsers report: one JSON
    object of modest size, a few a minute per address, one short log line."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponseBadRequest()
    if length > CSP_REPORT_MAX_BYTES:
        return HttpResponseBadRequest()
    if not ratelimit.is_allowed(f"csp:{client_ip(request)}", CSP_REPORT_RATE):
        return HttpResponse(status=429)
    try:
        report = json.loads(request.read(CSP_REPORT_MAX_BYTES + 1))
    except (ValueError, RecursionError):
        return HttpResponseBadRequest()
    if not isinstance(report, dict):
        return HttpResponseBadRequest()
    violation = report.get("csp-report", report)
    # json.dumps escapes newlines, so a report is one line however it is built.
    logger.warning(
        "csp violation",
        extra={"csp_report": json.dumps(violation, default=str)[:CSP_LOGGED_CHARS]},
    )
    return HttpResponse(status=204)
