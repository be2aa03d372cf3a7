import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def stories(editor):
    world, business = SectionFactory(name="World"), SectionFactory(name="Business")
    ana = CorrespondentFactory(name="Ana Costa")
    live = ArticleFactory(
        published=True,
        headline="Live world story",
        section=world,
        bylines=[ana],
        hero_image=image_upload(1600, 900),
        hero_alt="Alt",
        tags=[TagFactory(name="Water")],
    )
    live.add_correction(by=editor, kind="correction", note="The river is 40 km long.")
    other = ArticleFactory(
        published=True, headline="Live business story", section=business
    )
    draft = ArticleFactory(headline="A draft", section=world, bylines=[ana])
    scheduled = ArticleFactory(
        headline="A scheduled one", scheduled=True, section=world, bylines=[ana]
    )
    return {
        "live": live,
        "other": other,
        "world": world,
        "ana": ana,
        "hidden": [draft, scheduled],
    }


def xml(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


def test_rss_holds_exactly_the_live_stories_with_full_details(stories):
    channel = xml("/feed/").find("channel")
    items = {item.findtext("title"): item for item in channel.findall("item")}

    assert set(items) == {"Live world story", "Live business story"}
    entry = items["Live world story"]
    assert entry.findtext("link").endswith(stories["live"].get_absolute_url())
    assert "Ana Costa" in (
        entry.findtext("{http://purl.org/dc/elements/1.1/}creator")
        or entry.findtext("author")
        or ""
    )
    assert entry.find("enclosure").get("type") == "image/jpeg"
    description = entry.findtext("description")
    assert (
        "Why this matters to readers" in description
        and "The river is 40 km long." in description
    )


def test_atom_feed_parses_and_matches(stories):
    feed = xml("/feed/atom/")

    titles = {entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")}
    assert titles == {"Live world story", "Live business story"}
    assert feed.find(f"{ATOM}entry/{ATOM}author/{ATOM}name") is not None


def test_section_and_correspondent_feeds_are_filtered(stories):
    section_titles = {
        i.findtext("title")
        for i in xml(f"/sections/{stories['world'].slug}/feed/").iter("item")
    }
    person_titles = {
        i.findtext("title")
        for i in xml(f"/correspondents/{stories['ana'].slug}/feed/").iter("item")
    }

    assert section_titles == {"Live world story"}
    assert person_titles == {"Live world story"}


def test_sitemap_index_covers_every_kind_of_page(stories):
    index = xml("/sitemap.xml")
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]

    kinds = {loc.rsplit("sitemap-", 1)[1].removesuffix(".xml") for loc in locations}
    assert kinds == {"articles", "news", "sections", "tags", "correspondents", "pages"}
    urls = set()
    for loc in locations:
        path = "/" + loc.split("/", 3)[3]
        urls |= {u.text for u in xml(path).iter(f"{SITEMAP}loc")}
    paths = {u.split("/", 3)[3] for u in urls}
    assert stories["live"].get_absolute_url().lstrip("/") in paths
    assert stories["world"].get_absolute_url().lstrip("/") in paths
    assert stories["ana"].get_absolute_url().lstrip("/") in paths
    assert "tags/water/" in paths
    for hidden in stories["hidden"]:
        assert hidden.get_absolute_url().lstrip("/") not in paths


def test_google_news_sitemap_lists_the_last_48_hours(stories):
    from datetime import timedelta

    from django.utils import timezone

    from articles.models import Article

    Article.objects.filter(pk=stories["other"].pk).update(
        publish_at=timezone.now() - timedelta(days=3)
    )
    news = xml("/sitemap-news.xml")

    titles = [n.text for n in news.iter(f"{NEWS}title")]
    assert titles == ["Live world story"]
    assert news.find(f".//{NEWS}publication_date") is not None


def test_robots_txt_points_at_the_sitemap(client, settings):
    body = client.get("/robots.txt").content.decode()

    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in body
    assert "Disallow: /admin/" in body
