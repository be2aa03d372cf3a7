"""Parts of the article page kept between full-page cache misses."""

import pytest
from django.db import transaction
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from newsroom.redis_cache import RedisCache
from pagecache import tags as page_tags
from tests.comment_helpers import post_comment
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # what a page-cache miss costs and shows


def get(url):
    return Client().get(url)


def test_a_warm_article_page_costs_one_query(django_assert_num_queries):
    article = ArticleFactory(
        published=True, bylines=[CorrespondentFactory(), CorrespondentFactory()]
    )
    CommentFactory.create_batch(3, article=article, approved=True)
    first = get(article.get_absolute_url())

    with django_assert_num_queries(1):  # the article's row; parts come from cache
        second = get(article.get_absolute_url())

    strip = lambda page: page.content.split(b"csrfmiddlewaretoken")[0]  # noqa: E731
    assert strip(first) == strip(second)
    assert second.content.count(b'class="comment"') == 3
    assert b'"@type": "NewsArticle"' in second.content


def test_an_approved_comment_shows_on_the_next_uncached_read(moderator):
    article = ArticleFactory(published=True)
    pending = CommentFactory(article=article, body="Worth the wait")
    assertNotContains(get(article.get_absolute_url()), "Worth the wait")

    pending.approve(by=moderator)

    assertContains(get(article.get_absolute_url()), "Worth the wait")


def test_own_pending_comment_is_shown_only_to_its_writer(client, no_comment_delays):
    article = ArticleFactory(published=True)
    CommentFactory(article=article, approved=True, body="Shared remark")
    get(article.get_absolute_url())  # the approved list is now a cached part

    post_comment(client, article, body="Mine until approved")

    mine = client.get(article.get_absolute_url())
    assertContains(mine, "Shared remark")
    assertContains(mine, "Mine until approved")
    assertNotContains(get(article.get_absolute_url()), "Mine until approved")


def test_replying_names_the_comment_even_when_the_list_is_cached():
    article = ArticleFactory(published=True)
    comment = CommentFactory(article=article, approved=True, name="Jo Field")
    get(article.get_absolute_url())

    page = get(f"{article.get_absolute_url()}?reply_to={comment.pk}")

    assertContains(page, "Reply to Jo Field")
    assertContains(page, f'name="parent" value="{comment.pk}"')


def test_an_unknown_reply_target_falls_back_to_a_new_comment():
    article = ArticleFactory(published=True)

    page = get(f"{article.get_absolute_url()}?reply_to=99999")

    assertContains(page, "Leave a comment")
    assertContains(page, 'name="parent" value=""')


@pytest.mark.django_db(transaction=True)
def test_a_change_purges_its_tags_again_when_it_commits():
    from django.core.cache import cache

    article = ArticleFactory(published=True)
    story = page_tags.key(f"story:{article.pk}")
    announced = []
    page_tags.pages_changed.connect(
        lambda **kw: announced.append(kw), weak=False, dispatch_uid="test-commit"
    )
    try:
        with transaction.atomic():
            article.headline = "Edited"
            article.save()
            article.save()
            during = cache.get(story)
    finally:
        page_tags.pages_changed.disconnect(dispatch_uid="test-commit")

    # A page rendered before the commit (from the old rows) was stored with
    # the versions current inside the transaction; it must not be served.
    assert cache.get(story) != during
    assert len(announced) == 1  # one announcement however many saves
    assert f"story:{article.pk}" in announced[0]["tags"]


def test_the_redis_backend_keeps_one_client_per_pool():
    backend = RedisCache("redis://127.0.0.1:6379/15", {})

    first = backend._cache.get_client(write=True)

    assert backend._cache.get_client(write=True) is first
    assert backend._cache.get_client() is first  # one server: reads share it


def test_the_masthead_comes_with_the_parts_and_follows_a_section_rename(
    django_assert_num_queries,
):
    section = SectionFactory(name="Business")
    article = ArticleFactory(published=True, section=section)
    get(article.get_absolute_url())

    with django_assert_num_queries(1):
        assertContains(get(article.get_absolute_url()), ">Business</a></li>")

    section.name = "Money"
    section.save()

    page = get(article.get_absolute_url())
    assertContains(page, ">Money</a></li>")
    assertNotContains(page, ">Business</a></li>")
