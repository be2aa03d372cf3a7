"""Sitemaps of everything public, with addresses from SITE_URL."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from articles.models import Article, Section, Tag
from authors.models import Correspondent


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL, never on the Host a request happened to send,
    since the page cache keeps one sitemap for everybody."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "daily"
    limit = 2000  # smaller files render fast; the index lists them all

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "updated_at")
            .order_by("-publish_at")
        )

    def lastmod(self, item):
        return item.updated_at


class NewsSitemap(SiteSitemap):
    """Google News: live stories from the last 48 hours."""

    limit = 1000

    def items(self):
        since = timezone.now() - timedelta(hours=48)
        return (
            Article.objects.published()
            .filter(publish_at__gte=since)
            .order_by("-publish_at")
        )

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()

    def lastmod(self, item):
        return item.updated_at


class TagSitemap(SiteSitemap):
    def items(self):
        # Only tags a reader can reach a story from.
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


class CorrespondentSitemap(SiteSitemap):
    def items(self):
        return Correspondent.objects.all()

    def lastmod(self, item):
        return item.updated_at
