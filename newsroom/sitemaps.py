"""The site's sitemaps: each app's, and the standing pages'."""

from articles.models import Page
from articles.sitemaps import (
    ArticleSitemap,
    CorrespondentSitemap,
    NewsSitemap,
    SectionSitemap,
    SiteSitemap,
    TagSitemap,
)


class PageSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Page.objects.all()

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "articles": ArticleSitemap,
    "news": NewsSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "correspondents": CorrespondentSitemap,
    "pages": PageSitemap,
}
