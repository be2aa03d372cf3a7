"""RSS 2.0 and Atom feeds: everything live, per section and per correspondent."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article, Section
from authors.models import Correspondent
from pagecache.tags import depends_on

FEED_LENGTH = 30


class LatestFeed(Feed):
    description_template = "articles/feed_description.html"
    url_name = "articles:feed"

    def title(self, obj=None):
        return settings.SITE_NAME if obj is None else f"{obj} · {settings.SITE_NAME}"

    # Every address is absolute from SITE_URL, so Django never fills in the
    # request's Host: a cached feed must not carry whatever Host one client sent.
    def link(self, obj=None):
        return settings.SITE_URL + (obj.get_absolute_url() if obj is not None else "/")

    def feed_url(self, obj=None):
        kwargs = {"slug": obj.slug} if obj is not None else {}
        return settings.SITE_URL + reverse(self.url_name, kwargs=kwargs)

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def description(self, obj=None):
        return f"The latest stories from {self.title(obj)}."

    def items(self, obj=None):
        items = list(self.stories(obj)[:FEED_LENGTH])
        # Section names are the items' categories, hence the masthead.
        depends_on("masthead", *self.lists(obj), *(f"story:{a.pk}" for a in items))
        return items

    def lists(self, obj) -> tuple:
        """The tags of the list of stories this feed follows."""
        return ("live-list",)

    def stories(self, obj):
        return Article.objects.published().for_cards().prefetch_related("corrections")

    def item_title(self, item):
        return item.headline

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(byline.correspondent.name for byline in item.bylines.all())

    def item_author_link(self, item):
        bylines = item.bylines.all()
        if bylines:
            return settings.SITE_URL + bylines[0].correspondent.get_absolute_url()
        return None

    def item_categories(self, item):
        return [item.section.name] if item.section else []

    def item_enclosure_url(self, item):
        return settings.SITE_URL + item.hero_image.url if item.hero_image else None

    def item_enclosure_mime_type(self, item):
        return "image/jpeg" if item.hero_image else None

    def item_enclosure_length(self, item):
        # The RSS advisory board's advice when the size is not at hand: 0.
        # Asking the storage would cost a disk or S3 round trip per item.
        return 0 if item.hero_image else None


class LatestAtomFeed(LatestFeed):
    url_name = "articles:feed_atom"
    feed_type = Atom1Feed
    subtitle = LatestFeed.description


class SectionFeed(LatestFeed):
    url_name = "articles:section_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def stories(self, obj):
        return super().stories(obj).filter(section=obj)

    def lists(self, obj):
        return (f"section:{obj.pk}",)


class CorrespondentFeed(LatestFeed):
    url_name = "articles:correspondent_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Correspondent, slug=slug)

    def stories(self, obj):
        return super().stories(obj).filter(bylines__correspondent=obj)

    def lists(self, obj):
        return (f"correspondent:{obj.pk}", f"correspondent-stories:{obj.pk}")
