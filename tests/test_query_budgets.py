"""Every public page costs a small, fixed number of queries, whatever the data."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from newsroom.context_processors import nav_sections
from pagecache import expiry as page_cache
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # measure the pages themselves


@pytest.fixture
def newsroom(editor):
    sections = [SectionFactory(name=f"Desk {n}") for n in range(4)]
    people = [CorrespondentFactory() for _ in range(3)]
    tags = [TagFactory() for _ in range(10)]
    for n in range(40):
        ArticleFactory(
            published=True,
            section=sections[n % 4],
            bylines=people[: 1 + n % 3],
            tags=tags[: 1 + n % 10],
            headline=f"Harbour story {n}",
        )
    article = ArticleFactory(
        published=True,
        section=sections[0],
        bylines=people,
        tags=tags,
        headline="Harbour main",
    )
    article.add_correction(by=editor, kind="update", note="Added the minister's reply.")
    for _ in range(100):
        parent = CommentFactory(article=article, approved=True)
        CommentFactory(article=article, approved=True, parent=parent)
    return {
        "article": article,
        "section": sections[0],
        "tag": tags[0],
        "person": people[0],
    }


@pytest.mark.parametrize(
    ("page", "budget"),
    [
        ("article", 7),  # the bio boxes list previous outlets: one query more
        ("home", 5),
        ("section", 4),
        ("tag", 4),
        ("person", 6),  # and the profile too
        ("search", 4),
        ("feed", 3),
        ("atom", 3),
        ("section_feed", 4),
        ("sitemap_articles", 2),
        ("sitemap_index", 12),
        ("corrections", 2),
        ("people", 1),
    ],
)
def test_query_budget(newsroom, page, budget, django_assert_max_num_queries):
    urls = {
        "article": newsroom["article"].get_absolute_url(),
        "home": "/",
        "section": newsroom["section"].get_absolute_url(),
        "tag": newsroom["tag"].get_absolute_url(),
        "person": newsroom["person"].get_absolute_url(),
        "search": "/search/?q=harbour",
        "feed": "/feed/",
        "atom": "/feed/atom/",
        "section_feed": f"{newsroom['section'].get_absolute_url()}feed/",
        "sitemap_articles": "/sitemap-articles.xml",
        "sitemap_index": "/sitemap.xml",
        "corrections": "/corrections/",
        "people": "/correspondents/",
    }
    # What each page must show, so a page that skips its content cannot pass.
    shows = {
        "sitemap_articles": newsroom["article"].get_absolute_url(),
        "sitemap_index": "/sitemap-articles.xml",
        "corrections": "Added the minister",
        "people": newsroom["person"].name,
    }.get(page, "Harbour main")
    client = Client()
    # Between edits the cache holds the masthead's sections and the time the
    # next scheduled story goes live; each costs one query after an edit.
    nav_sections()
    page_cache.next_change()

    with django_assert_max_num_queries(budget):
        response = client.get(urls[page])

    assertContains(response, shows)


def test_article_page_with_200_comments_renders_them_all(newsroom):
    response = Client().get(newsroom["article"].get_absolute_url())

    assert response.content.count(b'class="comment"') == 200
    assert b"Added the minister" in response.content
